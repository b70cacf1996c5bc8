// cos: cosine, elementwise (torch.cos, Tensor.cos, cos_). Integer and bool input gives the default float dtype.
import { get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { asTensor, floatOf, sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { sin } from './sin.js';

export const Cos = defineOp({
  name: 'cos',
  infer: sameInfer,
  elementwise: true,
  lower: (g, x) => [g.op1('Cos', x)],
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [mul(gy!, neg(sin(ctx.inputs[0])))],
});

/**
 * torch.cos(input): cosine of each element.
 * @example
 * torch.cos(torch.tensor([0.5, 1, 2])); x.cos(); x.cos_();
 */
export function cos(input: Tensor): Tensor {
  return apply1(Cos, [asTensor(input, floatOf(input.dtype, get_default_dtype()))], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    cos(): Tensor;
    cos_(): Tensor;
  }
}
Tensor.prototype.cos = function (this: Tensor) {
  return cos(this);
};
Tensor.prototype.cos_ = function (this: Tensor) {
  return inplace(this, () => cos(this));
};
