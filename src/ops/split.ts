// split / split_with_sizes: pieces of a tensor along a dim (each a slice).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { fmtShape, normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { sliceView } from './slice.js';

/** Pieces of given sizes along dim (sizes must add up to the dim's size). */
export function split_with_sizes(input: Tensor, split_sizes: readonly number[], dim = 0): Tensor[] {
  const d = normDim(dim, input._shape.length);
  const n = input._shape[d];
  const total = split_sizes.reduce((p, q) => p + q, 0);
  if (split_sizes.some((v) => v < 0) || total !== n)
    throw new RuntimeError(
      `split_with_sizes expects split_sizes to sum exactly to ${n} (input tensor's size at dimension ${d}), but got split_sizes=${fmtShape(split_sizes)}`,
    );
  let off = 0;
  return split_sizes.map((len) => sliceView(input, d, off, (off += len)));
}

/**
 * torch.split(tensor, split_size_or_sections, dim=0): equal pieces of `split_size` (the last may be
 * smaller), or pieces of the listed sizes.
 * @example
 * torch.arange(10).split(4);       // sizes 4, 4, 2
 * torch.arange(10).split([3, 7]);  // sizes 3, 7
 */
export function split(tensor: Tensor, split_size_or_sections: number | readonly number[], ...args: unknown[]): Tensor[] {
  const o = bind<{ dim?: number }>(['dim'], args);
  if (tensor._shape.length === 0) throw new RuntimeError('split expects at least a 1-dimensional tensor');
  const d = normDim(o.dim ?? 0, tensor._shape.length);
  if (typeof split_size_or_sections !== 'number') return split_with_sizes(tensor, split_size_or_sections, d);
  const size = split_size_or_sections;
  const n = tensor._shape[d];
  if (size < 0) throw new RuntimeError(`split expects split_size be non-negative, but got split_size=${size}`);
  if (size === 0 && n !== 0) throw new RuntimeError(`split_size can only be 0 if dimension size is 0, but got dimension size of ${n}`);
  const pieces = size === 0 ? 1 : Math.max(1, Math.ceil(n / size));
  const sizes = Array.from({ length: pieces }, (_, i) => Math.min(size, n - i * size));
  return split_with_sizes(tensor, sizes, d);
}

declare module '../tensor.js' {
  interface Tensor {
    split(split_size_or_sections: number | readonly number[], dim?: number | { dim?: number }): Tensor[];
    split_with_sizes(split_sizes: readonly number[], dim?: number): Tensor[];
  }
}
Tensor.prototype.split = function (this: Tensor, s: number | readonly number[], ...args: unknown[]) {
  return split(this, s, ...args);
};
Tensor.prototype.split_with_sizes = function (this: Tensor, sizes: readonly number[], dim?: number) {
  return split_with_sizes(this, sizes, dim);
};
