// tile: repeat with missing leading counts taken as 1 (numpy's tile).
import { sizeArgs } from '../args.js';
import { Tensor } from '../tensor.js';
import { repeat } from './repeat.js';

/**
 * torch.tile(input, dims): like repeat, but `dims` shorter than the rank is padded with leading 1s.
 * @example
 * torch.zeros(2, 3).tile([2]).shape; // [2, 6]
 */
export function tile(input: Tensor, dims: readonly number[]): Tensor {
  const r = input._shape.length;
  const full = dims.length < r ? [...new Array<number>(r - dims.length).fill(1), ...dims] : dims;
  return repeat(input, full);
}

declare module '../tensor.js' {
  interface Tensor {
    tile(...dims: (number | number[])[]): Tensor;
  }
}
Tensor.prototype.tile = function (this: Tensor, ...dims: (number | number[])[]) {
  return tile(this, sizeArgs(dims).size);
};
