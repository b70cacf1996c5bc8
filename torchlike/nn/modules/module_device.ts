// Module.cuda(): torchlike has no CUDA, so moving a module's tensors there raises PyTorch's error.
import { AssertionError } from '../../../src/errors.js';
import type { DeviceLike } from '../../../src/ops/device.js';
import { Module } from './module.js';

declare module './module.js' {
  interface Module {
    /**
     * Moves parameters and buffers to CUDA: raises PyTorch's AssertionError (no CUDA here).
     * @example
     * if (torch.cuda.is_available()) model.cuda();
     */
    cuda(device?: DeviceLike): this;
  }
}

// As PyTorch's _apply: the error comes from moving a tensor, so a module without any returns itself.
Module.prototype.cuda = function (this: Module) {
  if (this.parameters().length > 0 || this.buffers().length > 0) throw new AssertionError('Torch not compiled with CUDA enabled');
  return this;
};
