// sinh: hyperbolic sine, elementwise (torch.sinh, Tensor.sinh, sinh_). Integer and bool input gives the default float dtype.
import { float64 } from '../dtype.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { floatUnary, gExpm1, unaryMethods } from './_emath.js';
import { cosh } from './cosh.js';
import { mul } from './mul.js';

export const Sinh = defineOp({
  name: 'sinh',
  infer: sameInfer,
  // ORT has no float64 kernel (ORT-FACTS §1): float64 is composed from float64 nodes.
  lower: (g, [x], _a, io) => {
    if (io.inputs[0].dtype !== float64) return [g.op1('Sinh', [x])];
    // |sinh x| = (E + E/(E + 1))/2 with E = expm1|x| (no cancellation near 0); e^(|x| − ln 2) beyond 20.
    const c = (v: number) => g.scalar(float64, v);
    const ax = g.op1('Abs', [x]);
    const e = gExpm1(g, ax, float64);
    const s = g.op1('Mul', [c(0.5), g.op1('Add', [e, g.op1('Div', [e, g.op1('Add', [e, c(1)])])])]);
    const r = g.op1('Where', [g.op1('Greater', [ax, c(20)]), g.op1('Exp', [g.op1('Sub', [ax, c(Math.LN2)])]), s]);
    return [g.op1('Where', [g.op1('Less', [x, c(0)]), g.op1('Neg', [r]), r])];
  },
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [mul(gy!, cosh(ctx.inputs[0]))],
});

/**
 * torch.sinh(input): hyperbolic sine of each element.
 * @example
 * torch.sinh(torch.tensor([0.5, 0.25])); x.sinh(); x.sinh_();
 */
export const sinh: (input: Tensor) => Tensor = floatUnary(Sinh);

declare module '../tensor.js' {
  interface Tensor {
    sinh(): Tensor;
    sinh_(): Tensor;
  }
}
unaryMethods('sinh', sinh);
