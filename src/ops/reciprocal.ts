// reciprocal: 1 / x, elementwise (torch.reciprocal, Tensor.reciprocal, reciprocal_). Integer and bool input gives the default float dtype.
import { get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { asTensor, floatOf, sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { mul } from './mul.js';
import { neg } from './neg.js';

export const Reciprocal = defineOp({
  name: 'reciprocal',
  infer: sameInfer,
  elementwise: true,
  lower: (g, x) => [g.op1('Reciprocal', x)],
  saves: { inputs: [], outputs: [0] },
  grad: (ctx, [gy]) => [neg(mul(gy!, mul(ctx.outputs[0], ctx.outputs[0])))],
});

/**
 * torch.reciprocal(input): 1 / x of each element.
 * @example
 * torch.reciprocal(torch.tensor([0.5, 1, 2])); x.reciprocal(); x.reciprocal_();
 */
export function reciprocal(input: Tensor): Tensor {
  return apply1(Reciprocal, [asTensor(input, floatOf(input.dtype, get_default_dtype()))], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    reciprocal(): Tensor;
    reciprocal_(): Tensor;
  }
}
Tensor.prototype.reciprocal = function (this: Tensor) {
  return reciprocal(this);
};
Tensor.prototype.reciprocal_ = function (this: Tensor) {
  return inplace(this, () => reciprocal(this));
};
