// ge: elementwise >=, result bool (torch.ge, greater_equal, Tensor.ge, ge_, greater_equal, greater_equal_).
import { Tensor } from '../tensor.js';
import type { TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { compare, defineComparison } from './_compare.js';

export const Ge = defineComparison('ge', (g, a, b) => g.op1('GreaterOrEqual', [a, b]));

/**
 * torch.ge(input, other): input >= other elementwise (other a tensor or a scalar), as a bool tensor.
 * @example
 * torch.ge(x, 0); x.ge(y); x.greater_equal(y);
 */
export function ge(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return compare(Ge, input, other);
}
/** torch.greater_equal: alias of ge. */
export const greater_equal = ge;

declare module '../tensor.js' {
  interface Tensor {
    ge(other: TensorOrScalar): Tensor;
    ge_(other: TensorOrScalar): Tensor;
    greater_equal(other: TensorOrScalar): Tensor;
    greater_equal_(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.ge = function (this: Tensor, other: TensorOrScalar) {
  return ge(this, other);
};
Tensor.prototype.greater_equal = Tensor.prototype.ge;
Tensor.prototype.ge_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => ge(this, other));
};
Tensor.prototype.greater_equal_ = Tensor.prototype.ge_;
