// select: input[..., index, ...], removing `dim` (a view: slice of one, then a reshape dropping the dim).
// Tensor iteration (for (const row of x)) uses it.
import { IndexError } from '../errors.js';
import { normDim, fmtShape } from '../shape.js';
import { Tensor } from '../tensor.js';
import { reshape } from './reshape.js';
import { slice } from './slice.js';

/**
 * torch.select(input, dim, index): the slice at `index` of `dim`, with that dim removed.
 * Negative index counts from the end.
 * @example
 * x.select(0, -1); // the last row: x[-1]
 */
export function select(input: Tensor, dim: number, index: number): Tensor {
  if (input._shape.length === 0) throw new IndexError('select() cannot be applied to a 0-dim tensor.');
  const d = normDim(dim, input._shape.length);
  const size = input._shape[d];
  if (!Number.isInteger(index) || index < -size || index >= size)
    throw new IndexError(`select(): index ${index} out of range for tensor of size ${fmtShape(input._shape)} at dimension ${d}`);
  const i = index < 0 ? index + size : index;
  const shape = input._shape.slice();
  shape.splice(d, 1);
  const strides = input._stridesOrDense.slice();
  strides.splice(d, 1);
  return reshape(slice(input, d, i, i + 1), shape, strides);
}

declare module '../tensor.js' {
  interface Tensor {
    select(dim: number, index: number): Tensor;
  }
}
Tensor.prototype.select = function (this: Tensor, dim: number, index: number) {
  return select(this, dim, index);
};
