// cosh: hyperbolic cosine, elementwise (torch.cosh, Tensor.cosh, cosh_). Integer and bool input gives the default float dtype.
import { float64 } from '../dtype.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { floatUnary, unaryMethods } from './_emath.js';
import { mul } from './mul.js';
import { sinh } from './sinh.js';

export const Cosh = defineOp({
  name: 'cosh',
  infer: sameInfer,
  // ORT has no float64 kernel (ORT-FACTS §1): float64 is composed from float64 nodes.
  lower: (g, [x], _a, io) => {
    if (io.inputs[0].dtype !== float64) return [g.op1('Cosh', [x])];
    // cosh x = t + 1/(4t), t = e^(|x| − ln 2) (finite up to where cosh itself overflows).
    const c = (v: number) => g.scalar(float64, v);
    const t = g.op1('Exp', [g.op1('Sub', [g.op1('Abs', [x]), c(Math.LN2)])]);
    return [g.op1('Add', [t, g.op1('Div', [c(0.25), t])])];
  },
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [mul(gy!, sinh(ctx.inputs[0]))],
});

/**
 * torch.cosh(input): hyperbolic cosine of each element.
 * @example
 * torch.cosh(torch.tensor([0.5, 0.25])); x.cosh(); x.cosh_();
 */
export const cosh: (input: Tensor) => Tensor = floatUnary(Cosh);

declare module '../tensor.js' {
  interface Tensor {
    cosh(): Tensor;
    cosh_(): Tensor;
  }
}
unaryMethods('cosh', cosh);
