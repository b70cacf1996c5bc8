// le: elementwise <=, result bool (torch.le, less_equal, Tensor.le, le_, less_equal, less_equal_).
import { Tensor } from '../tensor.js';
import type { TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { compare, defineComparison } from './_compare.js';

export const Le = defineComparison('le', (g, a, b) => g.op1('LessOrEqual', [a, b]));

/**
 * torch.le(input, other): input <= other elementwise (other a tensor or a scalar), as a bool tensor.
 * @example
 * torch.le(x, 0); x.le(y); x.less_equal(y);
 */
export function le(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return compare(Le, input, other);
}
/** torch.less_equal: alias of le. */
export const less_equal = le;

declare module '../tensor.js' {
  interface Tensor {
    le(other: TensorOrScalar): Tensor;
    le_(other: TensorOrScalar): Tensor;
    less_equal(other: TensorOrScalar): Tensor;
    less_equal_(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.le = function (this: Tensor, other: TensorOrScalar) {
  return le(this, other);
};
Tensor.prototype.less_equal = Tensor.prototype.le;
Tensor.prototype.le_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => le(this, other));
};
Tensor.prototype.less_equal_ = Tensor.prototype.le_;
