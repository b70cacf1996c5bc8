// select_scatter: input with src written into the slice select(dim, index) (a slice_scatter).
import { IndexError, RuntimeError } from '../errors.js';
import { normDim, sameShape } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { slice_scatter } from './slice_scatter.js';
import { unsqueeze } from './unsqueeze.js';

/**
 * torch.select_scatter(input, src, dim, index): a copy of input with input.select(dim, index)
 * replaced by src.
 * @example
 * torch.zeros(2, 2).select_scatter(torch.ones(2), 0, 0); // [[1, 1], [0, 0]]
 */
export function select_scatter(input: Tensor, src: Tensor, dim: number, index: number): Tensor {
  const d = normDim(dim, input._shape.length);
  const n = input._shape[d];
  if (index < -n || index >= n) throw new IndexError(`select(): index ${index} out of range for tensor of size [${input._shape.join(', ')}] at dimension ${d}`);
  const i = index < 0 ? index + n : index;
  const want = input._shape.filter((_, k) => k !== d);
  if (!sameShape(want, src._shape)) throw new RuntimeError(`expected src to have a size equal to the slice of self. src size = [${src._shape.join(', ')}], slice size = [${want.join(', ')}]`);
  return slice_scatter(input, unsqueeze(src, d), d, i, i + 1);
}

declare module '../tensor.js' {
  interface Tensor {
    select_scatter(src: Tensor, dim: number, index: number): Tensor;
  }
}
import { Tensor as T } from '../tensor.js';
T.prototype.select_scatter = function (this: Tensor, src: Tensor, dim: number, index: number) {
  return select_scatter(this, src, dim, index);
};
