// Tensor.cpu() returns self (tensors live on the CPU); Tensor.cuda() and x.to(<a CUDA device>)
// raise PyTorch's error for a build without CUDA.
import { AssertionError } from '../errors.js';
import { checkDevice, deviceIn, type DeviceLike } from '../device.js';
import { Tensor } from '../tensor.js';
import './to_dtype.js';

export { checkDevice, type DeviceLike } from '../device.js';

declare module '../tensor.js' {
  interface Tensor {
    /** The tensor in CPU memory: itself, as in PyTorch (no copy). @example x.cpu().tolist() */
    cpu(opts?: { memory_format?: unknown }): Tensor;
    /** The tensor in CUDA memory: torchlike has no CUDA, so this raises PyTorch's AssertionError. */
    cuda(device?: DeviceLike | { device?: DeviceLike; non_blocking?: boolean }, opts?: { non_blocking?: boolean }): Tensor;
    /** x.to(torch.device('cpu')), x.to(device, dtype): the CPU only. */
    to(device: { type: string; index: number | null }, opts?: unknown): Tensor;
  }
}

Tensor.prototype.cpu = function (this: Tensor) {
  return this;
};
Tensor.prototype.cuda = function (this: Tensor) {
  throw new AssertionError('Torch not compiled with CUDA enabled');
};

// x.to('cuda') / x.to(torch.device('cuda')) / x.to({ device: 'cuda' }): the device check wraps the
// dtype conversion of to_dtype.ts, which ignores devices.
const toDtype = Tensor.prototype.to;
Tensor.prototype.to = function (this: Tensor, ...args: unknown[]) {
  for (const a of args) checkDevice(deviceIn(a));
  return toDtype.apply(this, args as Parameters<typeof toDtype>);
};
