// triu: upper triangle of the last two dims (ONNX Trilu upper=1); the mirror of tril.ts
// (shared pieces in _trilu.ts).
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';
import { applyTrilu, triluFields } from './_trilu.js';

export const Triu = defineOp<{ diagonal: number }>({ name: 'triu', ...triluFields(true, (gy, k) => triu(gy, k)) });

/**
 * torch.triu(input, diagonal=0): elements on and above the `diagonal`-th diagonal of the last two
 * dims; the rest set to 0.
 * @example
 * torch.ones(3, 3).triu(); torch.ones(3, 3).triu(1);
 */
export function triu(input: Tensor, diagonal: number | { diagonal?: number } = 0): Tensor {
  return applyTrilu(Triu, 'triu', input, diagonal);
}

declare module '../tensor.js' {
  interface Tensor {
    triu(diagonal?: number | { diagonal?: number }): Tensor;
    triu_(diagonal?: number | { diagonal?: number }): Tensor;
  }
}
Tensor.prototype.triu = function (this: Tensor, diagonal?: number | { diagonal?: number }) {
  return triu(this, diagonal);
};
Tensor.prototype.triu_ = function (this: Tensor, diagonal?: number | { diagonal?: number }) {
  return inplace(this, () => triu(this, diagonal));
};
