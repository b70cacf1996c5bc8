// ceil: rounds each element up, to the smallest integer not below it (torch.ceil, Tensor.ceil, ceil_). Integer tensors are returned as a copy.
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';
import { applyRounding, roundingFields } from './_rounding.js';

export const Ceil = defineOp({ name: 'ceil', ...roundingFields((g, x) => g.op1('Ceil', [x])) });

/**
 * torch.ceil(input): each element rounded up, to the smallest integer not below it.
 * @example
 * torch.ceil(torch.tensor([-1.5, 0.2, 2.7])); x.ceil();
 */
export function ceil(input: Tensor): Tensor {
  return applyRounding(Ceil, 'ceil', input);
}

declare module '../tensor.js' {
  interface Tensor {
    ceil(): Tensor;
    ceil_(): Tensor;
  }
}
Tensor.prototype.ceil = function (this: Tensor) {
  return ceil(this);
};
Tensor.prototype.ceil_ = function (this: Tensor) {
  return inplace(this, () => ceil(this));
};
