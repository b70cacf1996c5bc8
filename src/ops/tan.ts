// tan: tangent, elementwise (torch.tan, Tensor.tan, tan_). Integer and bool input gives the default float dtype.
import { float64, get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { asTensor, floatOf, sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { add } from './add.js';
import { mul } from './mul.js';

export const Tan = defineOp({
  name: 'tan',
  infer: sameInfer,
  elementwise: true,
  // ORT has no float64 Tan kernel: sin/cos there.
  lower: (g, x, _a, io) => [io.inputs[0].dtype === float64 ? g.op1('Div', [g.op1('Sin', x), g.op1('Cos', x)]) : g.op1('Tan', x)],
  saves: { inputs: [], outputs: [0] },
  grad: (ctx, [gy]) => [mul(gy!, add(mul(ctx.outputs[0], ctx.outputs[0]), 1))],
});

/**
 * torch.tan(input): tangent of each element.
 * @example
 * torch.tan(torch.tensor([0.5, 1, 2])); x.tan(); x.tan_();
 */
export function tan(input: Tensor): Tensor {
  return apply1(Tan, [asTensor(input, floatOf(input.dtype, get_default_dtype()))], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    tan(): Tensor;
    tan_(): Tensor;
  }
}
Tensor.prototype.tan = function (this: Tensor) {
  return tan(this);
};
Tensor.prototype.tan_ = function (this: Tensor) {
  return inplace(this, () => tan(this));
};
