// var: variance over dims with Bessel's correction (torch.var, Tensor.var, torch.var_mean).
// Written with mean/sub/mul/sum, so its gradient comes from theirs.
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
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

/** Variance over normalised dims; the divisor is max(0, N − correction) as in PyTorch. */
export function varOf(x: Tensor, dim: DimArg, correction: number, keepdim: boolean): { var: Tensor; mean: Tensor } {
  if (!x.dtype.is_floating_point) throw new RuntimeError('std and var only support floating point and complex dtypes');
  const dims = reduceDims(dim, x._shape.length);
  const n = dims.reduce((p, d) => p * x._shape[d], 1);
  const m = mean(x, dims, true);
  const d = sub(x, m);
  const v = mul(sum(mul(d, d), dims, keepdim), 1 / Math.max(0, n - correction));
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
