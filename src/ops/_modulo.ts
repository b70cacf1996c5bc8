// The shared pieces of fmod and remainder (they differ in rounding: trunc vs floor).
import { bool, resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import type { GradCtx, OpDef } from '../op.js';
import type { Tensor } from '../tensor.js';
import { promote, type TensorOrScalar } from './_common.js';
import { checkIntDivisor, div } from './div.js';
import { mul } from './mul.js';
import { neg } from './neg.js';

/** d/da = 1, d/db = −round(a / b) with the op's rounding (trunc: fmod, floor: remainder). */
export function moduloGrad(rounding_mode: 'trunc' | 'floor') {
  return (ctx: GradCtx<void>, [gy]: readonly (Tensor | null)[]) => {
    const [a, b] = ctx.inputs;
    return [ctx.needs[0] ? gy : null, ctx.needs[1] ? neg(mul(gy!, div(a, b, { rounding_mode }))) : null];
  };
}

/** Promotes, refuses Bool (PyTorch's message), throws on integer division by zero, applies op. */
export function applyModulo(op: OpDef<void>, name: 'fmod' | 'remainder', input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const dt = resultType(...([input, other] as never[]));
  if (dt === bool) throw new RuntimeError(`"${name}_cpu" not implemented for 'Bool'`);
  const [a, b] = promote([input, other], dt);
  checkIntDivisor(b);
  return apply1(op, [a, b], undefined);
}
