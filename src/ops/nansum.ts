// nansum: sum treating NaN as zero (torch.nansum, Tensor.nansum): a composite of where/isnan/sum.
import { bind } from '../args.js';
import type { DType } from '../dtype.js';
import { Tensor } from '../tensor.js';
import { isnan } from './isnan.js';
import { sum } from './sum.js';
import { where } from './where.js';

type DimArg = number | number[] | null | undefined;

/** x with NaN replaced by 0 (ints and bools as they are). */
export function zeroNan(x: Tensor): Tensor {
  return x.dtype.is_floating_point ? where(isnan(x), 0, x) : x;
}

/**
 * torch.nansum(input, dim?, keepdim = false, { dtype }): the sum of the non-NaN elements.
 * @example
 * torch.nansum(torch.tensor([1, NaN, 2])); // 3
 */
export function nansum(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ dim?: DimArg; keepdim?: boolean; dtype?: DType | string }>(['dim', 'keepdim'], args);
  return sum(zeroNan(input), { dim: o.dim, keepdim: o.keepdim ?? false, dtype: o.dtype });
}

declare module '../tensor.js' {
  interface Tensor {
    nansum(dim?: DimArg | { dim?: DimArg; keepdim?: boolean; dtype?: DType }, keepdim?: boolean | { dtype?: DType }, opts?: { dtype?: DType }): Tensor;
  }
}
Tensor.prototype.nansum = function (this: Tensor, ...args: unknown[]) {
  return nansum(this, ...args);
};
