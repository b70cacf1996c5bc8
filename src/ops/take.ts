// take: elements of the flattened input at the given flat indices (index_select on the flat view).
import { IndexError } from '../errors.js';
import { numel } from '../shape.js';
import { Tensor } from '../tensor.js';
import { asIndexTensor, indexValues, wrapIndex } from './_indices.js';
import { index_select } from './index_select.js';
import { reshape } from './reshape.js';

/**
 * torch.take(input, index): input treated as 1-D, read at `index` (negative counts from the end);
 * the result has index's shape.
 * @example
 * torch.tensor([[4, 3, 5], [6, 7, 8]]).take(torch.tensor([0, 2, 5])); // [4, 5, 8]
 */
export function take(input: Tensor, index: Tensor | readonly number[]): Tensor {
  const idx = asIndexTensor(index);
  const n = numel(input._shape);
  for (const v of indexValues(idx)) if (v < -n || v >= n) throw new IndexError(`out of range: tried to access index ${v} on a tensor of ${n} elements.`);
  return reshape(index_select(reshape(input, [-1]), 0, reshape(wrapIndex(idx, n), [-1])), idx._shape);
}

declare module '../tensor.js' {
  interface Tensor {
    take(index: Tensor | readonly number[]): Tensor;
  }
}
Tensor.prototype.take = function (this: Tensor, index: Tensor | readonly number[]) {
  return take(this, index);
};
