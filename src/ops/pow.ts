// pow: input ** exponent, with tensor or scalar on either side.
import { resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer, promote, type TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { mul } from './mul.js';
import { sub } from './sub.js';

export const Pow = defineOp({
  name: 'pow',
  infer: (x) => broadcastInfer(x),
  lower: (g, x) => [g.op1('Pow', x)],
  saves: { inputs: [0, 1], outputs: [0] },
  grad: (ctx, [gy]) => {
    const [x, e] = ctx.inputs;
    const y = ctx.outputs[0];
    // d/dx = e·x^(e-1); d/de = y·log(x) (written with the log op, registered in ops/log.ts)
    const gx = ctx.needs[0] ? mul(gy!, mul(e, pow(x, sub1(e)))) : null;
    const ge = ctx.needs[1] ? mul(gy!, mul(y, (x as unknown as { log(): Tensor }).log())) : null;
    return [gx, ge];
  },
});

const sub1 = (e: Tensor): Tensor => sub(e, 1);

/**
 * torch.pow(input, exponent)
 * @example
 * x.pow(2); torch.pow(2, x);
 */
export function pow(input: TensorOrScalar, exponent: TensorOrScalar): Tensor {
  const [a, b] = promote([input, exponent], resultType(...([input, exponent] as never[])));
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
