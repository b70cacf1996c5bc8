// zero_: fill_(0).
import { Tensor } from '../tensor.js';
import { fill_ } from './fill_.js';

/**
 * Tensor.zero_(): every element set to 0, in place.
 * @example
 * p.grad.zero_();
 */
export function zero_(self: Tensor): Tensor {
  return fill_(self, 0);
}

declare module '../tensor.js' {
  interface Tensor {
    zero_(): Tensor;
  }
}
Tensor.prototype.zero_ = function (this: Tensor) {
  return zero_(this);
};
