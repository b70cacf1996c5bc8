// pow: input ** exponent, with tensor or scalar on either side (torch.pow, Tensor.pow, pow_).
import { bool, resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer, promote, type TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { eq } from './eq.js';
import { ge } from './ge.js';
import { log } from './log.js';
import { logical_and } from './logical_and.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import { where } from './where.js';

export const Pow = defineOp({
  name: 'pow',
  infer: (x) => broadcastInfer(x),
  elementwise: true,
  lower: (g, x) => [g.op1('Pow', x)],
  saves: { inputs: [0, 1], outputs: [0] },
  // PyTorch's pow_backward / pow_backward_exponent: 0 where the exponent is 0 (not 0·x^-1 = NaN at
  // x = 0), and 0 for the exponent where the base is 0 and the exponent >= 0 (not 0·log 0).
  grad: (ctx, [gy]) => {
    const [x, e] = ctx.inputs;
    const gx = ctx.needs[0] ? where(eq(e, 0), 0, mul(gy!, mul(e, pow(x, sub(e, 1))))) : null;
    const ge_ = ctx.needs[1] ? where(logical_and(eq(x, 0), ge(e, 0)), 0, mul(gy!, mul(ctx.outputs[0], log(x)))) : null;
    return [gx, ge_];
  },
});

/**
 * torch.pow(input, exponent): input raised to exponent, either a tensor or a scalar, with type
 * promotion (an integer tensor to a float power gives floats).
 * @example
 * x.pow(2); torch.pow(2, x); torch.pow(x, y);
 */
export function pow(input: TensorOrScalar, exponent: TensorOrScalar): Tensor {
  const dt = resultType(...([input, exponent] as never[]));
  if (dt === bool) throw new RuntimeError(`"pow" not implemented for 'Bool'`);
  if (!dt.is_floating_point && (typeof exponent === 'number' || typeof exponent === 'bigint') && exponent < 0)
    throw new RuntimeError('Integers to negative integer powers are not allowed.');
  const [a, b] = promote([input, exponent], dt);
  return apply1(Pow, [a, b], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    pow(exponent: TensorOrScalar): Tensor;
    pow_(exponent: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.pow = function (this: Tensor, e: TensorOrScalar) {
  return pow(this, e);
};
Tensor.prototype.pow_ = function (this: Tensor, e: TensorOrScalar) {
  return inplace(this, () => pow(this, e));
};
