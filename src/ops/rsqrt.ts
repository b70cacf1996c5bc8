// rsqrt: reciprocal of the square root, elementwise (torch.rsqrt, Tensor.rsqrt, rsqrt_). Integer and bool input gives the default float dtype.
import { get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { asTensor, floatOf, sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { mul } from './mul.js';
import { pow } from './pow.js';

export const Rsqrt = defineOp({
  name: 'rsqrt',
  infer: sameInfer,
  elementwise: true,
  lower: (g, x) => [g.op1('Reciprocal', [g.op1('Sqrt', x)])],
  saves: { inputs: [], outputs: [0] },
  grad: (ctx, [gy]) => [mul(gy!, mul(pow(ctx.outputs[0], 3), -0.5))],
});

/**
 * torch.rsqrt(input): reciprocal of the square root of each element.
 * @example
 * torch.rsqrt(torch.tensor([0.5, 1, 2])); x.rsqrt(); x.rsqrt_();
 */
export function rsqrt(input: Tensor): Tensor {
  return apply1(Rsqrt, [asTensor(input, floatOf(input.dtype, get_default_dtype()))], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    rsqrt(): Tensor;
    rsqrt_(): Tensor;
  }
}
Tensor.prototype.rsqrt = function (this: Tensor) {
  return rsqrt(this);
};
Tensor.prototype.rsqrt_ = function (this: Tensor) {
  return inplace(this, () => rsqrt(this));
};
