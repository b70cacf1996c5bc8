// topk: the k largest (or smallest) values along a dim and their indices, NaN counting as the
// largest value. ONNX TopK on a NaN-safe key (_sort.ts); ties come in index order (PyTorch's CPU
// order for ties is unspecified).
import { bind } from '../args.js';
import { zeros } from '../creation.js';
import { int64 } from '../dtype.js';
import { apply } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { checkInt } from './_common.js';
import { lowerSort, pickGrad } from './_sort.js';
import { type ValuesIndices, valuesIndices } from './max.js';
import { clone } from './clone.js';
import { narrow } from './narrow.js';
import { reshape } from './reshape.js';

export interface TopkAttrs {
  k: number;
  dim: number;
  largest: boolean;
}

export const Topk = defineOp<TopkAttrs>({
  name: 'topk',
  infer: ([x], a) => {
    const shape = x._shape.map((s, i) => (i === a.dim ? a.k : s));
    return [
      { dtype: x.dtype, shape },
      { dtype: int64, shape },
    ];
  },
  lower: (g, [x], a, io) => lowerSort(g, x, a.dim, a.largest, io.inputs[0].dtype, g.ints([a.k])),
  saves: { inputs: [], outputs: [1] },
  grad: (ctx, [gv]) => [pickGrad(ctx, gv!, ctx.outputs[1])],
});

type TopkOpts = { k?: number; dim?: number; largest?: boolean; sorted?: boolean };

/**
 * torch.topk(input, k, dim = -1, largest = true, sorted = true): [values, indices] of the k
 * largest (largest = false: smallest) elements along dim, in sorted order (also with
 * sorted = false, where PyTorch leaves the order unspecified). NaN is the largest value.
 * @example
 * const [v, i] = torch.topk(torch.tensor([1, 5, 3, 4]), 2); // v [5, 4], i [1, 3]
 */
export function topk(input: Tensor, k: number, dim?: number, largest?: boolean, sorted?: boolean): ValuesIndices;
export function topk(input: Tensor, k: number, opts: Omit<TopkOpts, 'k'>): ValuesIndices;
export function topk(input: Tensor, ...args: unknown[]): ValuesIndices {
  const o = bind<TopkOpts>(['k', 'dim', 'largest', 'sorted'], args);
  const k = checkInt('topk', o.k);
  const rank = input._shape.length;
  const dim = normDim(o.dim ?? -1, Math.max(rank, 1));
  const size = rank === 0 ? 1 : input._shape[dim];
  if (k < 0 || k > size) throw new RuntimeError('selected index k out of range');
  const largest = o.largest ?? true;
  if (rank === 0) {
    const [v, i] = apply(Topk, [reshape(input, [1])], { k, dim: 0, largest });
    return valuesIndices(reshape(v, k ? [] : [0]), reshape(i, k ? [] : [0]));
  }
  if (input.numel() === 0 || k === 0) {
    // Nothing to pick (onnxruntime's TopK dies on empty input).
    const shape = input._shape.map((s, j) => (j === dim ? k : s));
    return valuesIndices(clone(narrow(input, dim, 0, k)), zeros(shape, { dtype: int64 }));
  }
  const [v, i] = apply(Topk, [input], { k, dim, largest });
  return valuesIndices(v, i);
}

declare module '../tensor.js' {
  interface Tensor {
    topk(k: number, dim?: number, largest?: boolean, sorted?: boolean): ValuesIndices;
    topk(k: number, opts: Omit<TopkOpts, 'k'>): ValuesIndices;
  }
}
Tensor.prototype.topk = function (this: Tensor, ...args: unknown[]) {
  return topk(this, ...(args as [number]));
} as never;
