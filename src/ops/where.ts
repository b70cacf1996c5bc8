// where(condition, input, other): elementwise select (torch.where, Tensor.where).
import { bool, resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer, promote, type TensorOrScalar } from './_common.js';

export const Where = defineOp({
  name: 'where',
  backwardName: 'WhereBackward0',
  infer: ([c, a, b]) => broadcastInfer([c, a, b], a.dtype),
  lower: (g, [c, a, b], _a, io) => {
    if (io.inputs[1].dtype !== bool) return [g.op1('Where', [c, a, b])];
    // No bool Where kernel (ORT-FACTS §1): (c ∧ a) ∨ (¬c ∧ b).
    return [g.op1('Or', [g.op1('And', [c, a]), g.op1('And', [g.op1('Not', [c]), b])])];
  },
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => {
    const c = ctx.inputs[0];
    return [null, ctx.needs[1] ? where(c, gy!, 0) : null, ctx.needs[2] ? where(c, 0, gy!) : null];
  },
});

/**
 * torch.where(condition, input, other): input where condition is true, else other; broadcasting,
 * with input and other promoted to a common dtype (either may be a scalar).
 * @example
 * torch.where(x.gt(0), x, 0); x.where(mask, y);
 */
export function where(condition: Tensor, input: TensorOrScalar, other: TensorOrScalar): Tensor {
  if (condition.dtype !== bool)
    throw new RuntimeError(`where expected condition to be a boolean tensor, but got a tensor with dtype ${condition.dtype.scalarName}`);
  const [a, b] = promote([input, other], resultType(...([input, other] as never[])));
  return apply1(Where, [condition, a, b], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    /** self.where(condition, y) is torch.where(condition, self, y). */
    where(condition: Tensor, other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.where = function (this: Tensor, condition: Tensor, other: TensorOrScalar) {
  return where(condition, this, other);
};
