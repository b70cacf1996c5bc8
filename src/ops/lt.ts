// lt: elementwise <, result bool (torch.lt, less, Tensor.lt, lt_, less, less_).
import { Tensor } from '../tensor.js';
import type { TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { compare, defineComparison } from './_compare.js';

export const Lt = defineComparison('lt', (g, a, b) => g.op1('Less', [a, b]));

/**
 * torch.lt(input, other): input < other elementwise (other a tensor or a scalar), as a bool tensor.
 * @example
 * torch.lt(x, 0); x.lt(y); x.less(y);
 */
export function lt(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return compare(Lt, input, other);
}
/** torch.less: alias of lt. */
export const less = lt;

declare module '../tensor.js' {
  interface Tensor {
    lt(other: TensorOrScalar): Tensor;
    lt_(other: TensorOrScalar): Tensor;
    less(other: TensorOrScalar): Tensor;
    less_(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.lt = function (this: Tensor, other: TensorOrScalar) {
  return lt(this, other);
};
Tensor.prototype.less = Tensor.prototype.lt;
Tensor.prototype.lt_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => lt(this, other));
};
Tensor.prototype.less_ = Tensor.prototype.lt_;
