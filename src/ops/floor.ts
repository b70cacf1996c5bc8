// floor: rounds each element down, to the largest integer not above it (torch.floor, Tensor.floor, floor_). Integer tensors are returned as a copy.
import { bool } from '../dtype.js';
import { zeros_like } from '../creation.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { inplace } from './_inplace.js';

export const Floor = defineOp({
  name: 'floor',
  infer: sameInfer,
  lower: (g, [x], _a, io) => [g.op1(io.inputs[0].dtype.isInt ? 'Identity' : 'Floor', [x])],
  saves: { inputs: [] },
  // Piecewise constant: zero gradient, as PyTorch.
  grad: (_ctx, [gy]) => [zeros_like(gy!)],
});

/**
 * torch.floor(input): each element rounded down, to the largest integer not above it.
 * @example
 * torch.floor(torch.tensor([-1.5, 0.2, 2.7])); x.floor();
 */
export function floor(input: Tensor): Tensor {
  if (input.dtype === bool) throw new RuntimeError(`"floor_vml_cpu" not implemented for 'Bool'`);
  return apply1(Floor, [input], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    floor(): Tensor;
    floor_(): Tensor;
  }
}
Tensor.prototype.floor = function (this: Tensor) {
  return floor(this);
};
Tensor.prototype.floor_ = function (this: Tensor) {
  return inplace(this, () => floor(this));
};
