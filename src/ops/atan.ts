// atan: arctangent, elementwise (torch.atan, torch.arctan, Tensor.atan, atan_). Integer and bool input gives the default float dtype.
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { floatUnary, gAtan, unaryMethods } from './_emath.js';
import { add } from './add.js';
import { div } from './div.js';
import { mul } from './mul.js';

export const Atan = defineOp({
  name: 'atan',
  infer: sameInfer,
  lower: (g, [x], _a, io) => [gAtan(g, x, io.inputs[0].dtype)],
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [div(gy!, add(mul(ctx.inputs[0], ctx.inputs[0]), 1))],
});

/**
 * torch.atan(input): arctangent of each element.
 * @example
 * torch.atan(torch.tensor([0.5, 0.25])); x.atan(); x.atan_();
 */
export const atan: (input: Tensor) => Tensor = floatUnary(Atan);
/** torch.arctan: alias of torch.atan. */
export const arctan = atan;

declare module '../tensor.js' {
  interface Tensor {
    atan(): Tensor;
    atan_(): Tensor;
    arctan(): Tensor;
    arctan_(): Tensor;
  }
}
unaryMethods('atan', atan);
unaryMethods('arctan', atan);
