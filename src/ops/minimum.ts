// minimum: the smaller of two tensors elementwise, NaN propagating (torch.minimum, Tensor.minimum).
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

export const Minimum = defineOp({
  name: 'minimum',
  infer: (x) => broadcastInfer(x),
  // ONNX Min keeps NaN like PyTorch (ORT-FACTS §4); bool has no Min kernel.
  lower: (g, x, _a, io) => [g.op1(io.inputs[0].dtype === bool ? 'And' : 'Min', x)],
  // PyTorch 1.13: ties split the gradient in half; NaN lanes pass it to both sides.
  grad: (ctx, [gy]) => {
    const [a, b] = ctx.inputs;
    const shared = where(eq(a, b), div(gy!, 2), gy!);
    return [ctx.needs[0] ? where(gt(a, b), 0, shared) : null, ctx.needs[1] ? where(lt(a, b), 0, shared) : null];
  },
});

/**
 * torch.minimum(input, other): the smaller of input and other elementwise (NaN if either is NaN),
 * with broadcasting and type promotion.
 * @example
 * torch.minimum(a, b); a.minimum(b);
 */
export function minimum(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const [a, b] = promote([input, other], resultType(...([input, other] as never[])));
  return apply1(Minimum, [a, b], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    minimum(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.minimum = function (this: Tensor, other: TensorOrScalar) {
  return minimum(this, other);
};
