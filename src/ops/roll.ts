// roll: rotates values along dims (two slices and a cat per dim); over the flattened tensor
// when no dims are given.
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { cat } from './cat.js';
import { clone } from './clone.js';
import { reshape } from './reshape.js';
import { slice } from './slice.js';

function roll1(x: Tensor, shift: number, dim: number): Tensor {
  const n = x._shape[dim];
  if (n === 0) return x;
  const s = ((shift % n) + n) % n;
  if (s === 0) return x;
  return cat([slice(x, dim, n - s, n), slice(x, dim, 0, n - s)], dim);
}

/**
 * torch.roll(input, shifts, dims?): values shifted along dims, those moved past the end
 * re-entering at the start; without dims, over the flattened tensor (shape kept).
 * @example
 * torch.arange(5).roll(2); // tensor([3, 4, 0, 1, 2])
 * x.roll([1, -1], [0, 1]);
 */
export function roll(input: Tensor, shifts: number | readonly number[], ...args: unknown[]): Tensor {
  const { dims } = bind<{ dims?: number | readonly number[] | null }>(['dims'], args);
  const sh = typeof shifts === 'number' ? [shifts] : shifts;
  if (dims == null || (Array.isArray(dims) && dims.length === 0)) {
    if (sh.length !== 1) throw new RuntimeError(`shifts and dimensions must align. shifts: ${sh.length}, dims:0`);
    return reshape(roll1(reshape(input, [-1]), sh[0], 0), input._shape);
  }
  const ds = typeof dims === 'number' ? [dims] : dims;
  if (sh.length !== ds.length) throw new RuntimeError(`shifts and dimensions must align. shifts: ${sh.length}, dims:${ds.length}`);
  let y = input;
  ds.forEach((d, i) => (y = roll1(y, sh[i], normDim(d, input._shape.length))));
  return y === input ? clone(input) : y;
}

declare module '../tensor.js' {
  interface Tensor {
    roll(shifts: number | readonly number[], dims?: number | readonly number[] | null): Tensor;
  }
}
Tensor.prototype.roll = function (this: Tensor, shifts: number | readonly number[], ...args: unknown[]) {
  return roll(this, shifts, ...args);
};
