// default_collate / default_convert (torch/utils/data/_utils/collate.py): a list of samples
// becomes a batch, recursing through arrays and plain objects.
import { RuntimeError } from '../../../src/errors.js';
import { float64 } from '../../../src/dtype.js';
import { tensor } from '../../../src/creation.js';
import { stack } from '../../../src/ops/stack.js';
import { Tensor } from '../../../src/tensor.js';

const ERR = 'default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found ';
const typeOf = (v: unknown): string => (v === null ? 'null' : typeof v === 'object' ? `<class '${(v as object).constructor?.name}'>` : typeof v);

/**
 * Tensors are stacked along a new dim 0; numbers become a tensor (int64 if every number is an
 * integer, float64 otherwise, as Python ints/floats); booleans a bool tensor; strings stay a list;
 * arrays (tuples) and plain objects are collated per position / key.
 * @example
 * default_collate([[x0, 0], [x1, 1]]); // [stack([x0, x1]), tensor([0, 1])]
 */
export function default_collate(batch: readonly unknown[]): any {
  const elem = batch[0];
  if (elem instanceof Tensor) return stack(batch as Tensor[], 0);
  if (typeof elem === 'number') {
    const nums = batch as number[];
    return nums.every(Number.isInteger) ? tensor(nums) : tensor(nums, { dtype: float64 });
  }
  if (typeof elem === 'boolean') return tensor(batch as boolean[]);
  if (typeof elem === 'bigint') return tensor(batch as unknown as number[]);
  if (typeof elem === 'string') return batch;
  if (Array.isArray(elem)) {
    const n = elem.length;
    if (!(batch as unknown[][]).every((s) => Array.isArray(s) && s.length === n)) throw new RuntimeError('each element in list of batch should be of equal size');
    return Array.from({ length: n }, (_, k) => default_collate((batch as unknown[][]).map((s) => s[k])));
  }
  if (elem !== null && typeof elem === 'object' && Object.getPrototypeOf(elem) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(elem)) out[k] = default_collate((batch as Record<string, unknown>[]).map((d) => d[k]));
    return out;
  }
  throw new TypeError(ERR + typeOf(elem));
}

/** Without auto-batching: samples pass through (PyTorch converts numpy arrays; there are none here). */
export function default_convert(data: unknown): any {
  return data;
}
