// floor: rounds each element down, to the largest integer not above it (torch.floor, Tensor.floor, floor_). Integer tensors are returned as a copy.
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';
import { applyRounding, roundingFields } from './_rounding.js';

export const Floor = defineOp({ name: 'floor', ...roundingFields((g, x) => g.op1('Floor', [x])) });

/**
 * torch.floor(input): each element rounded down, to the largest integer not above it.
 * @example
 * torch.floor(torch.tensor([-1.5, 0.2, 2.7])); x.floor();
 */
export function floor(input: Tensor): Tensor {
  return applyRounding(Floor, 'floor', input);
}

declare module '../tensor.js' {
  interface Tensor {
    floor(): Tensor;
    floor_(): Tensor;
  }
}
Tensor.prototype.floor = function (this: Tensor) {
  return floor(this);
};
Tensor.prototype.floor_ = function (this: Tensor) {
  return inplace(this, () => floor(this));
};
