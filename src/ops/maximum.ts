// maximum: the larger of two tensors elementwise, NaN propagating (torch.maximum, Tensor.maximum).
import { bool, resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer, promote, type TensorOrScalar } from './_common.js';
import { div } from './div.js';
import { eq } from './eq.js';
import { gt } from './gt.js';
import { lt } from './lt.js';
import { where } from './where.js';

export const Maximum = defineOp({
  name: 'maximum',
  infer: (x) => broadcastInfer(x),
  // ONNX Max keeps NaN like PyTorch (ORT-FACTS §4); bool has no Max kernel.
  lower: (g, x, _a, io) => [g.op1(io.inputs[0].dtype === bool ? 'Or' : 'Max', x)],
  // PyTorch 1.13: ties split the gradient in half; NaN lanes pass it to both sides.
  grad: (ctx, [gy]) => {
    const [a, b] = ctx.inputs;
    const shared = where(eq(a, b), div(gy!, 2), gy!);
    return [ctx.needs[0] ? where(lt(a, b), 0, shared) : null, ctx.needs[1] ? where(gt(a, b), 0, shared) : null];
  },
});

/**
 * torch.maximum(input, other): the larger of input and other elementwise (NaN if either is NaN),
 * with broadcasting and type promotion.
 * @example
 * torch.maximum(a, b); a.maximum(b);
 */
export function maximum(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const [a, b] = promote([input, other], resultType(...([input, other] as never[])));
  return apply1(Maximum, [a, b], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    maximum(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.maximum = function (this: Tensor, other: TensorOrScalar) {
  return maximum(this, other);
};
