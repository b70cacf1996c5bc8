// signbit: is the sign bit set (negative or −0)? (torch.signbit, Tensor.signbit). Composite.
import { Tensor } from '../tensor.js';
import { eq } from './eq.js';
import { logical_and } from './logical_and.js';
import { logical_or } from './logical_or.js';
import { lt } from './lt.js';
import { reciprocal } from './reciprocal.js';
import { zeros_like } from '../creation.js';
import { bool } from '../dtype.js';

/**
 * torch.signbit(input): true where input is negative, −0 included (bool tensor).
 * @example
 * torch.signbit(torch.tensor([-0.0, 0.0, -2])); // tensor([ True, False,  True])
 */
export function signbit(input: Tensor): Tensor {
  if (input.dtype === bool || !input.dtype.is_signed) return zeros_like(input, { dtype: bool });
  if (!input.dtype.is_floating_point) return lt(input, 0);
  return logical_or(lt(input, 0), logical_and(eq(input, 0), lt(reciprocal(input), 0)));
}

declare module '../tensor.js' {
  interface Tensor {
    signbit(): Tensor;
  }
}
Tensor.prototype.signbit = function (this: Tensor) {
  return signbit(this);
};
