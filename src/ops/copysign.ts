// copysign: |input| with the sign of other (torch.copysign, Tensor.copysign, copysign_).
import { get_default_dtype, resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { zeros_like } from '../creation.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { broadcastInfer, floatOf, promote, type TensorOrScalar } from './_common.js';
import { binaryMethods, gSignbit } from './_emath.js';
import { div } from './div.js';
import { eq } from './eq.js';
import { mul } from './mul.js';
import { where } from './where.js';

export const Copysign = defineOp({
  name: 'copysign',
  infer: (x) => broadcastInfer(x),
  lower: (g, [a, b], _a, io) => {
    const m = g.op1('Abs', [a]);
    return [g.op1('Where', [gSignbit(g, b, io.inputs[1].dtype), g.op1('Neg', [m]), m])];
  },
  saves: { inputs: [0], outputs: [0] },
  // PyTorch: grad · result/input, 0 where input is 0; other gets a zero gradient.
  grad: (ctx, [gy]) => [
    ctx.needs[0] ? mul(gy!, where(eq(ctx.inputs[0], 0), 0, div(ctx.outputs[0], ctx.inputs[0]))) : null,
    ctx.needs[1] ? zeros_like(ctx.inputMeta[1] as never) : null,
  ],
});

/**
 * torch.copysign(input, other): |input| with other's sign bit (−0 counts as negative); float result.
 * @example
 * torch.copysign(torch.tensor([1, -2]), -0.0);
 */
export function copysign(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const [a, b] = promote([input, other], floatOf(resultType(...([input, other] as never[])), get_default_dtype()));
  return apply1(Copysign, [a, b], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    copysign(other: TensorOrScalar): Tensor;
    copysign_(other: TensorOrScalar): Tensor;
  }
}
binaryMethods('copysign', copysign as never);
