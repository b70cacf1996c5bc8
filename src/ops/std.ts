// std: standard deviation, the square root of var (torch.std, Tensor.std, torch.std_mean).
import { Tensor } from '../tensor.js';
import { sqrt } from './sqrt.js';
import { type VarArgs, varArgs, varOf } from './var.js';

/**
 * torch.std(input, dim?, unbiased = true, keepdim = false, { correction }): the standard deviation.
 * @example
 * x.std(); x.std(0, true, true); torch.std(x, { dim: 1, correction: 0 });
 */
export function std(input: Tensor, ...args: unknown[]): Tensor {
  const a = varArgs(args);
  return sqrt(varOf(input, a.dim, a.correction, a.keepdim).var);
}

/**
 * torch.std_mean(input, dim?, unbiased = true, keepdim = false, { correction }): [std, mean].
 * @example
 * const [s, m] = torch.std_mean(x, 1);
 */
export function std_mean(input: Tensor, ...args: unknown[]): [Tensor, Tensor] {
  const a = varArgs(args);
  const r = varOf(input, a.dim, a.correction, a.keepdim);
  return [sqrt(r.var), r.mean];
}

declare module '../tensor.js' {
  interface Tensor {
    std(...args: VarArgs): Tensor;
  }
}
Tensor.prototype.std = function (this: Tensor, ...args: unknown[]) {
  return std(this, ...args);
};
