// argsort: the indices of sort (stable; NaN largest), as PyTorch's torch.argsort.
import { bind } from '../args.js';
import { Tensor } from '../tensor.js';
import { sortImpl } from './sort.js';

type ArgsortOpts = { dim?: number; descending?: boolean; stable?: boolean };

/**
 * torch.argsort(input, dim = -1, descending = false, { stable }): the indices that sort input along dim.
 * @example
 * torch.argsort(torch.tensor([3, 1, 2])); // [1, 2, 0]
 */
export function argsort(input: Tensor, dim?: number, descending?: boolean, opts?: ArgsortOpts): Tensor;
export function argsort(input: Tensor, opts: ArgsortOpts): Tensor;
export function argsort(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<ArgsortOpts>(['dim', 'descending'], args);
  return sortImpl(input, o.dim ?? -1, o.descending ?? false).indices;
}

declare module '../tensor.js' {
  interface Tensor {
    argsort(dim?: number, descending?: boolean, opts?: ArgsortOpts): Tensor;
    argsort(opts: ArgsortOpts): Tensor;
  }
}
Tensor.prototype.argsort = function (this: Tensor, ...args: unknown[]) {
  return argsort(this, ...(args as [ArgsortOpts]));
} as never;
