// hstack/vstack/row_stack/dstack/column_stack: cat after atleast_Nd (composites of cat).
import { RuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { _atleast1 as atleast1, _atleast2 as atleast2, _atleast3 as atleast3 } from './atleast_1d.js';
import { cat } from './cat.js';
import { reshape } from './reshape.js';

function check(name: string, tensors: readonly Tensor[]): void {
  if (tensors.length === 0) throw new RuntimeError(`${name} expects a non-empty TensorList`);
}

/**
 * torch.hstack(tensors): concatenation along dim 1 (dim 0 for 1-D tensors).
 * @example
 * torch.hstack([torch.tensor([1, 2]), torch.tensor([3])]); // [1, 2, 3]
 */
export function hstack(tensors: readonly Tensor[]): Tensor {
  check('hstack', tensors);
  const ts = tensors.map(atleast1);
  return cat(ts, ts[0]._shape.length === 1 ? 0 : 1);
}
/**
 * torch.vstack(tensors): concatenation along dim 0 after atleast_2d.
 * @example
 * torch.vstack([torch.tensor([1, 2]), torch.tensor([3, 4])]); // [[1, 2], [3, 4]]
 */
export function vstack(tensors: readonly Tensor[]): Tensor {
  check('vstack', tensors);
  return cat(tensors.map(atleast2), 0);
}
/** torch.row_stack: alias of vstack. */
export function row_stack(tensors: readonly Tensor[]): Tensor {
  check('row_stack', tensors);
  return cat(tensors.map(atleast2), 0);
}
/**
 * torch.dstack(tensors): concatenation along dim 2 after atleast_3d.
 * @example
 * torch.dstack([torch.ones(2), torch.zeros(2)]).shape; // [1, 2, 2]
 */
export function dstack(tensors: readonly Tensor[]): Tensor {
  check('dstack', tensors);
  return cat(tensors.map(atleast3), 2);
}
/**
 * torch.column_stack(tensors): 0-d and 1-D tensors become columns, then hstack.
 * @example
 * torch.column_stack([torch.tensor([1, 2]), torch.tensor([3, 4])]); // [[1, 3], [2, 4]]
 */
export function column_stack(tensors: readonly Tensor[]): Tensor {
  check('column_stack', tensors);
  return cat(tensors.map((t) => (t._shape.length <= 1 ? reshape(t, [t.numel(), 1]) : t)), 1);
}
