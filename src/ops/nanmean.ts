// nanmean: mean of the non-NaN elements (torch.nanmean, Tensor.nanmean), as PyTorch composes it:
// nansum / count of non-NaN.
import { bind } from '../args.js';
import type { DType } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { div } from './div.js';
import { isnan } from './isnan.js';
import { logical_not } from './logical_not.js';
import { nansum } from './nansum.js';
import { sum } from './sum.js';

type DimArg = number | number[] | null | undefined;

/**
 * torch.nanmean(input, dim?, keepdim = false, { dtype }): the mean ignoring NaN.
 * @example
 * torch.nanmean(torch.tensor([1, NaN, 2])); // 1.5
 */
export function nanmean(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ dim?: DimArg; keepdim?: boolean; dtype?: DType | string }>(['dim', 'keepdim'], args);
  if (!input.dtype.is_floating_point)
    throw new RuntimeError(`nanmean(): expected input to have floating point dtype but got ${input.dtype.scalarName}`);
  const keepdim = o.keepdim ?? false;
  const count = sum(logical_not(isnan(input)), { dim: o.dim, keepdim });
  return div(nansum(input, { dim: o.dim, keepdim, dtype: o.dtype }), count);
}

declare module '../tensor.js' {
  interface Tensor {
    nanmean(dim?: DimArg | { dim?: DimArg; keepdim?: boolean; dtype?: DType }, keepdim?: boolean | { dtype?: DType }, opts?: { dtype?: DType }): Tensor;
  }
}
Tensor.prototype.nanmean = function (this: Tensor, ...args: unknown[]) {
  return nanmean(this, ...args);
};
