// unsqueeze: inserts a size-1 dim (a reshape view with PyTorch's stride for the new dim).
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { reshape } from './reshape.js';

/**
 * torch.unsqueeze(input, dim): a view with a new size-1 dim at `dim` (in [-rank-1, rank]).
 * @example
 * torch.zeros(2, 3).unsqueeze(-1).shape; // [2, 3, 1]
 */
export function unsqueeze(input: Tensor, dim: number): Tensor {
  const s = input._shape;
  const d = normDim(dim, s.length + 1);
  const st = input._stridesOrDense;
  const strides = [...st.slice(0, d), d >= s.length ? 1 : s[d] * st[d], ...st.slice(d)];
  return reshape(input, [...s.slice(0, d), 1, ...s.slice(d)], strides, 'UnsqueezeBackward0');
}

declare module '../tensor.js' {
  interface Tensor {
    unsqueeze(dim: number): Tensor;
  }
}
Tensor.prototype.unsqueeze = function (this: Tensor, dim: number) {
  return unsqueeze(this, dim);
};
