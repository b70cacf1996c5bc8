// eq: elementwise ==, result bool (torch.eq, Tensor.eq, eq_); the comparison machinery is in _compare.ts.
import { Tensor } from '../tensor.js';
import type { TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { compare, defineComparison } from './_compare.js';

export const Eq = defineComparison('eq', (g, a, b) => g.op1('Equal', [a, b]));

/**
 * torch.eq(input, other): input == other elementwise (other a tensor or a scalar), as a bool tensor.
 * @example
 * torch.eq(x, 2); x.eq(y);
 */
export function eq(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return compare(Eq, input, other);
}

declare module '../tensor.js' {
  interface Tensor {
    eq(other: TensorOrScalar): Tensor;
    eq_(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.eq = function (this: Tensor, other: TensorOrScalar) {
  return eq(this, other);
};
Tensor.prototype.eq_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => eq(this, other));
};
