// isnan: true where the element is NaN, result bool (torch.isnan, Tensor.isnan).
import { bool } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';

export const IsNan = defineOp({
  name: 'isnan',
  infer: (x) => [{ dtype: bool, shape: x[0]._shape }],
  // Only floats can be NaN. (x == x is all true for them; IsNaN/IsInf have float kernels only.)
  lower: (g, [x], _a, io) => [io.inputs[0].dtype.is_floating_point ? g.op1('IsNaN', [x]) : g.op1('Not', [g.op1('Equal', [x, x])])],
});

/**
 * torch.isnan(input): true where the element is NaN.
 * @example
 * torch.isnan(torch.tensor([1, NaN, Infinity])); x.isnan();
 */
export function isnan(input: Tensor): Tensor {
  return apply1(IsNan, [input], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    isnan(): Tensor;
  }
}
Tensor.prototype.isnan = function (this: Tensor) {
  return isnan(this);
};
