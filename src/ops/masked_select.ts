// masked_select: the elements where mask is true, as a 1-D tensor. The output size depends on
// the mask, so the positions are found in JS and the values taken with index_select.
import { bool, int64 } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { broadcastShapes } from '../shape.js';
import { Tensor } from '../tensor.js';
import { expand } from './expand.js';
import { index_select } from './index_select.js';
import { nonzeroFlat } from './nonzero.js';
import { reshape } from './reshape.js';

/**
 * torch.masked_select(input, mask): a 1-D tensor of input's elements where the bool mask
 * (broadcast with input) is true, in row-major order.
 * @example
 * x.masked_select(x.gt(0)); // the positive elements
 */
export function masked_select(input: Tensor, mask: Tensor): Tensor {
  if (mask.dtype !== bool) throw new RuntimeError('masked_select: expected BoolTensor for mask');
  const shape = broadcastShapes(input._shape, mask._shape);
  const m = expand(mask, shape);
  const pos = nonzeroFlat(m);
  const idx = new Tensor(BigInt64Array.from(pos, (p) => BigInt(p)), [pos.length], int64);
  return index_select(reshape(expand(input, shape), [-1]), 0, idx);
}

declare module '../tensor.js' {
  interface Tensor {
    masked_select(mask: Tensor): Tensor;
  }
}
Tensor.prototype.masked_select = function (this: Tensor, mask: Tensor) {
  return masked_select(this, mask);
};
