// sqrt: square root, elementwise (torch.sqrt, Tensor.sqrt, sqrt_). Integer and bool input gives the default float dtype.
import { get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { asTensor, floatOf, sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { div } from './div.js';
import { mul } from './mul.js';

export const Sqrt = defineOp({
  name: 'sqrt',
  infer: sameInfer,
  elementwise: true,
  lower: (g, x) => [g.op1('Sqrt', x)],
  saves: { inputs: [], outputs: [0] },
  grad: (ctx, [gy]) => [div(gy!, mul(ctx.outputs[0], 2))],
});

/**
 * torch.sqrt(input): square root of each element.
 * @example
 * torch.sqrt(torch.tensor([0.5, 1, 2])); x.sqrt(); x.sqrt_();
 */
export function sqrt(input: Tensor): Tensor {
  return apply1(Sqrt, [asTensor(input, floatOf(input.dtype, get_default_dtype()))], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    sqrt(): Tensor;
    sqrt_(): Tensor;
  }
}
Tensor.prototype.sqrt = function (this: Tensor) {
  return sqrt(this);
};
Tensor.prototype.sqrt_ = function (this: Tensor) {
  return inplace(this, () => sqrt(this));
};
