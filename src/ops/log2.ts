// log2: base-2 logarithm, elementwise (torch.log2, Tensor.log2, log2_). Integer and bool input gives the default float dtype.
import { get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { asTensor, floatOf, sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { div } from './div.js';
import { mul } from './mul.js';

export const Log2 = defineOp({
  name: 'log2',
  infer: sameInfer,
  elementwise: true,
  lower: (g, x, _a, io) => [g.op1('Mul', [g.op1('Log', x), g.scalar(io.inputs[0].dtype, Math.LOG2E)])],
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [div(gy!, mul(ctx.inputs[0], Math.LN2))],
});

/**
 * torch.log2(input): base-2 logarithm of each element.
 * @example
 * torch.log2(torch.tensor([0.5, 1, 2])); x.log2(); x.log2_();
 */
export function log2(input: Tensor): Tensor {
  return apply1(Log2, [asTensor(input, floatOf(input.dtype, get_default_dtype()))], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    log2(): Tensor;
    log2_(): Tensor;
  }
}
Tensor.prototype.log2 = function (this: Tensor) {
  return log2(this);
};
Tensor.prototype.log2_ = function (this: Tensor) {
  return inplace(this, () => log2(this));
};
