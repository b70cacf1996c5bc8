// kron: the Kronecker product (a composite: interleaved unsqueezes, a broadcast product, a reshape).
import { Tensor } from '../tensor.js';
import { mul } from './mul.js';
import { reshape } from './reshape.js';

/**
 * torch.kron(input, other): blocks input[i...]·other, the lower-rank operand padded with leading 1s.
 * @example
 * torch.kron(torch.eye(2), torch.ones(2, 2)); // 4×4 block diagonal
 */
export function kron(input: Tensor, other: Tensor): Tensor {
  const r = Math.max(input.dim(), other.dim());
  const sa = [...Array(r - input.dim()).fill(1), ...input._shape];
  const sb = [...Array(r - other.dim()).fill(1), ...other._shape];
  const a = reshape(input, sa.flatMap((s) => [s, 1]));
  const b = reshape(other, sb.flatMap((s) => [1, s]));
  return reshape(mul(a, b), sa.map((s, i) => s * sb[i]));
}

declare module '../tensor.js' {
  interface Tensor {
    kron(other: Tensor): Tensor;
  }
}
Tensor.prototype.kron = function (this: Tensor, other: Tensor) {
  return kron(this, other);
};
