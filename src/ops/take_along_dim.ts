// take_along_dim: gather with input and indices broadcast over every dim but `dim` (flat take
// when dim is None).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { broadcastShapes, normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { expand } from './expand.js';
import { gather } from './gather.js';
import { reshape } from './reshape.js';

/**
 * torch.take_along_dim(input, indices, dim=None): values of input at `indices` along dim, as
 * NumPy's take_along_axis (input and indices broadcast elsewhere); flattened when dim is None.
 * @example
 * const x = torch.tensor([[10, 30, 20]]);
 * torch.take_along_dim(x, x.argsort(1), 1); // [[10, 20, 30]]
 */
export function take_along_dim(input: Tensor, indices: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ dim?: number | null }>(['dim'], args);
  if (indices.dtype.name !== 'int64') throw new RuntimeError(`torch.take_along_dim(): dtype of indices should be Long but got ${indices.dtype.scalarName}`);
  if (o.dim == null) return gather(reshape(input, [-1]), 0, reshape(indices, [-1]));
  if (input._shape.length !== indices._shape.length) throw new RuntimeError(`torch.take_along_dim(): input and indices should have the same number of dimensions, but got ${input._shape.length} dimensions for input, and ${indices._shape.length} dimensions for indices`);
  const d = normDim(o.dim, input._shape.length);
  const a = [...input._shape];
  const b = [...indices._shape];
  a[d] = 1;
  b[d] = 1;
  const s = broadcastShapes(a, b);
  const xs = s.map((n, i) => (i === d ? input._shape[d] : n));
  const is = s.map((n, i) => (i === d ? indices._shape[d] : n));
  return gather(expand(input, xs), d, expand(indices, is));
}

declare module '../tensor.js' {
  interface Tensor {
    take_along_dim(indices: Tensor, dim?: number | null | { dim?: number | null }): Tensor;
  }
}
Tensor.prototype.take_along_dim = function (this: Tensor, indices: Tensor, ...args: unknown[]) {
  return take_along_dim(this, indices, ...args);
};
