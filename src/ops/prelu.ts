// prelu: x if x > 0 else weight·x, weight per channel (dim 1) or one shared value (F.prelu, nn.PReLU).
import { apply, apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer } from './_common.js';
import { reshape } from './reshape.js';

/** [gx, gw] with gw at x's shape (the engine sums it down to the weight's). */
export const PreluBackward = defineOp({
  name: '_prelu_kernel_backward',
  infer: ([gy, x]) => [
    { dtype: x.dtype, shape: gy._shape },
    { dtype: x.dtype, shape: gy._shape },
  ],
  lower: (g, [gy, x, w], _a, io) => {
    const dt = io.inputs[1].dtype;
    const pos = g.op1('Greater', [x, g.scalar(dt, 0)]);
    const zero = g.scalar(dt, 0);
    return [g.op1('Where', [pos, gy, g.op1('Mul', [gy, w])]), g.op1('Where', [pos, zero, g.op1('Mul', [gy, x])])];
  },
});

export const Prelu = defineOp({
  name: '_prelu_kernel',
  backwardName: 'PreluBackward0',
  infer: (x) => broadcastInfer(x),
  lower: (g, x) => [g.op1('PRelu', x)],
  grad: (ctx, [gy]) => {
    const [gx, gw] = apply(PreluBackward, [gy!, ctx.inputs[0], ctx.inputs[1]], undefined);
    return [ctx.needs[0] ? gx : null, ctx.needs[1] ? gw : null];
  },
});

/**
 * torch.prelu(input, weight): weight has one element or one per channel (input dim 1).
 * @example
 * F.prelu(x, torch.tensor([0.25]));
 */
export function prelu(input: Tensor, weight: Tensor): Tensor {
  const n = weight.numel();
  const r = input._shape.length;
  let w: Tensor;
  if (n === 1) w = reshape(weight, []);
  else {
    const channels = r >= 2 ? input._shape[1] : 1;
    if (n !== channels)
      throw new RuntimeError(`Mismatch of parameter numbers and input channel size. Found parameter numbers = ${n} and channel size = ${channels}.`);
    w = reshape(weight, [n, ...Array<number>(r - 2).fill(1)]);
  }
  return apply1(Prelu, [input, w], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    prelu(weight: Tensor): Tensor;
  }
}
Tensor.prototype.prelu = function (this: Tensor, weight: Tensor) {
  return prelu(this, weight);
};
