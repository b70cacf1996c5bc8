// split / split_with_sizes: pieces of a tensor along a dim, one op with a view per piece
// (PyTorch's SplitBackward0 / SplitWithSizesBackward0; chunk is written with split).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { fmtShape, normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { apply } from '../dispatch.js';
import { defineOp } from '../op.js';
import { makeView } from './_view.js';
import { cat } from './cat.js';

/** sizes: the pieces' lengths along dim; bySize: called as split(int) (its grad_fn name) */
export const SplitWithSizes = defineOp<{ dim: number; sizes: readonly number[]; bySize: boolean }>({
  name: 'split_with_sizes',
  backwardName: (a) => (a.bySize ? 'SplitBackward0' : 'SplitWithSizesBackward0'),
  view: 'multi',
  infer: ([x], a) =>
    a.sizes.map((len) => {
      const shape = x._shape.slice();
      shape[a.dim] = len;
      return { dtype: x.dtype, shape };
    }),
  lower: (g, [x], a) => g.op('Split', [x, g.ints(a.sizes)], { axis: a.dim }, a.sizes.length),
  eager: ([x], a, outs) => {
    const st = x._stridesOrDense;
    let off = 0;
    return outs.map((o, i) => {
      const v = makeView(x, o.shape, st, x._offset + off * st[a.dim]);
      off += a.sizes[i];
      return v;
    });
  },
  attrKey: (a) => `${a.dim}|${a.sizes.join(',')}`,
  saves: { inputs: [] },
  grad: (ctx, gys) => [cat(gys as Tensor[], ctx.attrs.dim)],
});

/** Pieces of given sizes along dim (sizes must add up to the dim's size). */
export function split_with_sizes(input: Tensor, split_sizes: readonly number[], ...args: unknown[]): Tensor[] {
  const { dim } = bind<{ dim: number }>(['dim'], args, { dim: 0 });
  const d = normDim(dim, input._shape.length);
  const n = input._shape[d];
  const total = split_sizes.reduce((p, q) => p + q, 0);
  if (split_sizes.some((v) => v < 0) || total !== n)
    throw new RuntimeError(
      `split_with_sizes expects split_sizes to sum exactly to ${n} (input tensor's size at dimension ${d}), but got split_sizes=${fmtShape(split_sizes)}`,
    );
  return applySplit(input, split_sizes, d, false);
}

function applySplit(input: Tensor, sizes: readonly number[], dim: number, bySize: boolean): Tensor[] {
  return sizes.length === 0 ? [] : apply(SplitWithSizes, [input], { dim, sizes: [...sizes], bySize });
}

/**
 * torch.split(tensor, split_size_or_sections, dim=0): equal pieces of `split_size` (the last may be
 * smaller), or pieces of the listed sizes.
 * @example
 * torch.arange(10).split(4);       // sizes 4, 4, 2
 * torch.arange(10).split([3, 7]);  // sizes 3, 7
 */
export function split(tensor: Tensor, split_size_or_sections: number | readonly number[], ...args: unknown[]): Tensor[] {
  const o = bind<{ dim?: number }>(['dim'], args);
  if (tensor._shape.length === 0) throw new RuntimeError('split expects at least a 1-dimensional tensor');
  const d = normDim(o.dim ?? 0, tensor._shape.length);
  if (typeof split_size_or_sections !== 'number') return split_with_sizes(tensor, split_size_or_sections, d);
  const size = split_size_or_sections;
  const n = tensor._shape[d];
  if (size < 0) throw new RuntimeError(`split expects split_size be non-negative, but got split_size=${size}`);
  if (size === 0 && n !== 0) throw new RuntimeError(`split_size can only be 0 if dimension size is 0, but got dimension size of ${n}`);
  const pieces = size === 0 ? 1 : Math.max(1, Math.ceil(n / size));
  const sizes = Array.from({ length: pieces }, (_, i) => Math.min(size, n - i * size));
  return applySplit(tensor, sizes, d, true);
}

declare module '../tensor.js' {
  interface Tensor {
    split(split_size_or_sections: number | readonly number[], dim?: number | { dim?: number }): Tensor[];
    split_with_sizes(split_sizes: readonly number[], dim?: number): Tensor[];
  }
}
Tensor.prototype.split = function (this: Tensor, s: number | readonly number[], ...args: unknown[]) {
  return split(this, s, ...args);
};
Tensor.prototype.split_with_sizes = function (this: Tensor, sizes: readonly number[], ...args: unknown[]) {
  return split_with_sizes(this, sizes, ...args);
};
