// Devices: tensors live on the CPU. Tensor.cpu() returns self; anything naming CUDA raises
// PyTorch's error for a build without CUDA.
import { AssertionError, NotImplementedError, RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';

/** A device as PyTorch accepts it: 'cpu', 'cuda:0', torch.device(...), a CUDA ordinal. */
export type DeviceLike = string | number | { type: string; index?: number | null } | null | undefined;

/**
 * Throws PyTorch's error unless `device` is the CPU (null/undefined mean the default, the CPU).
 * Called wherever a tensor would be placed on a device.
 */
export function checkDevice(device: DeviceLike): void {
  if (device === null || device === undefined) return;
  const type = typeof device === 'number' ? 'cuda' : typeof device === 'string' ? device.split(':')[0] : device.type;
  if (type === 'cpu') return;
  if (type === 'cuda') throw new AssertionError('Torch not compiled with CUDA enabled');
  if (typeof device === 'string' && !/^[a-z]+(:\d+)?$/.test(device)) throw new RuntimeError(`Invalid device string: '${device}'`);
  throw new NotImplementedError(`Could not run 'aten::empty.memory_format' with arguments from the '${type.toUpperCase()}' backend.`);
}

declare module '../tensor.js' {
  interface Tensor {
    /** The tensor in CPU memory: itself, as in PyTorch (no copy). @example x.cpu().tolist() */
    cpu(opts?: { memory_format?: unknown }): Tensor;
    /** The tensor in CUDA memory: torchlike has no CUDA, so this raises PyTorch's AssertionError. */
    cuda(device?: DeviceLike | { device?: DeviceLike; non_blocking?: boolean }, opts?: { non_blocking?: boolean }): Tensor;
  }
}

Tensor.prototype.cpu = function (this: Tensor) {
  return this;
};
Tensor.prototype.cuda = function (this: Tensor) {
  throw new AssertionError('Torch not compiled with CUDA enabled');
};
