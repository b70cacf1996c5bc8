// isinf: true where the element is +inf or -inf, result bool (torch.isinf, Tensor.isinf).
import { bool } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';

export const IsInf = defineOp({
  name: 'isinf',
  infer: (x) => [{ dtype: bool, shape: x[0]._shape }],
  // Only floats can be infinite. (x == x is all true for them; IsNaN/IsInf have float kernels only.)
  lower: (g, [x], _a, io) => [io.inputs[0].dtype.is_floating_point ? g.op1('IsInf', [x]) : g.op1('Not', [g.op1('Equal', [x, x])])],
});

/**
 * torch.isinf(input): true where the element is +inf or -inf.
 * @example
 * torch.isinf(torch.tensor([1, NaN, Infinity])); x.isinf();
 */
export function isinf(input: Tensor): Tensor {
  return apply1(IsInf, [input], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    isinf(): Tensor;
  }
}
Tensor.prototype.isinf = function (this: Tensor) {
  return isinf(this);
};
