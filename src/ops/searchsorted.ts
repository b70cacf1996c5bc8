// searchsorted: where values would be inserted into a sorted last dim (torch.searchsorted).
// A composite: the insertion point is the count of boundaries a binary search steps over,
// !(b >= v) for side 'left' and !(b > v) for 'right' (so a NaN value lands at the end, as in
// PyTorch's binary search). O(boundaries × values) comparisons, exportable as ordinary ops.
import { bind } from '../args.js';
import { int32, int64 } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { gather } from './gather.js';
import { ge } from './ge.js';
import { gt } from './gt.js';
import { logical_not } from './logical_not.js';
import { sum } from './sum.js';
import { to_dtype } from './to_dtype.js';
import { unsqueeze } from './unsqueeze.js';
import { tensor } from '../creation.js';

const shapeStr = (s: readonly number[]) => `[${s.join(', ')}]`;

/** The insertion points of values (a tensor) into a sorted last dim of boundaries. */
export function insertionPoints(boundaries: Tensor, values: Tensor, right: boolean, outInt32: boolean): Tensor {
  const b = boundaries._shape.length === 1 ? boundaries : unsqueeze(boundaries, -2);
  const cmp = right ? gt(b, unsqueeze(values, -1)) : ge(b, unsqueeze(values, -1));
  const r = sum(logical_not(cmp), -1);
  return outInt32 ? to_dtype(r, int32) : r;
}

/**
 * torch.searchsorted(sorted_sequence, values, { out_int32, right, side, sorter }): for each value,
 * the index in the sorted last dim of sorted_sequence where it would go to keep it sorted.
 * @example
 * torch.searchsorted(torch.tensor([1, 3, 5]), torch.tensor([0, 3, 7])); // [0, 1, 3]
 */
export function searchsorted(sorted_sequence: Tensor, input: Tensor | number, ...args: unknown[]): Tensor {
  const o = bind<{ out_int32?: boolean; right?: boolean; side?: string | null; sorter?: Tensor | null }>([], args);
  let seq = sorted_sequence;
  if (seq._shape.length === 0)
    throw new RuntimeError('torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension');
  const side = o.side ?? null;
  if (side !== null && side !== 'left' && side !== 'right')
    throw new RuntimeError(`torch.searchsorted(): side can only be 'left' or 'right' but got ${side}`);
  if (side === 'left' && o.right)
    throw new RuntimeError("torch.searchsorted(): side and right can't be set to opposites, got side of left while right was True");
  const right = side === 'right' || (o.right ?? false);
  const values = typeof input === 'number' ? tensor(input) : input;
  if (seq._shape.length > 1) {
    const lead = seq._shape.slice(0, -1);
    const vs = values._shape;
    if (vs.length !== seq._shape.length || lead.some((d, i) => d !== vs[i]))
      throw new RuntimeError(
        `torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor ${shapeStr(seq._shape)} and input value tensor ${shapeStr(vs)}`,
      );
  }
  if (o.sorter) {
    if (o.sorter._shape.join() !== seq._shape.join())
      throw new RuntimeError(
        `torch.searchsorted(): boundary and sorter must have the same size, but got boundary tensor ${shapeStr(seq._shape)}and got sorter tensor ${shapeStr(o.sorter._shape)}`,
      );
    seq = gather(seq, -1, o.sorter.dtype === int64 ? o.sorter : to_dtype(o.sorter, int64));
  }
  return insertionPoints(seq, values, right, o.out_int32 ?? false);
}
