// addcdiv: input + value·tensor1/tensor2 (torch.addcdiv, Tensor.addcdiv, addcdiv_). Composite.
import { resultType } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import { promote, type TensorOrScalar } from './_common.js';
import { RuntimeError } from '../errors.js';
import { binaryMethods } from './_emath.js';
import { add } from './add.js';
import { div } from './div.js';
import { mul } from './mul.js';

/**
 * torch.addcdiv(input, tensor1, tensor2, { value }): input + value·tensor1/tensor2, with broadcasting.
 * @example
 * torch.addcdiv(x, a, b, { value: 0.5 });
 */
export function addcdiv(input: TensorOrScalar, tensor1: TensorOrScalar, tensor2: TensorOrScalar, opts: { value?: number } = {}): Tensor {
  const value = opts.value ?? 1;
  const dt = resultType(...([input, tensor1, tensor2] as never[]));
  const [x, t1, t2] = promote([input, tensor1, tensor2], dt);
  if (!resultType(...([tensor1, tensor2] as never[])).is_floating_point)
    throw new RuntimeError('Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all dtypes.');
  const p = div(t1, t2);
  return add(x, value === 1 ? p : mul(p, value));
}

declare module '../tensor.js' {
  interface Tensor {
    addcdiv(tensor1: TensorOrScalar, tensor2: TensorOrScalar, opts?: { value?: number }): Tensor;
    addcdiv_(tensor1: TensorOrScalar, tensor2: TensorOrScalar, opts?: { value?: number }): Tensor;
  }
}
binaryMethods('addcdiv', addcdiv as never);
