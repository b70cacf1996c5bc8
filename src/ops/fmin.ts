// fmin: the smaller of two tensors elementwise, ignoring NaN (torch.fmin, Tensor.fmin). Composite.
import { resultType } from '../dtype.js';
import { Tensor } from '../tensor.js';
import { promote, type TensorOrScalar } from './_common.js';
import { le } from './le.js';
import { isnan } from './isnan.js';
import { logical_or } from './logical_or.js';
import { where } from './where.js';

/**
 * torch.fmin(input, other): the smaller of input and other; where one is NaN, the other (NaN only if both are).
 * Gradients as PyTorch's: input where it is chosen (le other, or other is NaN), other elsewhere.
 * @example
 * torch.fmin(torch.tensor([1, NaN]), torch.tensor([NaN, 2]));
 */
export function fmin(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const [a, b] = promote([input, other], resultType(...([input, other] as never[])));
  return where(logical_or(le(a, b), isnan(b)), a, b);
}

declare module '../tensor.js' {
  interface Tensor {
    fmin(other: TensorOrScalar): Tensor;
  }
}
(Tensor.prototype as any).fmin = function (this: Tensor, other: TensorOrScalar) {
  return fmin(this, other);
};
