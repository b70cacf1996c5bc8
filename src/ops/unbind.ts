// unbind: every slice along a dim, with the dim removed (select for each index).
import { RuntimeError } from '../errors.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { select } from './select.js';

/**
 * torch.unbind(input, dim=0): the tensors x.select(dim, i) for every i.
 * @example
 * const [a, b] = torch.tensor([[1, 2], [3, 4]]).unbind(1); // [1, 3], [2, 4]
 */
export function unbind(input: Tensor, dim: number | { dim?: number } = 0): Tensor[] {
  const dd = typeof dim === 'number' ? dim : (dim.dim ?? 0);
  if (input._shape.length === 0) throw new RuntimeError('Dimension specified as 0 but tensor has no dimensions');
  const d = normDim(dd, input._shape.length);
  return Array.from({ length: input._shape[d] }, (_, i) => select(input, d, i));
}

declare module '../tensor.js' {
  interface Tensor {
    unbind(dim?: number | { dim?: number }): Tensor[];
  }
}
Tensor.prototype.unbind = function (this: Tensor, dim?: number | { dim?: number }) {
  return unbind(this, dim);
};
