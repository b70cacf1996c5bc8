// Index tensors are data, never differentiated: ops read them in JS to check bounds before ORT
// runs (ORT's Gather/Scatter errors are not PyTorch's) and to compute data-dependent shapes.
import { int32, int64 } from '../dtype.js';
import { IndexError, RuntimeError } from '../errors.js';
import { tensor } from '../creation.js';
import { Tensor } from '../tensor.js';
import { reshape } from './reshape.js';

/** The values of an int32/int64 tensor as JS numbers. */
export function indexValues(t: Tensor): number[] {
  return Array.from(t._data as ArrayLike<number | bigint>, Number);
}

/** PyTorch's out-of-bounds error for an index into a dim. */
export function outOfBounds(i: number, dim: number, size: number): IndexError {
  return new IndexError(`index ${i} is out of bounds for dimension ${dim} with size ${size}`);
}

/** Throws (as gather/scatter do) if any index is outside [0, size), or [-size, size) when negatives wrap. */
export function checkBounds(idx: Tensor, dim: number, size: number, wrapNegative = false, Err: typeof RuntimeError | typeof IndexError = RuntimeError): void {
  const d = idx._data as ArrayLike<number | bigint>;
  const lo = wrapNegative ? -size : 0;
  for (let k = 0; k < d.length; k++) {
    const v = Number(d[k]);
    if (v < lo || v >= size) throw new Err(outOfBounds(v, dim, size).message);
  }
}

/** Requires an int64 index (gather, scatter) with PyTorch's message. */
export function requireInt64(idx: Tensor, opName: string): void {
  if (idx.dtype !== int64) throw new RuntimeError(`${opName}(): Expected dtype int64 for index`);
}

/** An index argument as an int64 tensor (number[] and plain numbers allowed). */
export function asIndexTensor(idx: Tensor | number | readonly number[]): Tensor {
  if (idx instanceof Tensor) return idx;
  return tensor(idx as number[], { dtype: int64 });
}

/** Copies an int index tensor with negative values wrapped into [0, size). */
export function wrapIndex(idx: Tensor, size: number): Tensor {
  const v = indexValues(idx);
  if (v.every((x) => x >= 0) && idx.dtype === int64) return idx;
  return reshape(tensor(v.map((x) => (x < 0 ? x + size : x)), { dtype: int64 }), idx._shape);
}

export const isIntIndex = (t: Tensor): boolean => t.dtype === int64 || t.dtype === int32;
