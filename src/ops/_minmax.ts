// The shared pieces of the max/min family (max.ts, min.ts, maximum.ts, minimum.ts): each op file
// keeps its own defineOp and name, and spreads in the fields that differ only by Max ↔ Min.
// (The NaN-propagating reduce and tie gradient, also used by amax/amin, are in amax.ts.)
import { arange, zeros_like } from '../creation.js';
import { bool, type DType, int32, int64 } from '../dtype.js';
import type { GraphBuilder } from '../graph/builder.js';
import type { GradCtx } from '../op.js';
import type { Tensor } from '../tensor.js';
import { broadcastInfer, type OpFields } from './_common.js';
import { lowerMaxMin, tieGrad } from './amax.js';
import { lowerArgAxis } from './argmax.js';
import { div } from './div.js';
import { eq } from './eq.js';
import { gt } from './gt.js';
import { lt } from './lt.js';
import { reshape } from './reshape.js';
import { reducedShape, type ReduceAttrs } from './_reduce.js';
import { where } from './where.js';

export interface DimAttrs {
  dim: number;
  keepdim: boolean;
}

/** argmax/argmin (NaN-aware) then GatherElements, so a NaN in the slice is the value, as in PyTorch. */
export function lowerArgReduce(g: GraphBuilder, type: 'ArgMax' | 'ArgMin', x: string, a: DimAttrs, dt: DType): string[] {
  const xi = dt === bool ? g.op1('Cast', [x], { to: int32.onnx }) : x;
  const idx = lowerArgAxis(g, type, xi, a.dim, true, dt);
  const v = g.op1('GatherElements', [x, idx], { axis: a.dim });
  if (a.keepdim) return [v, idx];
  const ax = g.ints([a.dim]);
  return [g.op1('Squeeze', [v, ax]), g.op1('Squeeze', [idx, ax])];
}

/** Gradient of max/min over a dim: the output gradient goes to the selected index only. */
export function selectGrad(ctx: GradCtx<DimAttrs>, gv: Tensor): Tensor {
  const shape = ctx.inputMeta[0].shape;
  const { dim } = ctx.attrs;
  const kept = reducedShape(shape, [dim], true);
  const pos = reshape(arange(shape[dim]), shape.map((s, i) => (i === dim ? s : 1)));
  const hit = eq(pos, reshape(ctx.outputs[1], kept));
  return where(hit, reshape(gv, kept), zeros_like(ctx.inputMeta[0]));
}

/** Shape rule of max/min over a dim: values and int64 indices. */
export const dimInfer = (x: readonly Tensor[], a: DimAttrs) => {
  const shape = reducedShape(x[0]._shape, [a.dim], a.keepdim);
  return [{ dtype: x[0].dtype, shape }, { dtype: int64, shape }];
};
export const dimKey = (a: DimAttrs): string => a.dim + (a.keepdim ? 'k' : '');

/** max() / min() over everything: NaN-propagating reduce; ties (NaNs included) share the gradient. */
export function reduceAllFields(type: 'ReduceMax' | 'ReduceMin'): OpFields<ReduceAttrs> {
  return {
    infer: (x, a) => [{ dtype: x[0].dtype, shape: reducedShape(x[0]._shape, a.dims, false) }],
    lower: (g, x, a, io) => [lowerMaxMin(g, type, x[0], a, io.inputs[0].dtype)],
    attrKey: (a) => a.dims.join(','),
    saves: { inputs: [0], outputs: [0] },
    grad: (ctx, [gy]) => [tieGrad(ctx, gy!, true)],
  };
}

/** max(dim) / min(dim): values and indices; the gradient goes to the selected index. */
export function reduceDimFields(type: 'ArgMax' | 'ArgMin'): OpFields<DimAttrs> {
  return {
    infer: dimInfer,
    lower: (g, x, a, io) => lowerArgReduce(g, type, x[0], a, io.inputs[0].dtype),
    attrKey: dimKey,
    saves: { inputs: [], outputs: [1] },
    grad: (ctx, [gv]) => [selectGrad(ctx, gv!)],
  };
}

/** maximum / minimum: elementwise ONNX Max / Min, NaN propagating; bool goes through Or / And. */
export function extremumFields(kind: 'max' | 'min'): OpFields<void> {
  // ONNX Max/Min keep NaN like PyTorch (ORT-FACTS §4); bool has no Max/Min kernel.
  const [onnx, boolOnnx] = kind === 'max' ? ['Max', 'Or'] : ['Min', 'And'];
  // Where a loses (a < b for maximum, a > b for minimum), and where b does.
  const aLoses = (a: Tensor, b: Tensor) => (kind === 'max' ? lt(a, b) : gt(a, b));
  const bLoses = (a: Tensor, b: Tensor) => (kind === 'max' ? gt(a, b) : lt(a, b));
  return {
    infer: (x) => broadcastInfer(x),
    elementwise: true,
    lower: (g, x, _a, io) => [g.op1(io.inputs[0].dtype === bool ? boolOnnx : onnx, x)],
    // PyTorch 1.13: ties split the gradient in half; NaN lanes pass it to both sides.
    grad: (ctx, [gy]) => {
      const [a, b] = ctx.inputs;
      const shared = where(eq(a, b), div(gy!, 2), gy!);
      return [ctx.needs[0] ? where(aLoses(a, b), 0, shared) : null, ctx.needs[1] ? where(bLoses(a, b), 0, shared) : null];
    },
  };
}
