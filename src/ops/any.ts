// any: is any element true (non-zero)? (torch.any, Tensor.any). all.ts reuses the pieces.
import { bind } from '../args.js';
import { bool, int32 } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp, type OpDef } from '../op.js';
import { Tensor } from '../tensor.js';
import { type DimArg, reduceDims } from './_reduce.js';
import { lowerReduce, reducedShape, type ReduceAttrs } from './_reduce.js';

/** x as bool (non-zero and NaN are true), counted over dims as int32, then "count > 0". */
export function lowerAny(g: GraphBuilder, xb: string, a: ReduceAttrs): string {
  const n = lowerReduce(g, 'ReduceSum', g.op1('Cast', [xb], { to: int32.onnx }), a);
  return g.op1('Cast', [n], { to: bool.onnx });
}

export const boolInfer = (x: readonly Tensor[], a: ReduceAttrs) => [{ dtype: bool, shape: reducedShape(x[0]._shape, a.dims, a.keepdim) }];
export const boolKey = (a: ReduceAttrs): string => a.dims.join(',') + (a.keepdim ? 'k' : '');

export const Any = defineOp<ReduceAttrs>({
  name: 'any',
  infer: boolInfer,
  lower: (g, [x], a) => [lowerAny(g, g.op1('Cast', [x], { to: bool.onnx }), a)],
  attrKey: boolKey,
});

/** Shared argument handling of all/any. */
export function boolReduce(op: OpDef<ReduceAttrs>, input: Tensor, args: readonly unknown[]): Tensor {
  const o = bind<{ dim?: DimArg; keepdim?: boolean }>(['dim', 'keepdim'], args);
  return apply1(op, [input], { dims: reduceDims(o.dim, input._shape.length), keepdim: o.keepdim ?? false });
}

/**
 * torch.any(input, dim?, keepdim = false): true where any element is non-zero; a bool tensor.
 * @example
 * x.gt(0).any(); torch.any(x, 1, true);
 */
export function any(input: Tensor, ...args: unknown[]): Tensor {
  return boolReduce(Any, input, args);
}

declare module '../tensor.js' {
  interface Tensor {
    any(dim?: DimArg | { dim?: DimArg; keepdim?: boolean }, keepdim?: boolean): Tensor;
  }
}
Tensor.prototype.any = function (this: Tensor, ...args: unknown[]) {
  return any(this, ...args);
};
