// isneginf: true where the element is -inf (bool; never for integers and bool), as torch.isneginf.
import { bool } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';

export const Isneginf = defineOp({
  name: 'isneginf',
  infer: (x) => [{ dtype: bool, shape: x[0]._shape }],
  // Only floats can be infinite: other dtypes compare x != x (all false).
  lower: (g, [x], _a, io) =>
    [io.inputs[0].dtype.is_floating_point ? g.op1('IsInf', [x], { detect_positive: 0 }) : g.op1('Not', [g.op1('Equal', [x, x])])],
});

/**
 * torch.isneginf(input): true where the element is -inf.
 * @example
 * torch.isneginf(torch.tensor([1, Infinity, -Infinity])); // [false, false, true]
 */
export function isneginf(input: Tensor): Tensor {
  return apply1(Isneginf, [input], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    isneginf(): Tensor;
  }
}
Tensor.prototype.isneginf = function (this: Tensor) {
  return isneginf(this);
};
