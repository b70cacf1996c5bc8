// float_power: pow in float64 (torch.float_power, Tensor.float_power, float_power_). Composite.
import { float64 } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { asTensor, type TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { pow } from './pow.js';

/**
 * torch.float_power(input, exponent): input^exponent with both in float64 (result float64).
 * @example
 * torch.float_power(torch.tensor([2, 3]), 2); // tensor([4., 9.], dtype=torch.float64)
 */
export function float_power(input: TensorOrScalar, exponent: TensorOrScalar): Tensor {
  return pow(asTensor(input, float64), asTensor(exponent, float64));
}

declare module '../tensor.js' {
  interface Tensor {
    float_power(exponent: TensorOrScalar): Tensor;
    float_power_(exponent: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.float_power = function (this: Tensor, exponent: TensorOrScalar) {
  return float_power(this, exponent);
};
Tensor.prototype.float_power_ = function (this: Tensor, exponent: TensorOrScalar) {
  if (this.dtype !== float64)
    throw new RuntimeError(`the base given to float_power_ has dtype ${this.dtype.scalarName} but the operation's result requires dtype Double`);
  return inplace(this, () => float_power(this, exponent));
};
