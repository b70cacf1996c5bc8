// xlogy: x·log(y), 0 where x is 0 (torch.xlogy, special.xlogy, Tensor.xlogy, xlogy_). Composite.
import { get_default_dtype, resultType } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import { floatOf, promote, type TensorOrScalar } from './_common.js';
import { binaryMethods } from './_emath.js';
import { eq } from './eq.js';
import { isnan } from './isnan.js';
import { log } from './log.js';
import { logical_and } from './logical_and.js';
import { logical_not } from './logical_not.js';
import { mul } from './mul.js';
import { where } from './where.js';

/**
 * torch.xlogy(input, other): input·log(other), and 0 where input is 0 (unless other is NaN).
 * @example
 * torch.xlogy(torch.tensor([0, 2]), torch.tensor([0, 3]));
 */
export function xlogy(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const [a, b] = promote([input, other], floatOf(resultType(...([input, other] as never[])), get_default_dtype()));
  return where(logical_and(eq(a, 0), logical_not(isnan(b))), 0, mul(a, log(b)));
}

declare module '../tensor.js' {
  interface Tensor {
    xlogy(other: TensorOrScalar): Tensor;
    xlogy_(other: TensorOrScalar): Tensor;
  }
}
binaryMethods('xlogy', xlogy as never);
