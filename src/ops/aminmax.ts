// aminmax: (min, max) in one call (torch.aminmax, Tensor.aminmax): a composite of amin and amax.
import { bind } from '../args.js';
import { IndexError, RuntimeError } from '../errors.js';
import { normDim, numel } from '../shape.js';
import { Tensor } from '../tensor.js';
import { amax } from './amax.js';
import { amin } from './amin.js';

export type MinMax = [Tensor, Tensor] & { min: Tensor; max: Tensor };

/**
 * torch.aminmax(input, { dim, keepdim }): the minimum and maximum, over everything or one dim.
 * @example
 * const { min, max } = torch.aminmax(x, { dim: 0 });
 */
export function aminmax(input: Tensor, ...args: unknown[]): MinMax {
  const o = bind<{ dim?: number | null; keepdim?: boolean }>([], args);
  const keepdim = o.keepdim ?? false;
  const dim = o.dim ?? null;
  if (dim === null && numel(input._shape) === 0)
    throw new RuntimeError('aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity.');
  if (dim !== null && input._shape.length > 0) {
    const d = normDim(dim, input._shape.length);
    if (input._shape[d] === 0) throw new IndexError(`aminmax: Expected reduction dim ${d} to have non-zero size.`);
  }
  // Over everything, keepdim keeps every dim (as size 1).
  const dims = dim === null ? [] : dim;
  const mn = dim === null && !keepdim ? amin(input) : amin(input, { dim: dims, keepdim });
  const mx = dim === null && !keepdim ? amax(input) : amax(input, { dim: dims, keepdim });
  return Object.assign([mn, mx] as [Tensor, Tensor], { min: mn, max: mx });
}

declare module '../tensor.js' {
  interface Tensor {
    aminmax(opts?: { dim?: number | null; keepdim?: boolean }): MinMax;
  }
}
Tensor.prototype.aminmax = function (this: Tensor, ...args: unknown[]) {
  return aminmax(this, ...args);
};
