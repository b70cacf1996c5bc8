// cumsum: running sum along a dim (torch.cumsum, Tensor.cumsum, cumsum_). Ints and bools give int64.
import { bind } from '../args.js';
import { type DType, int64, toDType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp, type OpDef } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { reshape } from './reshape.js';
import { to_dtype } from './to_dtype.js';

export interface CumsumAttrs {
  dim: number;
  /** sum from the end (the gradient of cumsum) */
  reverse: boolean;
}

export const Cumsum: OpDef<CumsumAttrs> = defineOp<CumsumAttrs>({
  name: 'cumsum',
  infer: sameInfer,
  lower: (g, [x], a) => [g.op1('CumSum', [x, g.int(a.dim)], { reverse: a.reverse ? 1 : 0 })],
  attrKey: (a) => a.dim + (a.reverse ? 'r' : ''),
  saves: { inputs: [] },
  // The gradient of a running sum is the running sum from the other end.
  grad: (ctx, [gy]) => [apply1(Cumsum, [gy!], { dim: ctx.attrs.dim, reverse: !ctx.attrs.reverse })],
});

/**
 * torch.cumsum(input, dim, { dtype }): y[i] = x[0] + … + x[i] along dim.
 * @example
 * x.cumsum(0); torch.cumsum(x, -1, { dtype: torch.float64 });
 */
export function cumsum(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ dim: number; dtype?: DType | string }>(['dim'], args);
  if (typeof o.dim !== 'number') throw new TypeError("cumsum() missing required argument 'dim' (pos 1)");
  let x = input;
  const dt = o.dtype ? toDType(o.dtype, x.dtype) : x.dtype.is_floating_point ? x.dtype : int64;
  if (dt !== x.dtype) x = to_dtype(x, dt);
  const r = x._shape.length;
  const dim = normDim(o.dim, r);
  // ONNX CumSum needs at least one dim.
  if (r === 0) return reshape(apply1(Cumsum, [reshape(x, [1])], { dim: 0, reverse: false }), []);
  return apply1(Cumsum, [x], { dim, reverse: false });
}

declare module '../tensor.js' {
  interface Tensor {
    cumsum(dim: number | { dim: number; dtype?: DType }, opts?: { dtype?: DType }): Tensor;
    cumsum_(dim: number | { dim: number; dtype?: DType }, opts?: { dtype?: DType }): Tensor;
  }
}
Tensor.prototype.cumsum = function (this: Tensor, ...args: unknown[]) {
  return cumsum(this, ...args);
};
Tensor.prototype.cumsum_ = function (this: Tensor, ...args: unknown[]) {
  return inplace(this, () => cumsum(this, ...args));
};
