// expm1: e^x − 1, accurate for small x, elementwise (torch.expm1, Tensor.expm1, expm1_). Integer and bool input gives the default float dtype.
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { floatUnary, gExpm1, unaryMethods } from './_emath.js';
import { add } from './add.js';
import { mul } from './mul.js';

export const Expm1 = defineOp({
  name: 'expm1',
  infer: sameInfer,
  // ONNX has no Expm1: composed from Exp and Log (_emath.ts).
  lower: (g, [x], _a, io) => [gExpm1(g, x, io.inputs[0].dtype)],
  saves: { inputs: [], outputs: [0] },
  grad: (ctx, [gy]) => [mul(gy!, add(ctx.outputs[0], 1))],
});

/**
 * torch.expm1(input): e^x − 1, accurate for small x of each element.
 * @example
 * torch.expm1(torch.tensor([0.5, 0.25])); x.expm1(); x.expm1_();
 */
export const expm1: (input: Tensor) => Tensor = floatUnary(Expm1);

declare module '../tensor.js' {
  interface Tensor {
    expm1(): Tensor;
    expm1_(): Tensor;
  }
}
unaryMethods('expm1', expm1);
