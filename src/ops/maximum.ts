// maximum: the larger of two tensors elementwise, NaN propagating (torch.maximum, Tensor.maximum).
import { resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { promote, type TensorOrScalar } from './_common.js';
import { extremumFields } from './_minmax.js';

export const Maximum = defineOp({ name: 'maximum', ...extremumFields('max') });

/**
 * torch.maximum(input, other): the larger of input and other elementwise (NaN if either is NaN),
 * with broadcasting and type promotion.
 * @example
 * torch.maximum(a, b); a.maximum(b);
 */
export function maximum(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const [a, b] = promote([input, other], resultType(...([input, other] as never[])));
  return apply1(Maximum, [a, b], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    maximum(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.maximum = function (this: Tensor, other: TensorOrScalar) {
  return maximum(this, other);
};
