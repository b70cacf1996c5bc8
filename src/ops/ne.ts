// ne: elementwise !=, result bool (torch.ne, not_equal, Tensor.ne, ne_, not_equal, not_equal_). The Equal is false for NaN, so ne is true there, as in PyTorch.
import { Tensor } from '../tensor.js';
import type { TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { compare, defineComparison } from './_compare.js';

export const Ne = defineComparison('ne', (g, a, b) => g.op1('Not', [g.op1('Equal', [a, b])]));

/**
 * torch.ne(input, other): input != other elementwise (other a tensor or a scalar), as a bool tensor.
 * @example
 * torch.ne(x, 0); x.ne(y); x.not_equal(y);
 */
export function ne(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return compare(Ne, input, other);
}
/** torch.not_equal: alias of ne. */
export const not_equal = ne;

declare module '../tensor.js' {
  interface Tensor {
    ne(other: TensorOrScalar): Tensor;
    ne_(other: TensorOrScalar): Tensor;
    not_equal(other: TensorOrScalar): Tensor;
    not_equal_(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.ne = function (this: Tensor, other: TensorOrScalar) {
  return ne(this, other);
};
Tensor.prototype.not_equal = Tensor.prototype.ne;
Tensor.prototype.ne_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => ne(this, other));
};
Tensor.prototype.not_equal_ = Tensor.prototype.ne_;
