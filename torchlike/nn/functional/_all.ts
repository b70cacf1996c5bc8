// Everything torch.nn.functional exports, before keyword binding (index.ts).
export * from './activation.js';
export * from './linear.js';
export * from './dropout.js';
export * from './embedding.js';
export { conv1d, conv2d, conv_transpose1d, conv_transpose2d } from './conv.js';
export * from './pooling.js';
export * from './normalization.js';
export * from './loss.js';
