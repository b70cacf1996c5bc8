// unflatten: splits one dim into several (a reshape: same memory).
import { RuntimeError } from '../errors.js';
import { fmtShape, normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { reshape } from './reshape.js';

/**
 * torch.unflatten(input, dim, sizes): a view with `dim` expanded into `sizes` (one may be -1).
 * @example
 * torch.zeros(2, 12).unflatten(1, [3, 4]).shape; // [2, 3, 4]
 */
export function unflatten(input: Tensor, dim: number, sizes: readonly number[]): Tensor {
  const s = input._shape;
  const d = normDim(dim, s.length);
  if (sizes.length === 0) throw new RuntimeError('unflatten: sizes must be non-empty');
  const n = s[d];
  const known = sizes.filter((v) => v !== -1).reduce((p, q) => p * q, 1);
  const infer = sizes.filter((v) => v === -1).length;
  if (infer > 1) throw new RuntimeError('only one dimension can be inferred');
  if (infer === 0 ? known !== n : known === 0 || n % known !== 0)
    throw new RuntimeError(`unflatten: Provided sizes ${fmtShape(sizes)} don't multiply up to the size of dim ${dim} (${n}) in the input tensor`);
  const out = sizes.map((v) => (v === -1 ? n / known : v));
  return reshape(input, [...s.slice(0, d), ...out, ...s.slice(d + 1)]);
}

declare module '../tensor.js' {
  interface Tensor {
    unflatten(dim: number, sizes: readonly number[]): Tensor;
  }
}
Tensor.prototype.unflatten = function (this: Tensor, dim: number, sizes: readonly number[]) {
  return unflatten(this, dim, sizes);
};
