// tensor_split: pieces of a tensor along a dim, by a number of sections or by split indices
// (each piece a slice, so a view).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { sliceView } from './slice.js';

/**
 * torch.tensor_split(input, indices_or_sections, dim=0): `n` pieces of near-equal size (the
 * first `size % n` one element longer), or the pieces between the given indices.
 * @example
 * torch.arange(7).tensor_split(3);      // [0, 1, 2], [3, 4], [5, 6]
 * torch.arange(7).tensor_split([1, 5]); // [0], [1, 2, 3, 4], [5, 6]
 */
export function tensor_split(input: Tensor, indices_or_sections: number | readonly number[] | Tensor, ...args: unknown[]): Tensor[] {
  const o = bind<{ dim?: number }>(['dim'], args);
  if (input._shape.length === 0) throw new RuntimeError(`tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims`);
  const d = normDim(o.dim ?? 0, input._shape.length);
  const n = input._shape[d];
  let ios: number | readonly number[] = indices_or_sections instanceof Tensor ? (indices_or_sections._shape.length === 0 ? Number(indices_or_sections.item()) : (indices_or_sections.tolist() as number[])) : indices_or_sections;
  if (typeof ios === 'number') {
    if (!Number.isInteger(ios) || ios <= 0) throw new RuntimeError(`number of sections must be larger than 0, got ${ios}`);
    const q = Math.floor(n / ios);
    const extra = n % ios;
    const cuts: number[] = [];
    for (let i = 1, at = 0; i < ios; i++) cuts.push((at += q + (i <= extra ? 1 : 0)));
    ios = cuts;
  }
  const bounds = [0, ...ios, n];
  const out: Tensor[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = Math.min(Math.max(bounds[i] < 0 ? bounds[i] + n : bounds[i], 0), n);
    const hi = Math.min(Math.max(bounds[i + 1] < 0 ? bounds[i + 1] + n : bounds[i + 1], 0), n);
    out.push(sliceView(input, d, lo, Math.max(hi, lo)));
  }
  return out;
}

declare module '../tensor.js' {
  interface Tensor {
    tensor_split(indices_or_sections: number | readonly number[] | Tensor, dim?: number | { dim?: number }): Tensor[];
  }
}
Tensor.prototype.tensor_split = function (this: Tensor, ios: number | readonly number[] | Tensor, ...args: unknown[]) {
  return tensor_split(this, ios, ...args);
};
