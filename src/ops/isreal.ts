// isreal: true where the element has no imaginary part; every element of a real dtype is real
// (torchlike has no complex dtypes), so the result is all true, shaped like the input.
import { bool } from '../dtype.js';
import { ones } from '../creation.js';
import { Tensor } from '../tensor.js';

/**
 * torch.isreal(input): true where the element is real (imaginary part zero): all true for real dtypes.
 * @example
 * torch.isreal(torch.tensor([1, 2])); // [true, true]
 */
export function isreal(input: Tensor): Tensor {
  return ones(input._shape as number[], { dtype: bool });
}

declare module '../tensor.js' {
  interface Tensor {
    isreal(): Tensor;
  }
}
Tensor.prototype.isreal = function (this: Tensor) {
  return isreal(this);
};
