// isposinf: true where the element is +inf (bool; never for integers and bool), as torch.isposinf.
import { bool } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';

export const Isposinf = defineOp({
  name: 'isposinf',
  infer: (x) => [{ dtype: bool, shape: x[0]._shape }],
  // Only floats can be infinite: other dtypes compare x != x (all false).
  lower: (g, [x], _a, io) =>
    [io.inputs[0].dtype.is_floating_point ? g.op1('IsInf', [x], { detect_negative: 0 }) : g.op1('Not', [g.op1('Equal', [x, x])])],
});

/**
 * torch.isposinf(input): true where the element is +inf.
 * @example
 * torch.isposinf(torch.tensor([1, Infinity, -Infinity])); // [false, true, false]
 */
export function isposinf(input: Tensor): Tensor {
  return apply1(Isposinf, [input], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    isposinf(): Tensor;
  }
}
Tensor.prototype.isposinf = function (this: Tensor) {
  return isposinf(this);
};
