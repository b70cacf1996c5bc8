// exp2: 2^x, elementwise (torch.exp2, Tensor.exp2, exp2_). Integer and bool input gives the default float dtype.
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { floatUnary, unaryMethods } from './_emath.js';
import { mul } from './mul.js';

export const Exp2 = defineOp({
  name: 'exp2',
  infer: sameInfer,
  lower: (g, [x], _a, io) => [g.op1('Pow', [g.scalar(io.inputs[0].dtype, 2), x])],
  saves: { inputs: [], outputs: [0] },
  grad: (ctx, [gy]) => [mul(gy!, mul(ctx.outputs[0], Math.LN2))],
});

/**
 * torch.exp2(input): 2^x of each element.
 * @example
 * torch.exp2(torch.tensor([0.5, 0.25])); x.exp2(); x.exp2_();
 */
export const exp2: (input: Tensor) => Tensor = floatUnary(Exp2);

declare module '../tensor.js' {
  interface Tensor {
    exp2(): Tensor;
    exp2_(): Tensor;
  }
}
unaryMethods('exp2', exp2);
