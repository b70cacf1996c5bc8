// abs: |x| (torch.abs, absolute, Tensor.abs, abs_, absolute, absolute_).
import { bool } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { mul } from './mul.js';
import { sign } from './sign.js';

export const Abs = defineOp({
  name: 'abs',
  infer: sameInfer,
  elementwise: true,
  lower: (g, x) => [g.op1('Abs', x)],
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [mul(gy!, sign(ctx.inputs[0]))],
});

/**
 * torch.abs(input): absolute value of each element.
 * @example
 * torch.abs(torch.tensor([-1, 2])); x.abs();
 */
export function abs(input: Tensor): Tensor {
  if (input.dtype === bool) throw new RuntimeError(`"abs_cpu" not implemented for 'Bool'`);
  return apply1(Abs, [input], undefined);
}
/** torch.absolute: alias of abs. */
export const absolute = abs;

declare module '../tensor.js' {
  interface Tensor {
    abs(): Tensor;
    abs_(): Tensor;
    absolute(): Tensor;
    absolute_(): Tensor;
  }
}
Tensor.prototype.abs = function (this: Tensor) {
  return abs(this);
};
Tensor.prototype.absolute = Tensor.prototype.abs;
Tensor.prototype.abs_ = function (this: Tensor) {
  return inplace(this, () => abs(this));
};
Tensor.prototype.absolute_ = Tensor.prototype.abs_;
