// rot90 / fliplr / flipud: composites of flip and transpose (PyTorch's own decomposition).
import { RuntimeError } from '../errors.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { clone } from './clone.js';
import { flip } from './flip.js';
import { transpose } from './permute.js';

/**
 * torch.rot90(input, k=1, dims=[0, 1]): rotation by 90° k times in the plane of dims, from the
 * first towards the second.
 * @example
 * torch.tensor([[1, 2], [3, 4]]).rot90(); // [[2, 4], [1, 3]]
 */
export function rot90(input: Tensor, k = 1, dims: readonly number[] = [0, 1]): Tensor {
  if (dims.length !== 2) throw new RuntimeError(`expected total rotation dims == 2, but got dims = ${dims.length}`);
  const r = input._shape.length;
  if (r < 2) throw new RuntimeError(`expected total dims >= 2, but got total dims = ${r}`);
  const d0 = normDim(dims[0], r);
  const d1 = normDim(dims[1], r);
  if (d0 === d1) throw new RuntimeError(`expected rotation dims to be different, but got dim0 = ${d0} and dim1 = ${d1}`);
  const m = ((k % 4) + 4) % 4;
  if (m === 1) return transpose(flip(input, [d1]), d0, d1);
  if (m === 2) return flip(input, [d0, d1]);
  if (m === 3) return transpose(flip(input, [d0]), d0, d1);
  return clone(input);
}

/**
 * torch.fliplr(input): columns (dim 1) reversed.
 * @example
 * torch.tensor([[1, 2], [3, 4]]).fliplr(); // [[2, 1], [4, 3]]
 */
export function fliplr(input: Tensor): Tensor {
  if (input._shape.length < 2) throw new RuntimeError('Input must be >= 2-d.');
  return flip(input, [1]);
}

/**
 * torch.flipud(input): rows (dim 0) reversed.
 * @example
 * torch.tensor([1, 2, 3]).flipud(); // [3, 2, 1]
 */
export function flipud(input: Tensor): Tensor {
  if (input._shape.length < 1) throw new RuntimeError('Input must be >= 1-d.');
  return flip(input, [0]);
}

declare module '../tensor.js' {
  interface Tensor {
    rot90(k?: number, dims?: readonly number[]): Tensor;
    fliplr(): Tensor;
    flipud(): Tensor;
  }
}
Tensor.prototype.rot90 = function (this: Tensor, k?: number, dims?: readonly number[]) {
  return rot90(this, k, dims);
};
Tensor.prototype.fliplr = function (this: Tensor) {
  return fliplr(this);
};
Tensor.prototype.flipud = function (this: Tensor) {
  return flipud(this);
};
