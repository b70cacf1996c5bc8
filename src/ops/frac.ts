// frac: the fractional part x − trunc(x) (torch.frac, Tensor.frac, frac_). Composite; float input only, as PyTorch.
import { RuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { unaryMethods } from './_emath.js';
import { sub } from './sub.js';
import { trunc } from './trunc.js';

/**
 * torch.frac(input): input − trunc(input), with input's sign. @example torch.frac(torch.tensor([1.5, -2.25]));
 */
export function frac(input: Tensor): Tensor {
  if (!input.dtype.is_floating_point) throw new RuntimeError(`"frac_cpu" not implemented for '${input.dtype.scalarName}'`);
  return sub(input, trunc(input));
}

declare module '../tensor.js' {
  interface Tensor {
    frac(): Tensor;
    frac_(): Tensor;
  }
}
unaryMethods('frac', frac);
