// sigmoid: logistic sigmoid 1 / (1 + e^-x), elementwise (torch.sigmoid, Tensor.sigmoid, sigmoid_). Integer and bool input gives the default float dtype.
import { get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { asTensor, floatOf, sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { mul } from './mul.js';
import { rsub } from './sub.js';

export const Sigmoid = defineOp({
  name: 'sigmoid',
  infer: sameInfer,
  elementwise: true,
  lower: (g, x) => [g.op1('Sigmoid', x)],
  saves: { inputs: [], outputs: [0] },
  grad: (ctx, [gy]) => [mul(gy!, mul(ctx.outputs[0], rsub(ctx.outputs[0], 1)))],
});

/**
 * torch.sigmoid(input): logistic sigmoid 1 / (1 + e^-x) of each element.
 * @example
 * torch.sigmoid(torch.tensor([0.5, 1, 2])); x.sigmoid(); x.sigmoid_();
 */
export function sigmoid(input: Tensor): Tensor {
  return apply1(Sigmoid, [asTensor(input, floatOf(input.dtype, get_default_dtype()))], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    sigmoid(): Tensor;
    sigmoid_(): Tensor;
  }
}
Tensor.prototype.sigmoid = function (this: Tensor) {
  return sigmoid(this);
};
Tensor.prototype.sigmoid_ = function (this: Tensor) {
  return inplace(this, () => sigmoid(this));
};
