// acos: arccosine, elementwise (torch.acos, torch.arccos, Tensor.acos, acos_). Integer and bool input gives the default float dtype.
import { float64 } from '../dtype.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { floatUnary, gAtan64, unaryMethods } from './_emath.js';
import { div } from './div.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { sqrt } from './sqrt.js';
import { sub } from './sub.js';

export const Acos = defineOp({
  name: 'acos',
  infer: sameInfer,
  // ORT has no float64 kernel (ORT-FACTS §1): float64 is composed from float64 nodes.
  lower: (g, [x], _a, io) => {
    if (io.inputs[0].dtype !== float64) return [g.op1('Acos', [x])];
    // acos x = 2·atan(√((1 − x)/(1 + x))): exact 1 − x near 1, x = −1 gives 2·atan(inf) = π.
    const c = (v: number) => g.scalar(float64, v);
    const r = g.op1('Sqrt', [g.op1('Div', [g.op1('Sub', [c(1), x]), g.op1('Add', [c(1), x])])]);
    return [g.op1('Mul', [c(2), gAtan64(g, r)])];
  },
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [neg(div(gy!, sqrt(sub(1, mul(ctx.inputs[0], ctx.inputs[0])))))],
});

/**
 * torch.acos(input): arccosine of each element.
 * @example
 * torch.acos(torch.tensor([0.5, 0.25])); x.acos(); x.acos_();
 */
export const acos: (input: Tensor) => Tensor = floatUnary(Acos);
/** torch.arccos: alias of torch.acos. */
export const arccos = acos;

declare module '../tensor.js' {
  interface Tensor {
    acos(): Tensor;
    acos_(): Tensor;
    arccos(): Tensor;
    arccos_(): Tensor;
  }
}
unaryMethods('acos', acos);
unaryMethods('arccos', acos);
