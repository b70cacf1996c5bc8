// addbmm: beta·input + alpha·Σ_b batch1[b] @ batch2[b] (a composite of bmm and sum).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';
import { scaledSum } from './_scaled_sum.js';
import { bmm } from './matmul.js';
import { sum } from './sum.js';

/**
 * torch.addbmm(input, batch1, batch2, beta=1, alpha=1): beta·input + alpha·Σ_b batch1[b]·batch2[b].
 * @example
 * torch.addbmm(torch.zeros(3, 5), torch.randn(10, 3, 4), torch.randn(10, 4, 5));
 */
export function addbmm(input: Tensor, batch1: Tensor, batch2: Tensor, ...args: unknown[]): Tensor {
  const { beta, alpha } = bind<{ beta: number; alpha: number }>(['beta', 'alpha'], args, { beta: 1, alpha: 1 });
  if (batch1.dim() !== 3) throw new RuntimeError('batch1 must be a 3D tensor');
  if (batch2.dim() !== 3) throw new RuntimeError('batch2 must be a 3D tensor');
  return scaledSum(input, sum(bmm(batch1, batch2), 0), beta, alpha);
}

declare module '../tensor.js' {
  interface Tensor {
    addbmm(batch1: Tensor, batch2: Tensor, opts?: { beta?: number; alpha?: number }): Tensor;
    addbmm_(batch1: Tensor, batch2: Tensor, opts?: { beta?: number; alpha?: number }): Tensor;
  }
}
Tensor.prototype.addbmm = function (this: Tensor, batch1: Tensor, batch2: Tensor, ...args: unknown[]) {
  return addbmm(this, batch1, batch2, ...args);
};
Tensor.prototype.addbmm_ = function (this: Tensor, batch1: Tensor, batch2: Tensor, ...args: unknown[]) {
  return inplace(this, () => addbmm(this, batch1, batch2, ...args));
};
