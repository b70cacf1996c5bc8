// tensordot: contraction over paired dims of two tensors (a composite: permute + reshape + matmul).
import { RuntimeError, ValueError } from '../errors.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { matmul } from './matmul.js';
import { permute } from './permute.js';
import { reshape } from './reshape.js';

/**
 * torch.tensordot(a, b, dims=2): sums a·b over the last `dims` dims of a and the first `dims` of
 * b, or over the listed pairs `[dims_a, dims_b]`.
 * @example
 * torch.tensordot(a, b, [[1, 0], [0, 1]]);
 */
export function tensordot(a: Tensor, b: Tensor, dims: number | readonly [readonly number[] | number, readonly number[] | number] | { dims?: unknown } = 2): Tensor {
  if (dims !== null && typeof dims === 'object' && !Array.isArray(dims)) dims = ((dims as { dims?: number }).dims ?? 2) as number;
  let da: number[];
  let db: number[];
  if (typeof dims === 'number') {
    if (dims < 0) throw new RuntimeError(`tensordot expects dims >= 0, but got dims=${dims}`);
    if (dims > a.dim() || dims > b.dim()) throw new RuntimeError(`tensordot expects dims < ndim_a or ndim_b, but got dims=${dims}`);
    da = Array.from({ length: dims }, (_, i) => i - dims); // PyTorch's messages name these dims negatively
    db = Array.from({ length: dims }, (_, i) => i);
  } else {
    if ((dims as readonly unknown[]).length !== 2) throw new ValueError(`not enough values to unpack (expected 2, got ${(dims as readonly unknown[]).length})`);
    const [x, y] = dims as [readonly number[] | number, readonly number[] | number];
    da = (typeof x === 'number' ? [x] : [...x]).map((d) => normDim(d, a.dim()));
    db = (typeof y === 'number' ? [y] : [...y]).map((d) => normDim(d, b.dim()));
    if (da.length !== db.length) throw new RuntimeError('both dimension lists should have same length');
  }
  for (let i = 0; i < da.length; i++) {
    const sa = a._shape[normDim(da[i], a.dim())];
    if (sa !== b._shape[db[i]]) throw new RuntimeError(`contracted dimensions need to match, but first has size ${sa} in dim ${da[i]} and second has size ${b._shape[db[i]]} in dim ${db[i]}`);
  }
  da = da.map((d) => normDim(d, a.dim()));
  const fa = a._shape.map((_, i) => i).filter((i) => !da.includes(i));
  const fb = b._shape.map((_, i) => i).filter((i) => !db.includes(i));
  const k = da.reduce((p, d) => p * a._shape[d], 1);
  const m = fa.reduce((p, d) => p * a._shape[d], 1);
  const n = fb.reduce((p, d) => p * b._shape[d], 1);
  const A = reshape(permute(a, [...fa, ...da]), [m, k]);
  const B = reshape(permute(b, [...db, ...fb]), [k, n]);
  return reshape(matmul(A, B), [...fa.map((d) => a._shape[d]), ...fb.map((d) => b._shape[d])]);
}
