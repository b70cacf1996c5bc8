// dot: inner product of two 1-D tensors of one dtype (torch.dot, Tensor.dot, torch.inner for 1-D).
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { matmul } from './matmul.js';

/**
 * torch.dot(input, other): Σ input[i]·other[i]; both 1-D, same size and dtype (no promotion, as in PyTorch).
 * @example
 * torch.dot(torch.tensor([2, 3]), torch.tensor([2, 1])); // tensor(7)
 */
export function dot(input: Tensor, other: Tensor): Tensor {
  const ra = input._shape.length;
  const rb = other._shape.length;
  if (ra !== 1 || rb !== 1) throw new RuntimeError(`1D tensors expected, but got ${ra}D and ${rb}D tensors`);
  if (input.dtype !== other.dtype)
    throw new RuntimeError(`dot : expected both vectors to have same dtype, but found ${input.dtype.scalarName} and ${other.dtype.scalarName}`);
  return matmul(input, other);
}

declare module '../tensor.js' {
  interface Tensor {
    dot(other: Tensor): Tensor;
  }
}
Tensor.prototype.dot = function (this: Tensor, other: Tensor) {
  return dot(this, other);
};
