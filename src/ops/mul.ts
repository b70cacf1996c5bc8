// mul: elementwise product (torch.mul, Tensor.mul, mul_, the `*` operator).
import { bool } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer, promote, type TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';

export const Mul = defineOp({
  name: 'mul',
  infer: (x) => broadcastInfer(x),
  elementwise: true,
  lower: (g, x, _a, io) => [g.op1(io.inputs[0].dtype === bool ? 'And' : 'Mul', x)],
  grad: (ctx, [gy]) => {
    const [a, b] = ctx.inputs;
    return [ctx.needs[0] ? mul(gy!, b) : null, ctx.needs[1] ? mul(gy!, a) : null];
  },
});

/**
 * torch.mul(input, other): elementwise product with broadcasting and type promotion.
 * @example
 * x.mul(2); torch.mul(a, b);
 */
export function mul(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const [a, b] = promote([input, other]);
  return apply1(Mul, [a, b], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    mul(other: TensorOrScalar): Tensor;
    mul_(other: TensorOrScalar): Tensor;
    multiply(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.mul = function (this: Tensor, other: TensorOrScalar) {
  return mul(this, other);
};
Tensor.prototype.multiply = Tensor.prototype.mul;
Tensor.prototype.mul_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => mul(this, other));
};
