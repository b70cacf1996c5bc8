// torchlike: PyTorch's API in TypeScript.
//   import * as torch from 'torchlike';   or   import torch from 'torchlike';
import * as torch from './torch.js';

export * from './torch.js';
export default torch;
