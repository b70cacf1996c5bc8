// amax: the maximum over dims (torch.amax, Tensor.amax). Also the shared pieces of the max/min
// family: the NaN-propagating lowering, the empty-input errors and the tie-splitting gradient.
import { bind } from '../args.js';
import { bool, type DType, int32 } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp, type GradCtx } from '../op.js';
import { Tensor } from '../tensor.js';
import { div } from './div.js';
import { eq } from './eq.js';
import { isnan } from './isnan.js';
import { logical_and } from './logical_and.js';
import { logical_or } from './logical_or.js';
import { mul } from './mul.js';
import { reshape } from './reshape.js';
import { sum } from './sum.js';
import { lowerReduce, reducedShape, type ReduceAttrs } from './_reduce.js';
import { to_dtype } from './to_dtype.js';
import { checkNonEmpty, type DimArg, reduceDims, reduceInfer, reduceKey } from './_reduce.js';

/**
 * ReduceMax/ReduceMin with PyTorch's NaN propagation: ORT keeps a NaN only when it comes first
 * (ORT-FACTS §4), so a NaN anywhere in the slice is put back with Where. Bool goes through int32.
 */
export function lowerMaxMin(g: GraphBuilder, type: 'ReduceMax' | 'ReduceMin', x: string, a: ReduceAttrs, dt: DType): string {
  if (dt === bool) return g.op1('Cast', [lowerReduce(g, type, g.op1('Cast', [x], { to: int32.onnx }), a)], { to: bool.onnx });
  const y = lowerReduce(g, type, x, a);
  if (!dt.is_floating_point || a.dims.length === 0) return y;
  const anyNan = lowerReduce(g, 'ReduceMax', g.op1('Cast', [g.op1('IsNaN', [x])], { to: dt.onnx }), a);
  return g.op1('Where', [g.op1('Greater', [anyNan, g.scalar(dt, 0)]), g.scalar(dt, NaN), y]);
}

/** Gradient of amax/amin/max()/min(): split evenly among the elements equal to the result (PyTorch's rule). */
export function tieGrad(ctx: GradCtx<ReduceAttrs>, gy: Tensor, nanTies = false): Tensor {
  const x = ctx.inputs[0];
  const kept = reducedShape(ctx.inputMeta[0].shape, ctx.attrs.dims, true);
  const y = reshape(ctx.outputs[0], kept);
  // max()/min() count NaNs as ties of a NaN result (evenly_distribute_backward); amax/amin don't.
  const hit = nanTies ? logical_or(eq(x, y), logical_and(isnan(x), isnan(y))) : eq(x, y);
  const mask = to_dtype(hit, x.dtype);
  // gy/count broadcasts back over the reduced dims in the product.
  return mul(div(reshape(gy, kept), sum(mask, ctx.attrs.dims, true)), mask);
}

export const Amax = defineOp<ReduceAttrs>({
  name: 'amax',
  infer: reduceInfer,
  lower: (g, x, a, io) => [lowerMaxMin(g, 'ReduceMax', x[0], a, io.inputs[0].dtype)],
  attrKey: reduceKey,
  saves: { inputs: [0], outputs: [0] },
  grad: (ctx, [gy]) => [tieGrad(ctx, gy!)],
});

/** Shared argument handling of amax/amin: (dim = all, keepdim = false) positional or as options. */
export function reduceMaxMin(op: typeof Amax, name: string, input: Tensor, args: readonly unknown[]): Tensor {
  const o = bind<{ dim?: DimArg; keepdim?: boolean }>(['dim', 'keepdim'], args);
  const dims = reduceDims(o.dim, input._shape.length);
  checkNonEmpty(name, input._shape, o.dim, dims);
  return apply1(op, [input], { dims, keepdim: o.keepdim ?? false });
}

/**
 * torch.amax(input, dim = all, keepdim = false): the maximum over dims; NaN propagates.
 * @example
 * torch.amax(x, 1); x.amax({ dim: [0, 1], keepdim: true });
 */
export function amax(input: Tensor, ...args: unknown[]): Tensor {
  return reduceMaxMin(Amax, 'amax', input, args);
}

declare module '../tensor.js' {
  interface Tensor {
    amax(dim?: DimArg | { dim?: DimArg; keepdim?: boolean }, keepdim?: boolean): Tensor;
  }
}
Tensor.prototype.amax = function (this: Tensor, ...args: unknown[]) {
  return amax(this, ...args);
};
