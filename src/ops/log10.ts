// log10: base-10 logarithm, elementwise (torch.log10, Tensor.log10, log10_). Integer and bool input gives the default float dtype.
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { floatUnary, unaryMethods } from './_emath.js';
import { div } from './div.js';
import { mul } from './mul.js';

export const Log10 = defineOp({
  name: 'log10',
  infer: sameInfer,
  lower: (g, [x], _a, io) => [g.op1('Mul', [g.op1('Log', [x]), g.scalar(io.inputs[0].dtype, Math.LOG10E)])],
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [div(gy!, mul(ctx.inputs[0], Math.LN10))],
});

/**
 * torch.log10(input): base-10 logarithm of each element.
 * @example
 * torch.log10(torch.tensor([0.5, 0.25])); x.log10(); x.log10_();
 */
export const log10: (input: Tensor) => Tensor = floatUnary(Log10);

declare module '../tensor.js' {
  interface Tensor {
    log10(): Tensor;
    log10_(): Tensor;
  }
}
unaryMethods('log10', log10);
