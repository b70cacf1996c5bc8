// diff: n-th forward difference along a dim (torch.diff, Tensor.diff), as PyTorch composes it:
// prepend/append are concatenated, then x[1:] - x[:-1] n times (logical_xor for bool).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { cat } from './cat.js';
import { logical_xor } from './logical_xor.js';
import { narrow } from './narrow.js';
import { sub } from './sub.js';

/**
 * torch.diff(input, n = 1, dim = -1, prepend?, append?): out[i] = x[i + 1] - x[i], n times.
 * @example
 * torch.diff(torch.tensor([1, 3, 6])); // [2, 3]
 */
export function diff(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ n?: number; dim?: number; prepend?: Tensor | null; append?: Tensor | null }>(['n', 'dim', 'prepend', 'append'], args);
  if (input._shape.length === 0) throw new RuntimeError('diff expects input to be at least one-dimensional');
  const n = o.n ?? 1;
  const dim = normDim(o.dim ?? -1, input._shape.length);
  for (const t of [o.prepend, o.append])
    if (t && t._shape.length !== input._shape.length)
      throw new RuntimeError('diff expects prepend or append to be the same dimension as input');
  let x = input;
  if (o.prepend || o.append) x = cat([...(o.prepend ? [o.prepend] : []), x, ...(o.append ? [o.append] : [])], dim);
  for (let k = 0; k < n; k++) {
    const len = x._shape[dim];
    if (len === 0) break;
    const hi = narrow(x, dim, 1, len - 1);
    const lo = narrow(x, dim, 0, len - 1);
    x = x.dtype.name === 'bool' ? logical_xor(hi, lo) : sub(hi, lo);
  }
  return x;
}

declare module '../tensor.js' {
  interface Tensor {
    diff(n?: number | { n?: number; dim?: number; prepend?: Tensor; append?: Tensor }, dim?: number, prepend?: Tensor, append?: Tensor): Tensor;
  }
}
Tensor.prototype.diff = function (this: Tensor, ...args: unknown[]) {
  return diff(this, ...args);
};
