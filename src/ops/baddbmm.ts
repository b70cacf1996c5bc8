// baddbmm: beta·input + alpha·(batch1 @ batch2) per batch (torch.baddbmm, Tensor.baddbmm, baddbmm_).
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';
import { type BetaAlpha, scaledAdd } from './addmm.js';
import { bmm } from './matmul.js';

/**
 * torch.baddbmm(input, batch1, batch2, { beta = 1, alpha = 1 }): batched addmm; input broadcasts to [b, n, p].
 * @example
 * torch.baddbmm(M, a, b, { alpha: 0.5 });
 */
export function baddbmm(input: Tensor, batch1: Tensor, batch2: Tensor, opts: BetaAlpha = {}): Tensor {
  return scaledAdd(input, bmm(batch1, batch2), opts);
}

declare module '../tensor.js' {
  interface Tensor {
    baddbmm(batch1: Tensor, batch2: Tensor, opts?: BetaAlpha): Tensor;
    baddbmm_(batch1: Tensor, batch2: Tensor, opts?: BetaAlpha): Tensor;
  }
}
Tensor.prototype.baddbmm = function (this: Tensor, b1: Tensor, b2: Tensor, opts?: BetaAlpha) {
  return baddbmm(this, b1, b2, opts);
};
Tensor.prototype.baddbmm_ = function (this: Tensor, b1: Tensor, b2: Tensor, opts?: BetaAlpha) {
  return inplace(this, () => baddbmm(this, b1, b2, opts));
};
