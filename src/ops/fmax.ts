// fmax: the larger of two tensors elementwise, ignoring NaN (torch.fmax, Tensor.fmax). Composite.
import { resultType } from '../dtype.js';
import { Tensor } from '../tensor.js';
import { promote, type TensorOrScalar } from './_common.js';
import { ge } from './ge.js';
import { isnan } from './isnan.js';
import { logical_or } from './logical_or.js';
import { where } from './where.js';

/**
 * torch.fmax(input, other): the larger of input and other; where one is NaN, the other (NaN only if both are).
 * Gradients as PyTorch's: input where it is chosen (ge other, or other is NaN), other elsewhere.
 * @example
 * torch.fmax(torch.tensor([1, NaN]), torch.tensor([NaN, 2]));
 */
export function fmax(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const [a, b] = promote([input, other], resultType(...([input, other] as never[])));
  return where(logical_or(ge(a, b), isnan(b)), a, b);
}

declare module '../tensor.js' {
  interface Tensor {
    fmax(other: TensorOrScalar): Tensor;
  }
}
(Tensor.prototype as any).fmax = function (this: Tensor, other: TensorOrScalar) {
  return fmax(this, other);
};
