// narrow: input[..., start:start+length, ...] along one dim (a copy here; written with slice).
import { IndexError, RuntimeError } from '../errors.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { sliceView } from './slice.js';

/**
 * torch.narrow(input, dim, start, length): `length` entries of `dim` from `start` (negative start
 * counts from the end). A 0-d int tensor is accepted as start.
 * @example
 * torch.arange(10).reshape(2, 5).narrow(1, 1, 3); // columns 1..3
 */
export function narrow(input: Tensor, dim: number, start: number | Tensor, length: number): Tensor {
  if (input._shape.length === 0) throw new RuntimeError('narrow() cannot be applied to a 0-dim tensor.');
  const d = normDim(dim, input._shape.length);
  const size = input._shape[d];
  let s = start instanceof Tensor ? Number(start.item()) : start;
  if (s < -size || s > size) throw new IndexError(`start out of range (expected to be in range of [${-size}, ${size}], but got ${s})`);
  if (s < 0) s += size;
  if (length < 0) throw new RuntimeError('narrow(): length must be non-negative.');
  if (s + length > size) throw new RuntimeError(`start (${s}) + length (${length}) exceeds dimension size (${size}).`);
  return sliceView(input, d, s, s + length);
}

declare module '../tensor.js' {
  interface Tensor {
    narrow(dim: number, start: number | Tensor, length: number): Tensor;
  }
}
Tensor.prototype.narrow = function (this: Tensor, dim: number, start: number | Tensor, length: number) {
  return narrow(this, dim, start, length);
};
