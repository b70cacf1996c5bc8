// addcmul: input + value·tensor1·tensor2 (torch.addcmul, Tensor.addcmul, addcmul_). Composite.
import { resultType } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import { promote, type TensorOrScalar } from './_common.js';
import { binaryMethods } from './_emath.js';
import { add } from './add.js';
import { mul } from './mul.js';

/**
 * torch.addcmul(input, tensor1, tensor2, { value }): input + value·tensor1·tensor2, with broadcasting.
 * @example
 * torch.addcmul(x, a, b, { value: 0.5 });
 */
export function addcmul(input: TensorOrScalar, tensor1: TensorOrScalar, tensor2: TensorOrScalar, opts: { value?: number } = {}): Tensor {
  const value = opts.value ?? 1;
  const dt = resultType(...([input, tensor1, tensor2] as never[]));
  const [x, t1, t2] = promote([input, tensor1, tensor2], dt);
  const p = mul(t1, t2);
  return add(x, value === 1 ? p : mul(p, value));
}

declare module '../tensor.js' {
  interface Tensor {
    addcmul(tensor1: TensorOrScalar, tensor2: TensorOrScalar, opts?: { value?: number }): Tensor;
    addcmul_(tensor1: TensorOrScalar, tensor2: TensorOrScalar, opts?: { value?: number }): Tensor;
  }
}
binaryMethods('addcmul', addcmul as never);
