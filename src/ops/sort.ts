// sort: values and indices along a dim, ascending or descending, always stable (ties keep their
// index order, as PyTorch's CPU sort does); NaN sorts as the largest value. Lowered to ONNX TopK
// with k = the dim's size plus the NaN partition of _sort.ts.
import { bind } from '../args.js';
import { zeros } from '../creation.js';
import { int64 } from '../dtype.js';
import { apply } from '../dispatch.js';
import { defineOp } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { lowerSort, pickGrad } from './_sort.js';
import { clone } from './clone.js';
import { reshape } from './reshape.js';
import { type ValuesIndices, valuesIndices } from './max.js';

export interface SortAttrs {
  dim: number;
  descending: boolean;
}

export const Sort = defineOp<SortAttrs>({
  name: 'sort',
  infer: ([x]) => [
    { dtype: x.dtype, shape: x._shape },
    { dtype: int64, shape: x._shape },
  ],
  lower: (g, [x], a, io) => lowerSort(g, x, a.dim, a.descending, io.inputs[0].dtype),
  saves: { inputs: [], outputs: [1] },
  grad: (ctx, [gv]) => [pickGrad(ctx, gv!, ctx.outputs[1])],
});

type SortOpts = { dim?: number; descending?: boolean; stable?: boolean | null };

/** sort's argument handling, shared with argsort and msort. */
export function sortImpl(input: Tensor, dim: number, descending: boolean): ValuesIndices {
  const rank = input._shape.length;
  const d = normDim(dim, Math.max(rank, 1));
  if (rank === 0) {
    const [v, i] = apply(Sort, [reshape(input, [1])], { dim: 0, descending });
    return valuesIndices(reshape(v, []), reshape(i, []));
  }
  // Nothing to sort (onnxruntime's TopK dies on empty input).
  if (input.numel() === 0) return valuesIndices(clone(input), zeros(input._shape as number[], { dtype: int64 }));
  const [v, i] = apply(Sort, [input], { dim: d, descending });
  return valuesIndices(v, i);
}

/**
 * torch.sort(input, dim = -1, descending = false, { stable }): [values, indices] (also
 * `.values`/`.indices`) sorted along dim. Always stable: equal values keep their order. NaN is
 * the largest value (last ascending, first descending).
 * @example
 * const [v, i] = torch.sort(torch.tensor([3, 1, 2])); // v [1, 2, 3], i [1, 2, 0]
 * x.sort({ dim: 0, descending: true }).values;
 */
export function sort(input: Tensor, dim?: number, descending?: boolean, opts?: SortOpts): ValuesIndices;
export function sort(input: Tensor, opts: SortOpts): ValuesIndices;
export function sort(input: Tensor, ...args: unknown[]): ValuesIndices {
  const o = bind<SortOpts>(['dim', 'descending'], args);
  return sortImpl(input, o.dim ?? -1, o.descending ?? false);
}

declare module '../tensor.js' {
  interface Tensor {
    sort(dim?: number, descending?: boolean, opts?: SortOpts): ValuesIndices;
    sort(opts: SortOpts): ValuesIndices;
  }
}
Tensor.prototype.sort = function (this: Tensor, ...args: unknown[]) {
  return sort(this, ...(args as [SortOpts]));
} as never;
