// acosh: inverse hyperbolic cosine, elementwise (torch.acosh, torch.arccosh, Tensor.acosh, acosh_). Integer and bool input gives the default float dtype.
import { float64 } from '../dtype.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { floatUnary, gLog1p, unaryMethods } from './_emath.js';
import { mul } from './mul.js';
import { rsqrt } from './rsqrt.js';
import { sub } from './sub.js';

export const Acosh = defineOp({
  name: 'acosh',
  infer: sameInfer,
  // ORT has no float64 kernel (ORT-FACTS §1): float64 is composed from float64 nodes.
  lower: (g, [x], _a, io) => {
    if (io.inputs[0].dtype !== float64) return [g.op1('Acosh', [x])];
    // below 2: log1p(t + √(2t + t²)), t = x − 1 (exact near 1); then log(x + √(x² − 1)); log x + ln 2 beyond 1e8.
    const c = (v: number) => g.scalar(float64, v);
    const t = g.op1('Sub', [x, c(1)]);
    const near = gLog1p(g, g.op1('Add', [t, g.op1('Sqrt', [g.op1('Add', [g.op1('Mul', [c(2), t]), g.op1('Mul', [t, t])])])]), float64);
    const mid = g.op1('Log', [g.op1('Add', [x, g.op1('Sqrt', [g.op1('Sub', [g.op1('Mul', [x, x]), c(1)])])])]);
    const far = g.op1('Add', [g.op1('Log', [x]), c(Math.LN2)]);
    return [g.op1('Where', [g.op1('Less', [x, c(2)]), near, g.op1('Where', [g.op1('Greater', [x, c(1e8)]), far, mid])])];
  },
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [mul(gy!, rsqrt(sub(mul(ctx.inputs[0], ctx.inputs[0]), 1)))],
});

/**
 * torch.acosh(input): inverse hyperbolic cosine of each element.
 * @example
 * torch.acosh(torch.tensor([0.5, 0.25])); x.acosh(); x.acosh_();
 */
export const acosh: (input: Tensor) => Tensor = floatUnary(Acosh);
/** torch.arccosh: alias of torch.acosh. */
export const arccosh = acosh;

declare module '../tensor.js' {
  interface Tensor {
    acosh(): Tensor;
    acosh_(): Tensor;
    arccosh(): Tensor;
    arccosh_(): Tensor;
  }
}
unaryMethods('acosh', acosh);
unaryMethods('arccosh', acosh);
