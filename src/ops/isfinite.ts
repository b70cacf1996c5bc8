// isfinite: true where the element is neither NaN nor infinite, result bool (torch.isfinite, Tensor.isfinite).
import { bool } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';

export const IsFinite = defineOp({
  name: 'isfinite',
  infer: (x) => [{ dtype: bool, shape: x[0]._shape }],
  // Integers and bools are always finite. (x == x is all true for them; IsNaN/IsInf have float kernels only.)
  lower: (g, [x], _a, io) => [io.inputs[0].dtype.is_floating_point ? g.op1('Not', [g.op1('Or', [g.op1('IsNaN', [x]), g.op1('IsInf', [x])])]) : g.op1('Equal', [x, x])],
});

/**
 * torch.isfinite(input): true where the element is neither NaN nor infinite.
 * @example
 * torch.isfinite(torch.tensor([1, NaN, Infinity])); x.isfinite();
 */
export function isfinite(input: Tensor): Tensor {
  return apply1(IsFinite, [input], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    isfinite(): Tensor;
  }
}
Tensor.prototype.isfinite = function (this: Tensor) {
  return isfinite(this);
};
