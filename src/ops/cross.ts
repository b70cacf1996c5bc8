// cross: the 3-vector cross product along a dim of size 3 (a composite of index_select).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { broadcastShapes, normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { expand } from './expand.js';
import { index_select } from './index_select.js';
import { mul } from './mul.js';
import { promote } from './_common.js';
import { resultType } from '../dtype.js';
import { sub } from './sub.js';

/**
 * torch.cross(input, other, dim=None): a×b along `dim` (by default the first dim of size 3, as
 * PyTorch 1.13), inputs broadcast together.
 * @example
 * torch.cross(torch.tensor([[1., 0, 0]]), torch.tensor([[0., 1, 0]]), 1); // [[0, 0, 1]]
 */
export function cross(input: Tensor, other: Tensor, ...args: unknown[]): Tensor {
  const { dim } = bind<{ dim?: number | null }>(['dim'], args);
  if (input.dim() !== other.dim())
    throw new RuntimeError(`linalg.cross: inputs must have the same number of dimensions.`);
  const shape = broadcastShapes(input._shape, other._shape);
  let d: number;
  if (dim == null) {
    d = shape.findIndex((s) => s === 3);
    if (d < 0) throw new RuntimeError(`no dimension of size 3 in input`);
  } else d = normDim(dim, shape.length);
  if (shape[d] !== 3) throw new RuntimeError(`linalg.cross: inputs dimension ${d} must have length 3. Got ${input._shape[d]} and ${other._shape[d]}`);
  const [a, b] = promote([expand(input, shape), expand(other, shape)], resultType(input, other));
  const at = (x: Tensor, i: readonly number[]) => index_select(x, d, i);
  return sub(mul(at(a, [1, 2, 0]), at(b, [2, 0, 1])), mul(at(a, [2, 0, 1]), at(b, [1, 2, 0])));
}

declare module '../tensor.js' {
  interface Tensor {
    cross(other: Tensor, dim?: number | null | { dim?: number | null }): Tensor;
  }
}
Tensor.prototype.cross = function (this: Tensor, other: Tensor, ...args: unknown[]) {
  return cross(this, other, ...args);
};
