// mean over dims (torch.mean, Tensor.mean): floating point only, as in PyTorch.
import { bind } from '../args.js';
import { type DType, toDType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { reduceDims } from '../shape.js';
import { Tensor } from '../tensor.js';
import { mul } from './mul.js';
import { sum } from './sum.js';
import { expandReduced, lowerReduce, reducedShape, type ReduceAttrs } from './_reduce.js';
import { to_dtype } from './to_dtype.js';

export const Mean = defineOp<ReduceAttrs>({
  name: 'mean',
  infer: (x, a) => [{ dtype: x[0].dtype, shape: reducedShape(x[0]._shape, a.dims, a.keepdim) }],
  lower: (g, x, a) => [lowerReduce(g, 'ReduceMean', x[0], a)],
  attrKey: (a) => a.dims.join(',') + (a.keepdim ? 'k' : ''),
  saves: { inputs: [] },
  grad: (ctx, [gy]) => {
    const s = ctx.inputMeta[0].shape;
    const n = ctx.attrs.dims.reduce((p, d) => p * s[d], 1);
    return [expandReduced(mul(gy!, 1 / n), s, ctx.attrs)];
  },
});

type DimArg = number | number[] | null | undefined;

/**
 * torch.mean(input, dim?, keepdim?, { dtype })
 * @example
 * x.mean(); x.mean(0, true);
 */
export function mean(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ dim?: DimArg; keepdim?: boolean; dtype?: DType | string }>(['dim', 'keepdim'], args);
  let x = input;
  if (o.dtype) x = to_dtype(x, toDType(o.dtype, x.dtype));
  if (!x.dtype.is_floating_point)
    throw new RuntimeError(
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${x.dtype.scalarName}`,
    );
  const dims = reduceDims(o.dim, x._shape.length);
  const keepdim = o.keepdim ?? false;
  // Mean over no elements is NaN in PyTorch (0/0); ORT's ReduceMean returns 0.
  const n = dims.length ? dims.reduce((p, d) => p * x._shape[d], 1) : x.numel();
  if (n === 0) return mul(sum(x, dims, keepdim), NaN);
  return apply1(Mean, [x], { dims, keepdim });
}

declare module '../tensor.js' {
  interface Tensor {
    mean(dim?: DimArg | { dim?: DimArg; keepdim?: boolean; dtype?: DType }, keepdim?: boolean): Tensor;
  }
}
Tensor.prototype.mean = function (this: Tensor, ...args: unknown[]) {
  return mean(this, ...args);
};
