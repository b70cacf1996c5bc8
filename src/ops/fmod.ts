// fmod: C's remainder, the result takes the dividend's sign (torch.fmod, Tensor.fmod, fmod_).
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer, type TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { applyModulo, moduloGrad } from './_modulo.js';
import { safeIntDivisor } from './div.js';

export const Fmod = defineOp({
  name: 'fmod',
  infer: (x) => broadcastInfer(x),
  elementwise: true,
  lower: (g, [a, b], _a, io) => {
    const dt = io.inputs[0].dtype;
    if (!dt.isInt) return [g.op1('Mod', [a, b], { fmod: 1 })];
    // INT_MIN % -1 is SIGFPE in ORT: x fmod -1 is 0 anyway.
    const { isM1, safe } = safeIntDivisor(g, b, dt);
    return [g.op1('Where', [isM1, g.scalar(dt, 0), g.op1('Mod', [a, safe], { fmod: 1 })])];
  },
  grad: moduloGrad('trunc'),
});

/**
 * torch.fmod(input, other): input − trunc(input / other) × other, with the sign of input.
 * Integer division by zero throws.
 * @example
 * torch.fmod(torch.tensor([-3, -2, 3]), 2); // tensor([-1, 0, 1])
 */
export function fmod(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return applyModulo(Fmod, 'fmod', input, other);
}

declare module '../tensor.js' {
  interface Tensor {
    fmod(other: TensorOrScalar): Tensor;
    fmod_(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.fmod = function (this: Tensor, other: TensorOrScalar) {
  return fmod(this, other);
};
Tensor.prototype.fmod_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => fmod(this, other));
};
