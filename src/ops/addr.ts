// addr: beta·input + alpha·outer(vec1, vec2) (a composite of outer).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';
import { scaledSum } from './_scaled_sum.js';
import { outer } from './outer.js';

/**
 * torch.addr(input, vec1, vec2, beta=1, alpha=1): beta·input + alpha·vec1 ⊗ vec2.
 * @example
 * torch.addr(torch.zeros(3, 2), torch.arange(3.), torch.ones(2));
 */
export function addr(input: Tensor, vec1: Tensor, vec2: Tensor, ...args: unknown[]): Tensor {
  const { beta, alpha } = bind<{ beta: number; alpha: number }>(['beta', 'alpha'], args, { beta: 1, alpha: 1 });
  if (vec1.dim() !== 1) throw new RuntimeError(`addr: Expected 1-D argument vec1, but got ${vec1.dim()}-D`);
  if (vec2.dim() !== 1) throw new RuntimeError(`addr: Expected 1-D argument vec2, but got ${vec2.dim()}-D`);
  return scaledSum(input, outer(vec1, vec2), beta, alpha);
}

declare module '../tensor.js' {
  interface Tensor {
    addr(vec1: Tensor, vec2: Tensor, opts?: { beta?: number; alpha?: number }): Tensor;
    addr_(vec1: Tensor, vec2: Tensor, opts?: { beta?: number; alpha?: number }): Tensor;
  }
}
Tensor.prototype.addr = function (this: Tensor, vec1: Tensor, vec2: Tensor, ...args: unknown[]) {
  return addr(this, vec1, vec2, ...args);
};
Tensor.prototype.addr_ = function (this: Tensor, vec1: Tensor, vec2: Tensor, ...args: unknown[]) {
  return inplace(this, () => addr(this, vec1, vec2, ...args));
};
