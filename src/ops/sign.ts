// sign: -1, 0 or 1 by the sign of each element (torch.sign, Tensor.sign, sign_). sign(NaN) is 0, as in PyTorch.
import { bool } from '../dtype.js';
import { zeros_like } from '../creation.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { inplace } from './_inplace.js';

export const Sign = defineOp({
  name: 'sign',
  infer: sameInfer,
  elementwise: true,
  lower: (g, [x], _a, io) => {
    const dt = io.inputs[0].dtype;
    if (dt === bool) return [g.op1('Identity', [x])];
    const s = g.op1('Sign', [x]);
    // ORT's Sign(NaN) is NaN; PyTorch's is 0 (ORT-FACTS §4).
    return [dt.is_floating_point ? g.op1('Where', [g.op1('IsNaN', [x]), g.scalar(dt, 0), s]) : s];
  },
  saves: { inputs: [] },
  grad: (_ctx, [gy]) => [zeros_like(gy!)],
});

/**
 * torch.sign(input): -1 for negative, 0 for zero (and NaN), 1 for positive elements; bool stays bool.
 * @example
 * torch.sign(torch.tensor([-2.5, 0, 3])); // tensor([-1., 0., 1.])
 */
export function sign(input: Tensor): Tensor {
  return apply1(Sign, [input], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    sign(): Tensor;
    sign_(): Tensor;
  }
}
Tensor.prototype.sign = function (this: Tensor) {
  return sign(this);
};
Tensor.prototype.sign_ = function (this: Tensor) {
  return inplace(this, () => sign(this));
};
