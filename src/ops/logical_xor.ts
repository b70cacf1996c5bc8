// logical_xor: elementwise XOR of truth values, result bool (torch.logical_xor, Tensor.logical_xor, logical_xor_).
import { Tensor } from '../tensor.js';
import type { TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { defineLogical, logical } from './logical_and.js';

export const LogicalXor = defineLogical('logical_xor', 'Xor');

/**
 * torch.logical_xor(input, other): true where exactly one is nonzero.
 * @example
 * torch.logical_xor(a, b); a.logical_xor(b);
 */
export function logical_xor(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return logical(LogicalXor, input, other);
}

declare module '../tensor.js' {
  interface Tensor {
    logical_xor(other: TensorOrScalar): Tensor;
    logical_xor_(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.logical_xor = function (this: Tensor, other: TensorOrScalar) {
  return logical_xor(this, other);
};
Tensor.prototype.logical_xor_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => logical_xor(this, other));
};
