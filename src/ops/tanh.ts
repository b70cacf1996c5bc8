// tanh: hyperbolic tangent, elementwise (torch.tanh, Tensor.tanh, tanh_). Integer and bool input gives the default float dtype.
import { get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { asTensor, floatOf, sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { mul } from './mul.js';
import { rsub } from './sub.js';

export const Tanh = defineOp({
  name: 'tanh',
  infer: sameInfer,
  elementwise: true,
  lower: (g, x) => [g.op1('Tanh', x)],
  saves: { inputs: [], outputs: [0] },
  grad: (ctx, [gy]) => [mul(gy!, rsub(mul(ctx.outputs[0], ctx.outputs[0]), 1))],
});

/**
 * torch.tanh(input): hyperbolic tangent of each element.
 * @example
 * torch.tanh(torch.tensor([0.5, 1, 2])); x.tanh(); x.tanh_();
 */
export function tanh(input: Tensor): Tensor {
  return apply1(Tanh, [asTensor(input, floatOf(input.dtype, get_default_dtype()))], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    tanh(): Tensor;
    tanh_(): Tensor;
  }
}
Tensor.prototype.tanh = function (this: Tensor) {
  return tanh(this);
};
Tensor.prototype.tanh_ = function (this: Tensor) {
  return inplace(this, () => tanh(this));
};
