// heaviside: the step function, values where input is 0 (torch.heaviside, Tensor.heaviside, heaviside_). Composite.
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { binaryMethods } from './_emath.js';
import { eq } from './eq.js';
import { gt } from './gt.js';
import { to_dtype } from './to_dtype.js';
import { where } from './where.js';

/**
 * torch.heaviside(input, values): 0 where input < 0, values where input == 0, 1 where input > 0.
 * @example
 * torch.heaviside(torch.tensor([-1.5, 0, 2]), torch.tensor([0.5]));
 */
export function heaviside(input: Tensor, values: Tensor): Tensor {
  if (input.dtype !== values.dtype) throw new RuntimeError('heaviside is not yet implemented for tensors with different dtypes.');
  // Not differentiable in PyTorch either: computed on detached inputs so that no gradient flows.
  const x = input.detach();
  return where(eq(x, 0), values.detach(), to_dtype(gt(x, 0), x.dtype));
}

declare module '../tensor.js' {
  interface Tensor {
    heaviside(values: Tensor): Tensor;
    heaviside_(values: Tensor): Tensor;
  }
}
binaryMethods('heaviside', heaviside as never);
