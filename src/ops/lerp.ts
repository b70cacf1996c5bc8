// lerp: start + weight·(end − start) (torch.lerp, Tensor.lerp, lerp_). Composite, with PyTorch's two-sided formula.
import type { Tensor } from '../tensor.js';
import { promote, type TensorOrScalar } from './_common.js';
import { RuntimeError } from '../errors.js';
import { binaryMethods } from './_emath.js';
import { add } from './add.js';
import { lt } from './lt.js';
import { mul } from './mul.js';
import { rsub, sub } from './sub.js';
import { where } from './where.js';
import { Tensor as T } from '../tensor.js';
import { abs } from './abs.js';

/**
 * torch.lerp(input, end, weight): input + weight·(end − input), computed as PyTorch does
 * (end − (end − input)·(1 − weight) where |weight| ≥ 0.5) so that lerp(a, b, 1) is exactly b.
 * @example
 * torch.lerp(torch.zeros(3), torch.ones(3), 0.25);
 */
export function lerp(input: Tensor, end: Tensor, weight: TensorOrScalar): Tensor {
  if (end.dtype !== input.dtype) throw new RuntimeError(`expected dtype ${input.dtype.scalarName.toLowerCase()} for \`end\` but got dtype ${end.dtype.scalarName.toLowerCase()}`);
  if (!input.dtype.is_floating_point) throw new RuntimeError(`"lerp_kernel_scalar" not implemented for '${input.dtype.scalarName}'`);
  const w = weight instanceof T ? weight : promote([weight], input.dtype)[0];
  const diff = sub(end, input);
  const lo = add(input, mul(w, diff));
  const hi = sub(end, mul(diff, rsub(w, 1)));
  return where(lt(abs(w), 0.5), lo, hi);
}

declare module '../tensor.js' {
  interface Tensor {
    lerp(end: Tensor, weight: TensorOrScalar): Tensor;
    lerp_(end: Tensor, weight: TensorOrScalar): Tensor;
  }
}
binaryMethods('lerp', lerp as never);
