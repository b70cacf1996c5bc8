// relu: max(x, 0). Its gradient is the op threshold_backward, so double backward works too.
import { bool, int64 } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { inplace } from './_inplace.js';

export const Relu = defineOp({
  name: 'relu',
  infer: sameInfer,
  elementwise: true,
  // ORT has no int64 Relu kernel (ORT-FACTS §1): Max(x, 0) instead.
  lower: (g, x, _a, io) => [io.inputs[0].dtype === int64 ? g.op1('Max', [x[0], g.scalar(int64, 0)]) : g.op1('Relu', x)],
  saves: { inputs: [], outputs: [0] },
  grad: (ctx, [gy]) => [threshold_backward(gy!, ctx.outputs[0], 0)],
});

/** grad × (input > threshold): the gradient of relu and threshold. */
export const ThresholdBackward = defineOp<{ threshold: number }>({
  name: 'threshold_backward',
  infer: sameInfer,
  elementwise: true,
  lower: (g, [gy, x], a, io) => {
    const dt = io.inputs[0].dtype;
    const mask = g.op1('Greater', [x, g.scalar(io.inputs[1].dtype, a.threshold)]);
    return [g.op1('Where', [mask, gy, g.scalar(dt, 0)])];
  },
  attrKey: (a) => String(a.threshold),
  saves: { inputs: [1] },
  grad: (ctx, [ggy]) => [threshold_backward(ggy!, ctx.inputs[1], ctx.attrs.threshold), null],
});

export function threshold_backward(grad: Tensor, input: Tensor, threshold: number): Tensor {
  return apply1(ThresholdBackward, [grad, input], { threshold });
}

/**
 * torch.relu(input)
 * @example
 * x.relu(); torch.relu(x);
 */
export function relu(input: Tensor): Tensor {
  if (input.dtype === bool) throw new RuntimeError('Boolean inputs not supported for relu');
  return apply1(Relu, [input], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    relu(): Tensor;
    relu_(): Tensor;
  }
}
Tensor.prototype.relu = function (this: Tensor) {
  return relu(this);
};
Tensor.prototype.relu_ = function (this: Tensor) {
  return inplace(this, () => relu(this));
};
