// equal: same shape and the same values (a JS boolean; NaN is never equal), as torch.equal.
// Operands of different dtypes are compared after promotion, as in PyTorch 1.13.
import { sameShape } from '../shape.js';
import { Tensor } from '../tensor.js';
import { all } from './all.js';
import { eq } from './eq.js';

/**
 * torch.equal(input, other): true when both have the same size and elements.
 * @example
 * torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2])); // true
 */
export function equal(input: Tensor, other: Tensor): boolean {
  if (!sameShape(input._shape, other._shape)) return false;
  return all(eq(input, other)).item() as boolean;
}

declare module '../tensor.js' {
  interface Tensor {
    equal(other: Tensor): boolean;
  }
}
Tensor.prototype.equal = function (this: Tensor, other: Tensor) {
  return equal(this, other);
};
