// prod: product over all elements or one dim (torch.prod, Tensor.prod). Ints and bools give int64.
import { bind } from '../args.js';
import { type DType, int64, toDType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { TorchTypeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { reduceDims } from './_reduce.js';
import { div } from './div.js';
import { eq } from './eq.js';
import { mul } from './mul.js';
import { reshape } from './reshape.js';
import { sum } from './sum.js';
import { lowerReduce, reducedShape, type ReduceAttrs } from './_reduce.js';
import { to_dtype } from './to_dtype.js';
import { where } from './where.js';

export const Prod = defineOp<ReduceAttrs>({
  name: 'prod',
  infer: (x, a) => [{ dtype: x[0].dtype, shape: reducedShape(x[0]._shape, a.dims, a.keepdim) }],
  lower: (g, x, a) => [lowerReduce(g, 'ReduceProd', x[0], a)],
  attrKey: (a) => a.dims.join(',') + (a.keepdim ? 'k' : ''),
  saves: { inputs: [0], outputs: [0] },
  grad: (ctx, [gy]) => {
    // d prod / d x_i = product of the others, computed without dividing by zero (PyTorch's
    // prod_backward): with no zero it is prod/x_i; with one zero only that element gets the
    // product of the rest; with two or more every gradient is 0.
    const x = ctx.inputs[0];
    const { dims } = ctx.attrs;
    const kept = reducedShape(ctx.inputMeta[0].shape, dims, true);
    const isZero = eq(x, 0);
    const zeros = sum(isZero, dims, true);
    const safe = where(isZero, 1, x);
    const prodNonZero = apply1(Prod, [safe], { dims, keepdim: true });
    const others = where(isZero, mul(prodNonZero, to_dtype(eq(zeros, 1), x.dtype)), div(mul(prodNonZero, to_dtype(eq(zeros, 0), x.dtype)), safe));
    return [mul(reshape(gy!, kept), others)];
  },
});

/**
 * torch.prod(input, dim?, keepdim = false, { dtype }): product of all elements, or over one dim.
 * @example
 * x.prod(); torch.prod(x, 1, true); x.prod({ dim: 0, dtype: torch.float64 });
 */
export function prod(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ dim?: number | null; keepdim?: boolean; dtype?: DType | string }>(['dim', 'keepdim'], args);
  if (o.dim != null && typeof o.dim !== 'number')
    throw new TorchTypeError(`prod() received an invalid combination of arguments - got (Tensor, ${Array.isArray(o.dim) ? 'list' : typeof o.dim}), but expected one of:`);
  let x = input;
  const dt = o.dtype ? toDType(o.dtype, x.dtype) : x.dtype.is_floating_point ? x.dtype : int64;
  if (dt !== x.dtype) x = to_dtype(x, dt);
  const dims = reduceDims(o.dim, x._shape.length);
  return apply1(Prod, [x], { dims, keepdim: o.dim != null && (o.keepdim ?? false) });
}

declare module '../tensor.js' {
  interface Tensor {
    prod(dim?: number | null | { dim?: number; keepdim?: boolean; dtype?: DType }, keepdim?: boolean, opts?: { dtype?: DType }): Tensor;
  }
}
Tensor.prototype.prod = function (this: Tensor, ...args: unknown[]) {
  return prod(this, ...args);
};
