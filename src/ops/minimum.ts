// minimum: the smaller of two tensors elementwise, NaN propagating (torch.minimum, Tensor.minimum).
import { resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { promote, type TensorOrScalar } from './_common.js';
import { extremumFields } from './_minmax.js';

export const Minimum = defineOp({ name: 'minimum', ...extremumFields('min') });

/**
 * torch.minimum(input, other): the smaller of input and other elementwise (NaN if either is NaN),
 * with broadcasting and type promotion.
 * @example
 * torch.minimum(a, b); a.minimum(b);
 */
export function minimum(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const [a, b] = promote([input, other], resultType(...([input, other] as never[])));
  return apply1(Minimum, [a, b], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    minimum(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.minimum = function (this: Tensor, other: TensorOrScalar) {
  return minimum(this, other);
};
