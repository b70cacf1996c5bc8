// torch.linalg's composite functions (written with other ops, so exportable where those are and
// differentiable through their rules) and the namespace object gathering every linalg name.
import { eye } from '../creation.js';
import { RuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { abs } from './abs.js';
import { amax } from './amax.js';
import { amin } from './amin.js';
import { cholesky, cholesky_ex } from './linalg_cholesky_ex.js';
import { det } from './linalg_det.js';
import { eigh, eigvalsh } from './linalg_eigh.js';
import { inv, inv_ex } from './linalg_inv_ex.js';
import { qr } from './linalg_qr.js';
import { slogdet } from './linalg_slogdet.js';
import { solve, solve_ex } from './linalg_solve_ex.js';
import { solve_triangular } from './linalg_solve_triangular.js';
import { svd, svdvals } from './linalg_svd.js';
import { checkMatrix } from './_linalg.js';
import { matmul } from './matmul.js';
import { mul } from './mul.js';
import { vector_norm } from './norm.js';
import { transpose } from './permute.js';
import { sum } from './sum.js';
import { unsqueeze } from './unsqueeze.js';
import { where } from './where.js';
import { gt } from './gt.js';
import { reciprocal } from './reciprocal.js';
import { expand } from './expand.js';
import { movedim } from './movedim.js';

const mT = (x: Tensor): Tensor => transpose(x, -1, -2);

export type MatrixNormOptions = { ord?: number | string; dim?: readonly number[]; keepdim?: boolean };

/**
 * torch.linalg.matrix_norm(A, ord = 'fro', dim = [-2, -1], keepdim = false): 'fro', 'nuc',
 * ±1 (max/min column sum), ±Infinity (max/min row sum), ±2 (largest/smallest singular value).
 */
export function matrix_norm(
  A: Tensor,
  ord: number | string | MatrixNormOptions = 'fro',
  dim: readonly number[] | MatrixNormOptions = [-2, -1],
  keepdim: boolean | MatrixNormOptions = false,
): Tensor {
  const o = ([ord, dim, keepdim].find((v) => typeof v === 'object' && v !== null && !Array.isArray(v)) ?? {}) as MatrixNormOptions;
  ord = typeof ord === 'object' ? (o.ord ?? 'fro') : ord;
  dim = Array.isArray(dim) ? dim : (o.dim ?? [-2, -1]);
  keepdim = typeof keepdim === 'boolean' ? keepdim : (o.keepdim ?? false);
  const r0 = A._shape.length;
  const d = (dim as readonly number[]).map((v) => (v < 0 ? v + r0 : v));
  if (d.length !== 2 || d[0] === d[1]) throw new RuntimeError('linalg.matrix_norm: dim must be a 2-tuple. Got ' + d.join(' '));
  if (d[0] !== r0 - 2 || d[1] !== r0 - 1) {
    const r = matrix_norm(movedim(A, d, [r0 - 2, r0 - 1]), ord, [-2, -1], keepdim);
    return keepdim ? movedim(r, [r0 - 2, r0 - 1], d) : r;
  }
  checkMatrix('linalg.matrix_norm', A, false);
  let r: Tensor;
  if (ord === 'fro') return vector_norm(A, 2, [-2, -1], keepdim);
  if (ord === 'nuc' || ord === 2 || ord === -2) {
    const s = svdvals(A);
    r = ord === 'nuc' ? sum(s, -1) : ord === 2 ? amax(s, -1) : amin(s, -1);
    return keepdim ? unsqueeze(unsqueeze(r, -1), -1) : r;
  }
  if (ord === 1 || ord === -1) r = (ord === 1 ? amax : amin)(sum(abs(A), -2), -1);
  else if (ord === Infinity || ord === -Infinity) r = (ord === Infinity ? amax : amin)(sum(abs(A), -1), -1);
  else throw new RuntimeError(`linalg.matrix_norm: Order ${String(ord)} not supported.`);
  return keepdim ? unsqueeze(unsqueeze(r, -1), -1) : r;
}

/** torch.linalg.pinv(A, { rtol, atol }) (or pinv(A, rcond)): the Moore–Penrose pseudo-inverse, V diag(1/S) Uᵀ over S > rtol·max(S). */
export function pinv(A: Tensor, opts: { rtol?: number; atol?: number; rcond?: number } | number = {}): Tensor {
  if (typeof opts === 'number') opts = { rtol: opts };
  if (opts.rcond !== undefined) opts = { rtol: opts.rcond };
  checkMatrix('linalg.pinv', A, false);
  const s = A._shape;
  const [U, S, Vh] = svd(A, false);
  const rtol = opts.rtol ?? (opts.atol !== undefined ? 0 : Math.max(s[s.length - 1], s[s.length - 2]) * (A.dtype.name === 'float64' ? 2.220446049250313e-16 : 1.1920928955078125e-7));
  const atol = opts.atol ?? 0;
  const maxS = amax(S, -1, true);
  const keep = gt(S, mul(maxS, rtol).clamp_min(atol));
  const Sinv = where(keep, reciprocal(where(keep, S, 1)), 0);
  return matmul(mul(mT(Vh), unsqueeze(Sinv, -2)), mT(U));
}

/** torch.linalg.matrix_power(A, n): A multiplied by itself n times (n < 0: of A's inverse; 0: identity). */
export function matrix_power(A: Tensor, n: number): Tensor {
  checkMatrix('linalg.matrix_power', A);
  if (n === 0) return expand(eye(A._shape[A._shape.length - 1], { dtype: A.dtype }), A._shape).clone();
  let base = n < 0 ? inv(A) : A;
  let k = Math.abs(n);
  let acc: Tensor | null = null;
  while (k > 0) {
    if (k & 1) acc = acc ? matmul(acc, base) : base;
    k >>= 1;
    if (k) base = matmul(base, base);
  }
  return acc!;
}

/** torch.linalg.multi_dot(tensors): the chained matrix product (first/last may be 1-D). */
export function multi_dot(tensors: readonly Tensor[]): Tensor {
  if (tensors.length < 2) throw new RuntimeError(`multi_dot(): expected at least 2 tensors but got ${tensors.length}`);
  return tensors.slice(1).reduce((a, b) => matmul(a, b), tensors[0]);
}

/** torch.linalg.vecdot(x, y, dim = -1): Σ x·y along dim (real tensors). */
export function vecdot(x: Tensor, y: Tensor, opts: { dim?: number } | number = {}): Tensor {
  const dim = typeof opts === 'number' ? opts : (opts.dim ?? -1);
  return sum(mul(x, y), dim);
}

/** The torch.linalg namespace. */
export const linalgFns = {
  cholesky, cholesky_ex, det, eigh, eigvalsh, inv, inv_ex, matrix_norm, matrix_power, multi_dot, pinv, qr, slogdet, solve, solve_ex,
  solve_triangular, svd, svdvals, vecdot,
};
