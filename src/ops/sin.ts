// sin: sine, elementwise (torch.sin, Tensor.sin, sin_). Integer and bool input gives the default float dtype.
import { get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { asTensor, floatOf, sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { cos } from './cos.js';
import { mul } from './mul.js';

export const Sin = defineOp({
  name: 'sin',
  infer: sameInfer,
  elementwise: true,
  lower: (g, x) => [g.op1('Sin', x)],
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [mul(gy!, cos(ctx.inputs[0]))],
});

/**
 * torch.sin(input): sine of each element.
 * @example
 * torch.sin(torch.tensor([0.5, 1, 2])); x.sin(); x.sin_();
 */
export function sin(input: Tensor): Tensor {
  return apply1(Sin, [asTensor(input, floatOf(input.dtype, get_default_dtype()))], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    sin(): Tensor;
    sin_(): Tensor;
  }
}
Tensor.prototype.sin = function (this: Tensor) {
  return sin(this);
};
Tensor.prototype.sin_ = function (this: Tensor) {
  return inplace(this, () => sin(this));
};
