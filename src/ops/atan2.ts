// atan2: the angle of (other, input) in (−π, π] (torch.atan2, torch.arctan2, Tensor.atan2, atan2_).
// Broadcasting and promotion; integer and bool inputs give the default float dtype.
import { get_default_dtype, resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { broadcastInfer, floatOf, promote, type TensorOrScalar } from './_common.js';
import { binaryMethods, gAtan, gSignbit } from './_emath.js';
import { add } from './add.js';
import { div } from './div.js';
import { mul } from './mul.js';
import { neg } from './neg.js';

export const Atan2 = defineOp({
  name: 'atan2',
  infer: (x) => broadcastInfer(x),
  // ONNX has no Atan2. Below the diagonal atan(y/x) (+ ±π for x < 0), above it ±π/2 − atan(x/y),
  // so that neither ratio overflows; y = x = 0 gives ±0 or ±π by the signs of the zeros, as C's atan2.
  lower: (g, [y, x], _a, io) => {
    const dt = io.inputs[0].dtype;
    const c = (v: number) => g.scalar(dt, v);
    const ySign = gSignbit(g, y, dt);
    const pm = (v: number) => g.op1('Where', [ySign, c(-v), c(v)]);
    const below = g.op1('LessOrEqual', [g.op1('Abs', [y]), g.op1('Abs', [x])]);
    const lo = g.op1('Add', [gAtan(g, g.op1('Div', [y, x]), dt), g.op1('Where', [gSignbit(g, x, dt), pm(Math.PI), c(0)])]);
    const hi = g.op1('Sub', [pm(Math.PI / 2), gAtan(g, g.op1('Div', [x, y]), dt)]);
    const zero = g.op1('And', [g.op1('Equal', [y, c(0)]), g.op1('Equal', [x, c(0)])]);
    const atZero = g.op1('Where', [gSignbit(g, x, dt), pm(Math.PI), g.op1('Mul', [y, c(1)])]);
    // both infinite: ±π/4 or ±3π/4
    const infs = g.op1('And', [g.op1('IsInf', [y]), g.op1('IsInf', [x])]);
    const atInf = g.op1('Where', [gSignbit(g, x, dt), pm((3 * Math.PI) / 4), pm(Math.PI / 4)]);
    return [g.op1('Where', [zero, atZero, g.op1('Where', [infs, atInf, g.op1('Where', [below, lo, hi])])])];
  },
  saves: { inputs: [0, 1] },
  grad: (ctx, [gy]) => {
    const [y, x] = ctx.inputs;
    const r = add(mul(x, x), mul(y, y));
    return [ctx.needs[0] ? mul(gy!, div(x, r)) : null, ctx.needs[1] ? mul(gy!, div(neg(y), r)) : null];
  },
});

/**
 * torch.atan2(input, other): atan(input / other) in the quadrant of the point (other, input).
 * @example
 * torch.atan2(torch.tensor([1, -1]), torch.tensor([-1, -1])); // tensor([ 2.3562, -2.3562])
 */
export function atan2(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const dt = floatOf(resultType(...([input, other] as never[])), get_default_dtype());
  const [a, b] = promote([input, other], dt);
  return apply1(Atan2, [a, b], undefined);
}
/** torch.arctan2: alias of torch.atan2. */
export const arctan2 = atan2;

declare module '../tensor.js' {
  interface Tensor {
    atan2(other: TensorOrScalar): Tensor;
    atan2_(other: TensorOrScalar): Tensor;
    arctan2(other: TensorOrScalar): Tensor;
    arctan2_(other: TensorOrScalar): Tensor;
  }
}
binaryMethods('atan2', atan2 as never);
binaryMethods('arctan2', atan2 as never);
