// vdot: the dot product of two 1-D tensors (real tensors: no conjugation), as dot.
import { Tensor } from '../tensor.js';
import { dot } from './dot.js';

/**
 * torch.vdot(input, other): Σ input[i]·other[i] for 1-D tensors of one dtype.
 * @example
 * torch.vdot(torch.tensor([1, 2]), torch.tensor([3, 4])); // 11
 */
export function vdot(input: Tensor, other: Tensor): Tensor {
  return dot(input, other);
}

declare module '../tensor.js' {
  interface Tensor {
    vdot(other: Tensor): Tensor;
  }
}
Tensor.prototype.vdot = function (this: Tensor, other: Tensor) {
  return vdot(this, other);
};
