// Tensor.cpu() returns self (tensors live on the CPU); Tensor.cuda() raises PyTorch's error for a build
// without CUDA (x.to(device) checks devices in to_dtype.ts).
import { AssertionError } from '../errors.js';
import type { DeviceLike } from '../device.js';
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


