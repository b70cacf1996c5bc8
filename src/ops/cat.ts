// cat / concat / concatenate: joins tensors along an existing dim (ONNX Concat), promoting dtypes.
import { bind } from '../args.js';
import { resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { normDim } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { promote } from './_common.js';
import { clone } from './clone.js';
import { narrow } from './narrow.js';

export const Cat = defineOp<{ dim: number }>({
  name: 'cat',
  infer: (xs, a) => {
    const shape = xs[0]._shape.slice();
    shape[a.dim] = xs.reduce((n, x) => n + x._shape[a.dim], 0);
    return [{ dtype: xs[0].dtype, shape }];
  },
  lower: (g, xs, a) => [g.op1('Concat', xs, { axis: a.dim })],
  saves: { inputs: [] },
  grad: (ctx, [gy]) => {
    let off = 0;
    return ctx.inputMeta.map((m, i) => {
      const n = m.shape[ctx.attrs.dim];
      off += n;
      return ctx.needs[i] ? narrow(gy!, ctx.attrs.dim, off - n, n) : null;
    });
  },
});

/** Legacy rule kept by PyTorch: 1-D empty tensors are skipped whatever the other shapes. */
const skipped = (t: Tensor): boolean => t._shape.length === 1 && t._shape[0] === 0;

/**
 * torch.cat(tensors, dim=0): concatenation along `dim`; all other sizes must match. Mixed dtypes
 * promote as in PyTorch.
 * @example
 * torch.cat([a, b], 1); torch.cat([a, b], { dim: -1 });
 */
export function cat(tensors: readonly Tensor[], ...args: unknown[]): Tensor {
  const o = bind<{ dim?: number }>(['dim'], args);
  if (tensors.length === 0) throw new RuntimeError('torch.cat(): expected a non-empty list of Tensors');
  const dtype = resultType(...tensors);
  const kept = tensors.filter((t) => !skipped(t));
  if (kept.length === 0) return clone(promote([tensors[0]], dtype)[0]);
  const ref = kept[0];
  for (const t of kept) if (t._shape.length === 0) throw new RuntimeError(`zero-dimensional tensor (at position ${tensors.indexOf(t)}) cannot be concatenated`);
  const r = ref._shape.length;
  const dim = normDim(o.dim ?? 0, r);
  tensors.forEach((t, i) => {
    if (skipped(t)) return;
    if (t._shape.length !== r) throw new RuntimeError(`Tensors must have same number of dimensions: got ${r} and ${t._shape.length}`);
    for (let k = 0; k < r; k++)
      if (k !== dim && t._shape[k] !== ref._shape[k])
        throw new RuntimeError(
          `Sizes of tensors must match except in dimension ${dim}. Expected size ${ref._shape[k]} but got size ${t._shape[k]} for tensor number ${i} in the list.`,
        );
  });
  const xs = promote(kept, dtype);
  if (xs.length === 1) return xs[0] === kept[0] ? clone(xs[0]) : xs[0]; // a new tensor, as in PyTorch
  return apply1(Cat, xs, { dim });
}

/** torch.concat: alias of cat. */
export const concat = cat;
/** torch.concatenate: alias of cat. */
export const concatenate = cat;
