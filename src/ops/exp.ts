// exp: e to the power of each element, elementwise (torch.exp, Tensor.exp, exp_). Integer and bool input gives the default float dtype.
import { get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { asTensor, floatOf, sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { mul } from './mul.js';

export const Exp = defineOp({
  name: 'exp',
  infer: sameInfer,
  elementwise: true,
  lower: (g, x) => [g.op1('Exp', x)],
  saves: { inputs: [], outputs: [0] },
  grad: (ctx, [gy]) => [mul(gy!, ctx.outputs[0])],
});

/**
 * torch.exp(input): e to the power of each element of each element.
 * @example
 * torch.exp(torch.tensor([0.5, 1, 2])); x.exp(); x.exp_();
 */
export function exp(input: Tensor): Tensor {
  return apply1(Exp, [asTensor(input, floatOf(input.dtype, get_default_dtype()))], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    exp(): Tensor;
    exp_(): Tensor;
  }
}
Tensor.prototype.exp = function (this: Tensor) {
  return exp(this);
};
Tensor.prototype.exp_ = function (this: Tensor) {
  return inplace(this, () => exp(this));
};
