// kthvalue: the k-th smallest value along a dim and its index (NaN the largest), as
// torch.kthvalue: the NaN-aware stable TopK of _sort.ts for the k smallest, then the last of them.
// Ties pick the lowest index (PyTorch's CPU choice among ties is unspecified).
import { bind } from '../args.js';
import { int64 } from '../dtype.js';
import { apply } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { checkInt } from './_common.js';
import { reducedShape } from './_reduce.js';
import { lowerSort, pickGrad } from './_sort.js';
import { type ValuesIndices, valuesIndices } from './max.js';
import { reshape } from './reshape.js';

export interface KthvalueAttrs {
  k: number;
  dim: number;
  keepdim: boolean;
}

export const Kthvalue = defineOp<KthvalueAttrs>({
  name: 'kthvalue',
  infer: ([x], a) => {
    const shape = reducedShape(x._shape, [a.dim], a.keepdim);
    return [
      { dtype: x.dtype, shape },
      { dtype: int64, shape },
    ];
  },
  lower: (g, [x], a, io) => {
    const axes = g.ints([a.dim]);
    return lowerSort(g, x, a.dim, false, io.inputs[0].dtype, g.ints([a.k])).map((v) => {
      const last = g.op1('Slice', [v, g.ints([a.k - 1]), g.ints([a.k]), axes]);
      return a.keepdim ? last : g.op1('Squeeze', [last, axes]);
    });
  },
  saves: { inputs: [], outputs: [1] },
  grad: (ctx, [gv]) => [pickGrad(ctx, gv!, ctx.outputs[1])],
});

type KthOpts = { k?: number; dim?: number; keepdim?: boolean };

/**
 * torch.kthvalue(input, k, dim = -1, keepdim = false): [values, indices] of the k-th smallest
 * element along dim (k from 1).
 * @example
 * const [v, i] = torch.kthvalue(torch.tensor([3, 1, 2]), 2); // v 2, i 2
 */
export function kthvalue(input: Tensor, k: number, dim?: number, keepdim?: boolean): ValuesIndices;
export function kthvalue(input: Tensor, k: number, opts: Omit<KthOpts, 'k'>): ValuesIndices;
export function kthvalue(input: Tensor, ...args: unknown[]): ValuesIndices {
  const o = bind<KthOpts>(['k', 'dim', 'keepdim'], args);
  const k = checkInt('kthvalue', o.k);
  const rank = input._shape.length;
  const dim = normDim(o.dim ?? -1, Math.max(rank, 1));
  const size = rank === 0 ? 1 : input._shape[dim];
  if (k < 1 || k > size) throw new RuntimeError(`kthvalue(): selected number k out of range for dimension ${dim}`);
  const keepdim = o.keepdim ?? false;
  if (rank === 0) {
    const [v, i] = apply(Kthvalue, [reshape(input, [1])], { k, dim: 0, keepdim: false });
    return valuesIndices(v, i);
  }
  const [v, i] = apply(Kthvalue, [input], { k, dim, keepdim });
  return valuesIndices(v, i);
}

declare module '../tensor.js' {
  interface Tensor {
    kthvalue(k: number, dim?: number, keepdim?: boolean): ValuesIndices;
    kthvalue(k: number, opts: Omit<KthOpts, 'k'>): ValuesIndices;
  }
}
Tensor.prototype.kthvalue = function (this: Tensor, ...args: unknown[]) {
  return kthvalue(this, ...(args as [number]));
} as never;
