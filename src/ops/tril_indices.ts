// tril_indices / triu_indices: the [2, N] coordinates of a triangle, computed in JS (no input data).
import { bind } from '../args.js';
import { type DType, int64 } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { tensor } from '../creation.js';
import type { Tensor } from '../tensor.js';

type Opts = { offset?: number; dtype?: DType };

function indices(name: string, row: number, col: number, args: unknown[], lower: boolean): Tensor {
  const o = bind<Opts>(['offset'], args);
  const k = o.offset ?? 0;
  const dtype = o.dtype ?? int64;
  if (dtype.is_floating_point || dtype.name === 'bool') throw new RuntimeError(`"${name}" not implemented for '${dtype.scalarName}'`);
  const rs: number[] = [];
  const cs: number[] = [];
  for (let i = 0; i < row; i++)
    for (let j = 0; j < col; j++)
      if (lower ? j - i <= k : j - i >= k) {
        rs.push(i);
        cs.push(j);
      }
  return tensor([rs, cs], { dtype });
}

/**
 * torch.tril_indices(row, col, offset=0, *, dtype=torch.long): row and column indices of the
 * lower triangle (on and below the `offset`-th diagonal) of a row × col matrix, as a [2, N] tensor.
 * @example
 * torch.tril_indices(3, 3); // [[0, 1, 1, 2, 2, 2], [0, 0, 1, 0, 1, 2]]
 */
export function tril_indices(row: number, col: number, ...args: unknown[]): Tensor {
  return indices('tril_indices', row, col, args, true);
}

/**
 * torch.triu_indices(row, col, offset=0, *, dtype=torch.long): the upper triangle's indices.
 * @example
 * torch.triu_indices(2, 3, 1); // [[0, 0, 1], [1, 2, 2]]
 */
export function triu_indices(row: number, col: number, ...args: unknown[]): Tensor {
  return indices('triu_indices', row, col, args, false);
}
