// block_diag / cartesian_prod: composites of cat, zeros, meshgrid and stack.
import { promote_types } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { zeros } from '../creation.js';
import type { Tensor } from '../tensor.js';
import { cat } from './cat.js';
import { meshgrid } from './meshgrid.js';
import { reshape } from './reshape.js';
import { stack } from './stack.js';
import { to_dtype } from './to_dtype.js';

/**
 * torch.block_diag(*tensors): the inputs (0-d, 1-D as one row, or 2-D) along the diagonal of a
 * block matrix, zeros elsewhere; dtypes promote.
 * @example
 * torch.block_diag(torch.ones(1, 2), torch.tensor([[3]])); // [[1, 1, 0], [0, 0, 3]]
 */
export function block_diag(...tensors: Tensor[]): Tensor {
  tensors.forEach((t, i) => {
    if (t._shape.length > 2) throw new RuntimeError(`torch.block_diag: Input tensors must have 2 or fewer dimensions. Input ${i} has ${t._shape.length} dimensions`);
  });
  if (tensors.length === 0) return zeros([1, 0]);
  const dtype = tensors.map((t) => t.dtype).reduce((a, b) => promote_types(a, b));
  const ms = tensors.map((t) => {
    const m = t._shape.length === 2 ? t : reshape(t, [1, t.numel()]);
    return m.dtype === dtype ? m : to_dtype(m, dtype);
  });
  const width = ms.reduce((s, m) => s + m._shape[1], 0);
  let left = 0;
  const rows = ms.map((m) => {
    const [r, c] = m._shape;
    const row = cat([zeros([r, left], { dtype }), m, zeros([r, width - left - c], { dtype })], 1);
    left += c;
    return row;
  });
  return cat(rows, 0);
}

/**
 * torch.cartesian_prod(*tensors): every combination of the 1-D inputs' elements, one per row
 * (a single input is returned as it is).
 * @example
 * torch.cartesian_prod(torch.tensor([1, 2]), torch.tensor([3, 4])); // [[1, 3], [1, 4], [2, 3], [2, 4]]
 */
export function cartesian_prod(...tensors: Tensor[]): Tensor {
  for (const t of tensors) if (t._shape.length !== 1) throw new RuntimeError(`Expect a 1D vector, but got shape [${t._shape.join(', ')}]`);
  if (tensors.length === 1) return tensors[0];
  return stack(meshgrid(...tensors, { indexing: 'ij' }).map((g) => reshape(g, [-1])), 1);
}
