// sum over dims (torch.sum, Tensor.sum). Integers and bools sum to int64, as in PyTorch.
import { bind } from '../args.js';
import { type DType, int64, toDType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp } from '../op.js';
import { reduceDims } from '../shape.js';
import { Tensor } from '../tensor.js';
import { expand } from './expand.js';
import { reshape } from './reshape.js';
import { to_dtype } from './to_dtype.js';

export interface ReduceAttrs {
  /** normalised, sorted dims */
  dims: readonly number[];
  keepdim: boolean;
}

/** Output shape of a reduction over normalised dims. */
export function reducedShape(shape: readonly number[], dims: readonly number[], keepdim: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (dims.includes(i)) {
      if (keepdim) out.push(1);
    } else out.push(shape[i]);
  }
  return out;
}

/** The gradient of a reduction, broadcast back over the reduced dims. */
export function expandReduced(gy: Tensor, inShape: readonly number[], a: ReduceAttrs): Tensor {
  const kept = a.keepdim ? gy : reshape(gy, reducedShape(inShape, a.dims, true));
  return expand(kept, inShape);
}

/** ONNX Reduce* node over attrs dims (axes as an input from opset 13 for ReduceSum, 18 for the rest). */
export function lowerReduce(g: GraphBuilder, type: string, x: string, a: ReduceAttrs): string {
  if (a.dims.length === 0) return g.op1('Identity', [x]);
  const axesAsInput = type === 'ReduceSum' ? g.opset >= 13 : g.opset >= 18;
  return axesAsInput
    ? g.op1(type, [x, g.ints(a.dims)], { keepdims: a.keepdim ? 1 : 0 })
    : g.op1(type, [x], { axes: a.dims, keepdims: a.keepdim ? 1 : 0 });
}

export const Sum = defineOp<ReduceAttrs>({
  name: 'sum',
  infer: (x, a) => [{ dtype: x[0].dtype, shape: reducedShape(x[0]._shape, a.dims, a.keepdim) }],
  lower: (g, x, a) => [lowerReduce(g, 'ReduceSum', x[0], a)],
  attrKey: (a) => a.dims.join(',') + (a.keepdim ? 'k' : ''),
  saves: { inputs: [] },
  grad: (ctx, [gy]) => [expandReduced(gy!, ctx.inputMeta[0].shape, ctx.attrs)],
});

type DimArg = number | number[] | null | undefined;

/**
 * torch.sum(input, dim?, keepdim?, { dtype }): sum over all or some dims.
 * @example
 * x.sum(); x.sum(1, true); x.sum({ dim: [0, 1], keepdim: true });
 */
export function sum(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ dim?: DimArg; keepdim?: boolean; dtype?: DType | string }>(['dim', 'keepdim'], args);
  let x = input;
  const dt = o.dtype ? toDType(o.dtype, x.dtype) : x.dtype.is_floating_point ? x.dtype : int64;
  if (dt !== x.dtype) x = to_dtype(x, dt);
  return apply1(Sum, [x], { dims: reduceDims(o.dim, x._shape.length), keepdim: o.keepdim ?? false });
}

declare module '../tensor.js' {
  interface Tensor {
    sum(dim?: DimArg | { dim?: DimArg; keepdim?: boolean; dtype?: DType }, keepdim?: boolean | { dtype?: DType }, opts?: { dtype?: DType }): Tensor;
  }
}
Tensor.prototype.sum = function (this: Tensor, ...args: unknown[]) {
  return sum(this, ...args);
};
