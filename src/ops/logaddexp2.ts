// logaddexp2: log2(2^a + 2^b) without overflow (torch.logaddexp2, Tensor.logaddexp2). Composite.
import { Tensor } from '../tensor.js';
import { type TensorOrScalar } from './_common.js';
import { logaddexpBase } from './logaddexp.js';

/**
 * torch.logaddexp2(input, other): log2(2^input + 2^other), stable for large arguments.
 * @example
 * torch.logaddexp2(torch.tensor([-100, 0]), torch.tensor([-101, 1000]));
 */
export function logaddexp2(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return logaddexpBase(input, other, Math.LN2);
}

declare module '../tensor.js' {
  interface Tensor {
    logaddexp2(other: TensorOrScalar): Tensor;
  }
}
(Tensor.prototype as any).logaddexp2 = function (this: Tensor, other: TensorOrScalar) {
  return logaddexp2(this, other);
};
