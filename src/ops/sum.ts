// sum over dims (torch.sum, Tensor.sum). Integers and bools sum to int64, as in PyTorch. Shared reduction pieces: _reduce.ts.
import { bind } from '../args.js';
import { type DType, int64, toDType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { reduceDims } from '../shape.js';
import { Tensor } from '../tensor.js';
import { to_dtype } from './to_dtype.js';
import { lowerReduce, reducedShape, type ReduceAttrs, expandReduced } from './_reduce.js';

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
