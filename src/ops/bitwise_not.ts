// bitwise_not: ~x on integer and bool tensors (torch.bitwise_not, Tensor.bitwise_not, bitwise_not_).
import { bool } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { inplace } from './_inplace.js';

export const BitwiseNot = defineOp({
  name: 'bitwise_not',
  infer: sameInfer,
  elementwise: true,
  // BitwiseNot needs opset 18; in two's complement ~x = -1 - x (wrapping at INT_MIN too).
  lower: (g, [x], _a, io) => {
    const dt = io.inputs[0].dtype;
    return [dt === bool ? g.op1('Not', [x]) : g.op1('Sub', [g.scalar(dt, -1), x])];
  },
});

/**
 * torch.bitwise_not(input): bitwise NOT of an integer tensor; logical NOT of a bool tensor.
 * @example
 * torch.bitwise_not(torch.tensor([0, 5])); // tensor([-1, -6])
 */
export function bitwise_not(input: Tensor): Tensor {
  if (input.dtype.is_floating_point) throw new RuntimeError(`"bitwise_not_cpu" not implemented for '${input.dtype.scalarName}'`);
  return apply1(BitwiseNot, [input], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    bitwise_not(): Tensor;
    bitwise_not_(): Tensor;
  }
}
Tensor.prototype.bitwise_not = function (this: Tensor) {
  return bitwise_not(this);
};
Tensor.prototype.bitwise_not_ = function (this: Tensor) {
  return inplace(this, () => bitwise_not(this));
};
