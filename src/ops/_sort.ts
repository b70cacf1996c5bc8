// Shared pieces of the sorting group (sort, argsort, topk, kthvalue, median, nanmedian, mode,
// quantile): the NaN-aware stable TopK lowering and the gradient that scatters into the picked
// indices.
//
// ONNX TopK breaks ties by the lower index (a stable order) but mishandles NaN (ORT-FACTS §4).
// PyTorch orders NaN above +inf. The lowering sorts a key with NaN replaced by +inf, then stably
// partitions the sorted indices so that NaNs come after every number (ascending) or before them
// (descending): an O(n) CumSum/ScatterElements pass instead of a second sort.
import { zeros } from '../creation.js';
import { bool, type DType, float32, int32, int64 } from '../dtype.js';
import type { GraphBuilder } from '../graph/builder.js';
import type { GradCtx } from '../op.js';
import type { Tensor } from '../tensor.js';
import { reshape } from './reshape.js';
import { scatter } from './scatter.js';

/** The TopK key of a dtype: floats keep theirs (halves go to float32), bool and small ints go to int32. */
function sortKey(g: GraphBuilder, x: string, dt: DType): string {
  if (dt.isHalf) return g.op1('Cast', [x], { to: float32.onnx });
  if (dt === bool || (!dt.is_floating_point && dt !== int32 && dt !== int64)) return g.op1('Cast', [x], { to: int32.onnx });
  return x;
}

/**
 * Stable NaN-aware TopK along `axis`: the int64 indices of the first `k` elements (all when k is
 * omitted) in ascending or descending order, NaN counted as the largest value.
 * `k` is an int64 [1] value name.
 */
export function lowerSortIndices(g: GraphBuilder, x: string, axis: number, descending: boolean, dt: DType, k?: string): string {
  const key0 = sortKey(g, x, dt);
  const n = g.op1('Gather', [g.op1('Shape', [x]), g.ints([axis])]);
  const largest = descending ? 1 : 0;
  if (!dt.is_floating_point) {
    return g.op(
      'TopK',
      [key0, k ?? n],
      { axis, largest, sorted: 1 },
      2,
    )[1];
  }
  const kdt = dt.isHalf ? float32 : dt;
  const isn = g.op1('IsNaN', [key0]);
  const inf = g.scalar(kdt, Infinity);
  const key = g.op1('Where', [isn, inf, key0]);
  // With k given, take enough that every NaN/+inf tie is inside before partitioning.
  let kk = n;
  if (k) {
    const ties = g.op1('Cast', [g.op1('Equal', [key, inf])], { to: int64.onnx });
    const cnt = g.op1('Reshape', [g.op1('ReduceSum', [ties], { keepdims: 0 }), g.ints([1])]);
    kk = g.op1('Min', [n, g.op1('Add', [k, cnt])]);
  }
  const i1 = g.op('TopK', [key, kk], { axis, largest, sorted: 1 }, 2)[1];
  const f = g.op1('Cast', [g.op1('GatherElements', [isn, i1], { axis })], { to: int64.onnx });
  const one = g.scalar(int64, 1);
  const nf = g.op1('Sub', [one, f]);
  const ax = g.int(axis);
  const csN = g.op1('CumSum', [f, ax]);
  const csR = g.op1('CumSum', [nf, ax]);
  const fb = g.op1('Cast', [f], { to: bool.onnx });
  const axes = g.ints([axis]);
  let dest: string;
  if (descending) {
    const cntN = g.op1('ReduceSum', [f, axes], { keepdims: 1 });
    dest = g.op1('Where', [fb, g.op1('Sub', [csN, one]), g.op1('Sub', [g.op1('Add', [cntN, csR]), one])]);
  } else {
    const cntR = g.op1('ReduceSum', [nf, axes], { keepdims: 1 });
    dest = g.op1('Where', [fb, g.op1('Sub', [g.op1('Add', [cntR, csN]), one]), g.op1('Sub', [csR, one])]);
  }
  let idx = g.op1('ScatterElements', [i1, dest, i1], { axis });
  if (k) idx = g.op1('Slice', [idx, g.ints([0]), k, axes]);
  return idx;
}

/** Values and indices of a NaN-aware stable sort (or its first k). */
export function lowerSort(g: GraphBuilder, x: string, axis: number, descending: boolean, dt: DType, k?: string): [string, string] {
  if (dt === int32 || dt === int64) {
    // No NaN and no key cast: TopK's own values are the answer.
    const n = g.op1('Gather', [g.op1('Shape', [x]), g.ints([axis])]);
    const [v, i] = g.op('TopK', [x, k ?? n], { axis, largest: descending ? 1 : 0, sorted: 1 }, 2);
    return [v, i];
  }
  const idx = lowerSortIndices(g, x, axis, descending, dt, k);
  return [g.op1('GatherElements', [x, idx], { axis }), idx];
}

/** Gradient of an op that picks values by index along `dim` (sort, topk, kthvalue, median, mode): zeros with gy scattered to the picks. */
export function pickGrad(ctx: GradCtx<{ dim: number; keepdim?: boolean }>, gy: Tensor, indices: Tensor): Tensor {
  const shape = ctx.inputMeta[0].shape;
  const { dim } = ctx.attrs;
  if (shape.length === 0) return reshape(gy, []);
  const keptShape = indices._shape.length === shape.length ? indices._shape : indices._shape.slice(0, dim).concat([1], indices._shape.slice(dim));
  const z = zeros(shape as number[], { dtype: gy.dtype });
  return scatter(z, dim, reshape(indices, keptShape), reshape(gy, keptShape));
}
