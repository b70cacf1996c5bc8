// asinh: inverse hyperbolic sine, elementwise (torch.asinh, torch.arcsinh, Tensor.asinh, asinh_). Integer and bool input gives the default float dtype.
import { float64 } from '../dtype.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { floatUnary, gLog1p, unaryMethods } from './_emath.js';
import { add } from './add.js';
import { mul } from './mul.js';
import { rsqrt } from './rsqrt.js';

export const Asinh = defineOp({
  name: 'asinh',
  infer: sameInfer,
  // ORT has no float64 kernel (ORT-FACTS §1): float64 is composed from float64 nodes.
  lower: (g, [x], _a, io) => {
    if (io.inputs[0].dtype !== float64) return [g.op1('Asinh', [x])];
    // |asinh x| = log1p(|x| + x²/(1 + √(1 + x²))); log|x| + ln 2 beyond 1e8 (x² would overflow).
    const c = (v: number) => g.scalar(float64, v);
    const ax = g.op1('Abs', [x]);
    const x2 = g.op1('Mul', [ax, ax]);
    const s = gLog1p(g, g.op1('Add', [ax, g.op1('Div', [x2, g.op1('Add', [c(1), g.op1('Sqrt', [g.op1('Add', [c(1), x2])])])])]), float64);
    const r = g.op1('Where', [g.op1('Greater', [ax, c(1e8)]), g.op1('Add', [g.op1('Log', [ax]), c(Math.LN2)]), s]);
    return [g.op1('Where', [g.op1('Less', [x, c(0)]), g.op1('Neg', [r]), r])];
  },
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [mul(gy!, rsqrt(add(mul(ctx.inputs[0], ctx.inputs[0]), 1)))],
});

/**
 * torch.asinh(input): inverse hyperbolic sine of each element.
 * @example
 * torch.asinh(torch.tensor([0.5, 0.25])); x.asinh(); x.asinh_();
 */
export const asinh: (input: Tensor) => Tensor = floatUnary(Asinh);
/** torch.arcsinh: alias of torch.asinh. */
export const arcsinh = asinh;

declare module '../tensor.js' {
  interface Tensor {
    asinh(): Tensor;
    asinh_(): Tensor;
    arcsinh(): Tensor;
    arcsinh_(): Tensor;
  }
}
unaryMethods('asinh', asinh);
unaryMethods('arcsinh', asinh);
