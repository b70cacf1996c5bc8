// inner: the inner product over the last dims (a composite of tensordot; a 0-d operand scales).
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { mul } from './mul.js';
import { tensordot } from './tensordot.js';

/**
 * torch.inner(input, other): Σ_k input[..., k]·other[..., k], shape input.shape[:-1] + other.shape[:-1].
 * @example
 * torch.inner(torch.ones(2, 3), torch.ones(4, 3)); // shape [2, 4], all 3
 */
export function inner(input: Tensor, other: Tensor): Tensor {
  if (input.dim() === 0 || other.dim() === 0) return mul(input, other);
  const k1 = input._shape[input.dim() - 1];
  const k2 = other._shape[other.dim() - 1];
  if (k1 !== k2)
    throw new RuntimeError(
      `inner() the last dimension must match on both input tensors but got shapes [${input._shape.join(', ')}] and [${other._shape.join(', ')}]`,
    );
  return tensordot(input, other, [[-1], [-1]]);
}

declare module '../tensor.js' {
  interface Tensor {
    inner(other: Tensor): Tensor;
  }
}
Tensor.prototype.inner = function (this: Tensor, other: Tensor) {
  return inner(this, other);
};
