// neg: -x (torch.neg, Tensor.neg, neg_, negative).
import { bool } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { inplace } from './_inplace.js';

export const Neg = defineOp({
  name: 'neg',
  infer: sameInfer,
  elementwise: true,
  lower: (g, x) => [g.op1('Neg', x)],
  saves: { inputs: [] },
  grad: (_ctx, [gy]) => [neg(gy!)],
});

/** torch.neg(input): −input. */
export function neg(input: Tensor): Tensor {
  if (input.dtype === bool)
    throw new RuntimeError('Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.');
  return apply1(Neg, [input], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    neg(): Tensor;
    negative(): Tensor;
    neg_(): Tensor;
  }
}
Tensor.prototype.neg = function (this: Tensor) {
  return neg(this);
};
Tensor.prototype.negative = Tensor.prototype.neg;
Tensor.prototype.neg_ = function (this: Tensor) {
  return inplace(this, () => neg(this));
};
