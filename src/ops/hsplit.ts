// hsplit/vsplit/dsplit: tensor_split along dims 1 (0 for 1-D), 0 and 2; pieces are views.
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { tensor_split } from './tensor_split.js';

type Sections = number | readonly number[];

function splitAt(name: string, input: Tensor, ios: Sections, dim: number, minRank: number): Tensor[] {
  const r = input._shape.length;
  if (r < minRank)
    throw new RuntimeError(`torch.${name} requires a tensor with at least ${minRank} dimension, but got a tensor with ${r} dimensions!`);
  if (typeof ios === 'number') {
    const n = input._shape[dim];
    if (ios === 0 || n % ios !== 0)
      throw new RuntimeError(`torch.${name} attempted to split along dimension ${dim}, but the size of the dimension ${n} is not divisible by the split_size ${ios}!`);
  }
  return tensor_split(input, ios, dim);
}

/**
 * torch.hsplit(input, indices_or_sections): split along dim 1 (dim 0 for 1-D), sections must divide.
 * @example
 * torch.arange(16).reshape(4, 4).hsplit(2); // two [4, 2] views
 */
export function hsplit(input: Tensor, indices_or_sections: Sections): Tensor[] {
  const r = input._shape.length;
  if (r < 1) throw new RuntimeError(`torch.hsplit requires a tensor with at least 1 dimension, but got a tensor with 0 dimensions!`);
  return splitAt('hsplit', input, indices_or_sections, r === 1 ? 0 : 1, 1);
}
/**
 * torch.vsplit(input, indices_or_sections): split along dim 0 of a tensor of rank ≥ 2.
 * @example
 * torch.arange(16).reshape(4, 4).vsplit([1, 3]); // [1, 4], [2, 4], [1, 4]
 */
export function vsplit(input: Tensor, indices_or_sections: Sections): Tensor[] {
  return splitAt('vsplit', input, indices_or_sections, 0, 2);
}
/**
 * torch.dsplit(input, indices_or_sections): split along dim 2 of a tensor of rank ≥ 3.
 * @example
 * torch.zeros(2, 2, 4).dsplit(2); // two [2, 2, 2] views
 */
export function dsplit(input: Tensor, indices_or_sections: Sections): Tensor[] {
  return splitAt('dsplit', input, indices_or_sections, 2, 3);
}

declare module '../tensor.js' {
  interface Tensor {
    hsplit(indices_or_sections: Sections): Tensor[];
    vsplit(indices_or_sections: Sections): Tensor[];
    dsplit(indices_or_sections: Sections): Tensor[];
  }
}
Tensor.prototype.hsplit = function (this: Tensor, s: Sections) {
  return hsplit(this, s);
};
Tensor.prototype.vsplit = function (this: Tensor, s: Sections) {
  return vsplit(this, s);
};
Tensor.prototype.dsplit = function (this: Tensor, s: Sections) {
  return dsplit(this, s);
};
