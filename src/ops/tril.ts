// tril: lower triangle of the last two dims (ONNX Trilu upper=0); triu.ts is its mirror.
// The shared pieces are in _trilu.ts.
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';
import { applyTrilu, triluFields } from './_trilu.js';

export const Tril = defineOp<{ diagonal: number }>({ name: 'tril', ...triluFields(false, (gy, k) => tril(gy, k)) });

/**
 * torch.tril(input, diagonal=0): elements on and below the `diagonal`-th diagonal of the last two
 * dims; the rest set to 0.
 * @example
 * torch.ones(3, 3).tril(); torch.ones(3, 3).tril(-1);
 */
export function tril(input: Tensor, diagonal: number | { diagonal?: number } = 0): Tensor {
  return applyTrilu(Tril, 'tril', input, diagonal);
}

declare module '../tensor.js' {
  interface Tensor {
    tril(diagonal?: number | { diagonal?: number }): Tensor;
    tril_(diagonal?: number | { diagonal?: number }): Tensor;
  }
}
Tensor.prototype.tril = function (this: Tensor, diagonal?: number | { diagonal?: number }) {
  return tril(this, diagonal);
};
Tensor.prototype.tril_ = function (this: Tensor, diagonal?: number | { diagonal?: number }) {
  return inplace(this, () => tril(this, diagonal));
};
