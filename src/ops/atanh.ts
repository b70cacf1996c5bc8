// atanh: inverse hyperbolic tangent, elementwise (torch.atanh, torch.arctanh, Tensor.atanh, atanh_). Integer and bool input gives the default float dtype.
import { float64 } from '../dtype.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { floatUnary, gLog1p, unaryMethods } from './_emath.js';
import { div } from './div.js';
import { mul } from './mul.js';
import { sub } from './sub.js';

export const Atanh = defineOp({
  name: 'atanh',
  infer: sameInfer,
  // ORT has no float64 kernel (ORT-FACTS §1): float64 is composed from float64 nodes.
  lower: (g, [x], _a, io) => {
    if (io.inputs[0].dtype !== float64) return [g.op1('Atanh', [x])];
    // |atanh x| = log1p(2a + 2a²/(1 − a))/2 below a = |x| = 0.5, else log1p(2a/(1 − a))/2 (as glibc).
    const c = (v: number) => g.scalar(float64, v);
    const a = g.op1('Abs', [x]);
    const a2 = g.op1('Mul', [c(2), a]);
    const om = g.op1('Sub', [c(1), a]);
    const small = g.op1('Add', [a2, g.op1('Div', [g.op1('Mul', [a2, a]), om])]);
    const large = g.op1('Div', [a2, om]);
    const r = g.op1('Mul', [c(0.5), gLog1p(g, g.op1('Where', [g.op1('Less', [a, c(0.5)]), small, large]), float64)]);
    return [g.op1('Where', [g.op1('Less', [x, c(0)]), g.op1('Neg', [r]), r])];
  },
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [div(gy!, sub(1, mul(ctx.inputs[0], ctx.inputs[0])))],
});

/**
 * torch.atanh(input): inverse hyperbolic tangent of each element.
 * @example
 * torch.atanh(torch.tensor([0.5, 0.25])); x.atanh(); x.atanh_();
 */
export const atanh: (input: Tensor) => Tensor = floatUnary(Atanh);
/** torch.arctanh: alias of torch.atanh. */
export const arctanh = atanh;

declare module '../tensor.js' {
  interface Tensor {
    atanh(): Tensor;
    atanh_(): Tensor;
    arctanh(): Tensor;
    arctanh_(): Tensor;
  }
}
unaryMethods('atanh', atanh);
unaryMethods('arctanh', atanh);
