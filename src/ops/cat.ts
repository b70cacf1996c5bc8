// cat / concat / concatenate: joins tensors along an existing dim (ONNX Concat), promoting dtypes.
import { bind } from '../args.js';
import { resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { normDim } from '../shape.js';
import { zeros } from '../creation.js';
import type { Tensor } from '../tensor.js';
import { promote } from './_common.js';
import { clone } from './clone.js';
import { narrow } from './narrow.js';

export const Cat = defineOp<{ dim: number; skip?: readonly number[] }>({
  name: 'cat',
  infer: (xs, a) => {
    const kept = xs.filter((_, i) => !a.skip?.includes(i));
    const shape = kept[0]._shape.slice();
    shape[a.dim] = kept.reduce((n, x) => n + x._shape[a.dim], 0);
    return [{ dtype: kept[0].dtype, shape }];
  },
  lower: (g, xs, a) => [g.op1('Concat', xs.filter((_, i) => !a.skip?.includes(i)), { axis: a.dim })],
  saves: { inputs: [] },
  grad: (ctx, [gy]) => {
    let off = 0;
    const d = ctx.attrs.dim;
    return ctx.inputMeta.map((m, i) => {
      if (ctx.attrs.skip?.includes(i)) return ctx.needs[i] ? zeros([0], { dtype: gy!.dtype }) : null;
      off += m.shape[d];
      return ctx.needs[i] ? narrow(gy!, d, off - m.shape[d], m.shape[d]) : null;
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
  if (kept.length === 1 && kept.length === tensors.length) {
    const x = promote(kept, dtype)[0];
    return x === kept[0] ? clone(x) : x; // a new tensor, as in PyTorch
  }
  // Skipped tensors stay inputs (they get an empty gradient) but are left out of the Concat.
  const skip = tensors.map((t, i) => (skipped(t) ? i : -1)).filter((i) => i >= 0);
  return apply1(Cat, promote(tensors, dtype), skip.length ? { dim, skip } : { dim });
}

/** torch.concat: alias of cat. */
export const concat = cat;
/** torch.concatenate: alias of cat. */
export const concatenate = cat;
