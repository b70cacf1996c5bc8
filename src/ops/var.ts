// var: variance over dims with Bessel's correction (torch.var, Tensor.var, torch.var_mean).
// Written with mean/sub/mul/sum, so its gradient comes from theirs.
import { bind } from '../args.js';
import { apply1 } from '../dispatch.js';
import { float32, float64 } from '../dtype.js';
import { writeElem } from '../creation.js';
import { to_dtype } from './to_dtype.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { type DimArg, reduceDims } from './amax.js';
import { mean } from './mean.js';
import { mul } from './mul.js';
import { reshape } from './reshape.js';
import { sub } from './sub.js';
import { reducedShape, sum } from './sum.js';

export type VarOptions = {
  dim?: DimArg;
  unbiased?: boolean;
  keepdim?: boolean;
  correction?: number;
};

/** Binds var/std arguments: (dim, unbiased, keepdim) positionally, or (unbiased) alone, plus options. */
export function varArgs(args: readonly unknown[]): { dim: DimArg; correction: number; keepdim: boolean } {
  const o = typeof args[0] === 'boolean' ? bind<VarOptions>(['unbiased'], args) : bind<VarOptions>(['dim', 'unbiased', 'keepdim'], args);
  if (o.correction !== undefined && o.unbiased !== undefined)
    throw new RuntimeError('Cannot specify both unbiased and correction');
  const correction = o.correction ?? (o.unbiased === false ? 0 : 1);
  return { dim: o.dim, correction, keepdim: o.keepdim ?? false };
}

/**
 * 1 / max(0, N − correction) as a 0-d tensor of x's dtype, N the number of elements over `dims`.
 * An op (not a JS number) so that exported graphs read N from the input's shape: a dynamic
 * batch axis stays dynamic. Eager: the same value the JS number gave (rounded to x's dtype).
 */
export const VarDivisor = defineOp<{ dims: readonly number[]; correction: number }>({
  name: '_var_divisor',
  infer: ([x]) => [{ dtype: x.dtype, shape: [] }],
  lower: (g, [x], a, io) => {
    const n = g.op1('ReduceProd', [g.op1('Gather', [g.op1('Shape', [x]), g.ints(a.dims)])], { keepdims: 0 });
    const nc = g.op1('Max', [g.op1('Sub', [g.op1('Cast', [n], { to: float64.onnx }), g.scalar(float64, a.correction)]), g.scalar(float64, 0)]);
    return [g.op1('Cast', [g.op1('Reciprocal', [nc])], { to: io.inputs[0].dtype.onnx })];
  },
  eager: ([x], a, [out]) => {
    const n = a.dims.reduce((p, d) => p * x._shape[d], 1);
    const data = new out.dtype.array(1);
    writeElem(data, 0, 1 / Math.max(0, n - a.correction), out.dtype);
    return [new Tensor(data, [], out.dtype)];
  },
});

/** Variance over normalised dims; the divisor is max(0, N − correction) as in PyTorch. */
export function varOf(x: Tensor, dim: DimArg, correction: number, keepdim: boolean): { var: Tensor; mean: Tensor } {
  if (!x.dtype.is_floating_point) throw new RuntimeError('std and var only support floating point and complex dtypes');
  if (x.dtype.isHalf) {
    // PyTorch accumulates half-precision var in float and rounds once.
    const r = varOf(to_dtype(x, float32), dim, correction, keepdim);
    return { var: to_dtype(r.var, x.dtype), mean: to_dtype(r.mean, x.dtype) };
  }
  const dims = reduceDims(dim, x._shape.length);
  const m = mean(x, dims, true);
  const d = sub(x, m);
  const v = mul(sum(mul(d, d), dims, keepdim), apply1(VarDivisor, [x], { dims, correction }));
  return { var: v, mean: keepdim ? m : reshape(m, reducedShape(x._shape, dims, false)) };
}

/**
 * torch.var(input, dim?, unbiased = true, keepdim = false, { correction }): the variance.
 * @example
 * x.var(); x.var(1, false); torch.var(x, { dim: [0, 1], correction: 0, keepdim: true });
 */
export function var_(input: Tensor, ...args: unknown[]): Tensor {
  const a = varArgs(args);
  return varOf(input, a.dim, a.correction, a.keepdim).var;
}
export { var_ as var };

/**
 * torch.var_mean(input, dim?, unbiased = true, keepdim = false, { correction }): [variance, mean].
 * @example
 * const [v, m] = torch.var_mean(x, 1);
 */
export function var_mean(input: Tensor, ...args: unknown[]): [Tensor, Tensor] {
  const a = varArgs(args);
  const r = varOf(input, a.dim, a.correction, a.keepdim);
  return [r.var, r.mean];
}

export type VarArgs = [dim?: DimArg | boolean | VarOptions, unbiased?: boolean | VarOptions, keepdim?: boolean | VarOptions, opts?: VarOptions];
declare module '../tensor.js' {
  interface Tensor {
    var(...args: VarArgs): Tensor;
  }
}
Tensor.prototype.var = function (this: Tensor, ...args: unknown[]) {
  return var_(this, ...args);
};
