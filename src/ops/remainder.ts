// remainder: Python's modulus, the result takes the divisor's sign (torch.remainder, Tensor.remainder, `%`).
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer, type TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { applyModulo, moduloGrad } from './_modulo.js';
import { lowerFloorAdjust, safeIntDivisor } from './div.js';

export const Remainder = defineOp({
  name: 'remainder',
  infer: (x) => broadcastInfer(x),
  elementwise: true,
  lower: (g, [a, b], _a, io) => {
    const dt = io.inputs[0].dtype;
    if (dt.isInt) {
      // Mod(fmod=0) of INT_MIN by -1 is SIGFPE: x % -1 is 0 anyway.
      const { isM1, safe } = safeIntDivisor(g, b, dt);
      return [g.op1('Where', [isM1, g.scalar(dt, 0), g.op1('Mod', [a, safe], { fmod: 0 })])];
    }
    // Float Mod needs fmod=1: PyTorch's rule, fmod then shift by b where the signs differ.
    const mod = g.op1('Mod', [a, b], { fmod: 1 });
    return [g.op1('Where', [lowerFloorAdjust(g, mod, b, dt), g.op1('Add', [mod, b]), mod])];
  },
  grad: moduloGrad('floor'),
});

/**
 * torch.remainder(input, other): input − floor(input / other) × other, with the sign of other.
 * Integer division by zero throws.
 * @example
 * torch.remainder(torch.tensor([-3, -2, 3]), 2); // tensor([1, 0, 1])
 */
export function remainder(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return applyModulo(Remainder, 'remainder', input, other);
}

declare module '../tensor.js' {
  interface Tensor {
    remainder(other: TensorOrScalar): Tensor;
    remainder_(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.remainder = function (this: Tensor, other: TensorOrScalar) {
  return remainder(this, other);
};
Tensor.prototype.remainder_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => remainder(this, other));
};
