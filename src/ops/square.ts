// square: x * x, as pow(x, 2) (torch.square, Tensor.square, square_); bool gives int64 as in PyTorch.
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';
import { pow } from './pow.js';

/**
 * torch.square(input): each element squared (PyTorch defines it as pow(input, 2)).
 * @example
 * torch.square(torch.tensor([-2, 3])); // tensor([4, 9])
 */
export function square(input: Tensor): Tensor {
  return pow(input, 2);
}

declare module '../tensor.js' {
  interface Tensor {
    square(): Tensor;
    square_(): Tensor;
  }
}
Tensor.prototype.square = function (this: Tensor) {
  return square(this);
};
Tensor.prototype.square_ = function (this: Tensor) {
  return inplace(this, () => square(this));
};
