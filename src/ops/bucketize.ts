// bucketize: the bucket of each input element among 1-D boundaries (torch.bucketize), the
// searchsorted composite with the roles of the arguments swapped.
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { tensor } from '../creation.js';
import { insertionPoints } from './searchsorted.js';

/**
 * torch.bucketize(input, boundaries, { out_int32, right }): i with boundaries[i-1] < x <= boundaries[i]
 * (right: boundaries[i-1] <= x < boundaries[i]).
 * @example
 * torch.bucketize(torch.tensor([0, 3, 7]), torch.tensor([1, 3, 5])); // [0, 1, 3]
 */
export function bucketize(input: Tensor | number, boundaries: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ out_int32?: boolean; right?: boolean }>([], args);
  if (boundaries._shape.length !== 1) throw new RuntimeError(`boundaries tensor must be 1 dimension, but got dim(${boundaries._shape.length})`);
  const values = typeof input === 'number' ? tensor(input) : input;
  return insertionPoints(boundaries, values, o.right ?? false, o.out_int32 ?? false);
}

