// gt: elementwise >, result bool (torch.gt, greater, Tensor.gt, gt_, greater, greater_).
import { Tensor } from '../tensor.js';
import type { TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { compare, defineComparison } from './_compare.js';

export const Gt = defineComparison('gt', (g, a, b) => g.op1('Greater', [a, b]));

/**
 * torch.gt(input, other): input > other elementwise (other a tensor or a scalar), as a bool tensor.
 * @example
 * torch.gt(x, 0); x.gt(y); x.greater(y);
 */
export function gt(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return compare(Gt, input, other);
}
/** torch.greater: alias of gt. */
export const greater = gt;

declare module '../tensor.js' {
  interface Tensor {
    gt(other: TensorOrScalar): Tensor;
    gt_(other: TensorOrScalar): Tensor;
    greater(other: TensorOrScalar): Tensor;
    greater_(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.gt = function (this: Tensor, other: TensorOrScalar) {
  return gt(this, other);
};
Tensor.prototype.greater = Tensor.prototype.gt;
Tensor.prototype.gt_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => gt(this, other));
};
Tensor.prototype.greater_ = Tensor.prototype.gt_;
