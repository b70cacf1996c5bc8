// Module.cuda() and model.to(<a CUDA device>): torchlike has no CUDA, so moving a module's tensors
// there raises PyTorch's error.
import { AssertionError } from '../../../src/errors.js';
import { checkDevice, deviceIn, type DeviceLike } from '../../../src/device.js';
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
const hasTensors = (m: Module) => m.parameters().length > 0 || m.buffers().length > 0;

Module.prototype.cuda = function (this: Module) {
  if (hasTensors(this)) throw new AssertionError('Torch not compiled with CUDA enabled');
  return this;
};

// model.to('cuda') / model.to(torch.device('cuda')) / model.to({ device }): the device check wraps
// the dtype conversion of module.ts.
const toDtype = Module.prototype.to;
Module.prototype.to = function (this: Module, ...args: unknown[]) {
  for (const a of args) {
    const d = deviceIn(a);
    if (d === undefined) continue;
    if (hasTensors(this)) checkDevice(d);
    else if (String(typeof d === 'object' && d ? d.type : d).split(':')[0] !== 'cpu') return this; // nothing to move
  }
  return toDtype.apply(this, args as Parameters<typeof toDtype>) as typeof this;
};
