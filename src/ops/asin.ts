// asin: arcsine, elementwise (torch.asin, torch.arcsin, Tensor.asin, asin_). Integer and bool input gives the default float dtype.
import { float64 } from '../dtype.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { floatUnary, gAtan64, unaryMethods } from './_emath.js';
import { div } from './div.js';
import { mul } from './mul.js';
import { sqrt } from './sqrt.js';
import { sub } from './sub.js';

export const Asin = defineOp({
  name: 'asin',
  infer: sameInfer,
  // ORT has no float64 kernel (ORT-FACTS §1): float64 is composed from float64 nodes.
  lower: (g, [x], _a, io) => {
    if (io.inputs[0].dtype !== float64) return [g.op1('Asin', [x])];
    // asin x = atan(x / √((1 − x)(1 + x))); 1 − x is exact near 1, x = ±1 gives atan(±inf).
    const c = (v: number) => g.scalar(float64, v);
    const r = g.op1('Sqrt', [g.op1('Mul', [g.op1('Sub', [c(1), x]), g.op1('Add', [c(1), x])])]);
    return [gAtan64(g, g.op1('Div', [x, r]))];
  },
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [div(gy!, sqrt(sub(1, mul(ctx.inputs[0], ctx.inputs[0]))))],
});

/**
 * torch.asin(input): arcsine of each element.
 * @example
 * torch.asin(torch.tensor([0.5, 0.25])); x.asin(); x.asin_();
 */
export const asin: (input: Tensor) => Tensor = floatUnary(Asin);
/** torch.arcsin: alias of torch.asin. */
export const arcsin = asin;

declare module '../tensor.js' {
  interface Tensor {
    asin(): Tensor;
    asin_(): Tensor;
    arcsin(): Tensor;
    arcsin_(): Tensor;
  }
}
unaryMethods('asin', asin);
unaryMethods('arcsin', asin);
