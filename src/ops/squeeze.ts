// squeeze: drops size-1 dims (all, one, or a list as in PyTorch 2.x); a reshape: same memory.
import { normDims } from '../shape.js';
import { Tensor } from '../tensor.js';
import { reshape } from './reshape.js';

/**
 * torch.squeeze(input, dim?): removes dims of size 1 — every one, or only those in `dim`
 * (an int or a list; listed dims whose size is not 1 are left alone).
 * @example
 * torch.zeros(2, 1, 3, 1).squeeze().shape;  // [2, 3]
 * torch.zeros(2, 1, 3, 1).squeeze(1).shape; // [2, 3, 1]
 */
export function squeeze(input: Tensor, dim?: number | readonly number[] | null | { dim?: number | readonly number[] }): Tensor {
  if (dim !== null && typeof dim === 'object' && !Array.isArray(dim)) dim = (dim as { dim?: number | number[] }).dim;
  const s = input._shape;
  const dims = dim == null ? null : new Set(normDims(dim as number | number[], s.length));
  const keep = (v: number, i: number) => !(v === 1 && (dims === null || dims.has(i)));
  const out = s.filter(keep);
  // PyTorch 2.x's names: squeeze() 0, squeeze(dim) 1, squeeze(dims) 2
  const via = dims === null ? 'SqueezeBackward0' : typeof dim === 'number' ? 'SqueezeBackward1' : 'SqueezeBackward2';
  return reshape(input, out, input._stridesOrDense.filter((_, i) => keep(s[i], i)), via);
}

declare module '../tensor.js' {
  interface Tensor {
    squeeze(dim?: number | readonly number[] | null | { dim?: number | readonly number[] }): Tensor;
  }
}
Tensor.prototype.squeeze = function (this: Tensor, dim?: number | readonly number[] | null | { dim?: number | readonly number[] }) {
  return squeeze(this, dim);
};
