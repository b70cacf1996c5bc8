// logical_not: true where the input is zero, result bool (torch.logical_not, Tensor.logical_not, logical_not_).
import { bool } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';
import { lowerTruth } from './logical_and.js';

export const LogicalNot = defineOp({
  name: 'logical_not',
  infer: (x) => [{ dtype: bool, shape: x[0]._shape }],
  lower: (g, [x], _a, io) => [g.op1('Not', [lowerTruth(g, x, io.inputs[0].dtype === bool)])],
});

/**
 * torch.logical_not(input): true where input is zero (false for NaN).
 * @example
 * torch.logical_not(mask); mask.logical_not();
 */
export function logical_not(input: Tensor): Tensor {
  return apply1(LogicalNot, [input], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    logical_not(): Tensor;
    logical_not_(): Tensor;
  }
}
Tensor.prototype.logical_not = function (this: Tensor) {
  return logical_not(this);
};
Tensor.prototype.logical_not_ = function (this: Tensor) {
  return inplace(this, () => logical_not(this));
};
