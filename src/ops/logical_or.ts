// logical_or: elementwise OR of truth values, result bool (torch.logical_or, Tensor.logical_or, logical_or_).
import { Tensor } from '../tensor.js';
import type { TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { defineLogical, logical } from './logical_and.js';

export const LogicalOr = defineLogical('logical_or', 'Or');

/**
 * torch.logical_or(input, other): true where either is nonzero.
 * @example
 * torch.logical_or(a, b); a.logical_or(b);
 */
export function logical_or(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return logical(LogicalOr, input, other);
}

declare module '../tensor.js' {
  interface Tensor {
    logical_or(other: TensorOrScalar): Tensor;
    logical_or_(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.logical_or = function (this: Tensor, other: TensorOrScalar) {
  return logical_or(this, other);
};
Tensor.prototype.logical_or_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => logical_or(this, other));
};
