// ceil: rounds each element up, to the smallest integer not below it (torch.ceil, Tensor.ceil, ceil_). Integer tensors are returned as a copy.
import { bool } from '../dtype.js';
import { zeros_like } from '../creation.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { inplace } from './_inplace.js';

export const Ceil = defineOp({
  name: 'ceil',
  infer: sameInfer,
  lower: (g, [x], _a, io) => [g.op1(io.inputs[0].dtype.isInt ? 'Identity' : 'Ceil', [x])],
  saves: { inputs: [] },
  // Piecewise constant: zero gradient, as PyTorch.
  grad: (_ctx, [gy]) => [zeros_like(gy!)],
});

/**
 * torch.ceil(input): each element rounded up, to the smallest integer not below it.
 * @example
 * torch.ceil(torch.tensor([-1.5, 0.2, 2.7])); x.ceil();
 */
export function ceil(input: Tensor): Tensor {
  if (input.dtype === bool) throw new RuntimeError(`"ceil_vml_cpu" not implemented for 'Bool'`);
  return apply1(Ceil, [input], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    ceil(): Tensor;
    ceil_(): Tensor;
  }
}
Tensor.prototype.ceil = function (this: Tensor) {
  return ceil(this);
};
Tensor.prototype.ceil_ = function (this: Tensor) {
  return inplace(this, () => ceil(this));
};
