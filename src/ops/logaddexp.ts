// logaddexp: log(e^a + e^b) without overflow (torch.logaddexp, Tensor.logaddexp). Composite.
import { resultType } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { promote, type TensorOrScalar } from './_common.js';
import { abs } from './abs.js';
import { add } from './add.js';
import { eq } from './eq.js';
import { exp } from './exp.js';
import { isinf } from './isinf.js';
import { log1p } from './log1p.js';
import { logical_and } from './logical_and.js';
import { maximum } from './maximum.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { sub } from './sub.js';
import { where } from './where.js';

/** max(a, b) + log1p(base^−|a − b|) (via e^(−|a − b|·ln base)); equal infinities give themselves, as PyTorch. */
export function logaddexpBase(input: TensorOrScalar, other: TensorOrScalar, lnBase: number): Tensor {
  const dt = resultType(...([input, other] as never[]));
  if (!dt.is_floating_point) throw new RuntimeError(`"${lnBase === 1 ? 'logaddexp' : 'logaddexp2'}_cpu" not implemented for '${dt.scalarName}'`);
  const [a, b] = promote([input, other], dt);
  const m = maximum(a, b);
  const d = abs(sub(a, b));
  const t = lnBase === 1 ? log1p(exp(neg(d))) : mul(log1p(exp(mul(d, -lnBase))), 1 / lnBase);
  return where(logical_and(isinf(a), eq(a, b)), a, add(m, t));
}

/**
 * torch.logaddexp(input, other): log(exp(input) + exp(other)), stable for large arguments.
 * @example
 * torch.logaddexp(torch.tensor([-100, 0]), torch.tensor([-101, 1000]));
 */
export function logaddexp(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return logaddexpBase(input, other, 1);
}

declare module '../tensor.js' {
  interface Tensor {
    logaddexp(other: TensorOrScalar): Tensor;
  }
}
(Tensor.prototype as any).logaddexp = function (this: Tensor, other: TensorOrScalar) {
  return logaddexp(this, other);
};
