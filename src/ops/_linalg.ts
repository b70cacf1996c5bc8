// Shared pieces of torch.linalg: PyTorch's argument checks and the pure-JS float64 kernels
// (LU with partial pivoting, triangular solves, Cholesky, Householder QR, cyclic Jacobi for
// symmetric eigenproblems, one-sided Jacobi SVD). ONNX has no node for these factorizations and
// onnxruntime has no kernel, so the ops that use them run these kernels eagerly and refuse export.
import { RuntimeError } from '../errors.js';
import type { DType } from '../dtype.js';
import { Tensor } from '../tensor.js';

/** torch.linalg.LinAlgError (Python's class is torch._C._LinAlgError, a RuntimeError). */
export class LinAlgError extends RuntimeError {
  constructor(message: string) {
    super(message);
    this.name = 'LinAlgError';
  }
}

/** The error an eager-only linalg op throws from its lowering. */
export function notExportable(name: string): never {
  throw new RuntimeError(`${name} cannot be exported to ONNX`);
}

/** PyTorch's checks: float dtype, rank ≥ 2 and (when square) square matrices. */
export function checkMatrix(fn: string, A: Tensor, square = true, arg = 'A'): void {
  if (!A.dtype.is_floating_point) throw new RuntimeError(`${fn}: Expected a floating point or complex tensor as input. Got ${A.dtype.scalarName}`);
  const s = A._shape;
  if (s.length < 2) throw new RuntimeError(`${fn}: The input tensor ${arg} must have at least 2 dimensions.`);
  if (square && s[s.length - 1] !== s[s.length - 2])
    throw new RuntimeError(`${fn}: ${arg} must be batches of square matrices, but they are ${s[s.length - 2]} by ${s[s.length - 1]} matrices`);
}

/** The prefix PyTorch puts before a per-matrix error of a batched call. */
export const batchPrefix = (shape: readonly number[], b: number): string => (shape.length > 2 ? `(Batch element ${b}): ` : '');

/** A tensor's values as float64 (dense, row-major), with its batch count and matrix size. */
export function f64(x: Tensor): { d: Float64Array; batch: number; m: number; n: number } {
  const s = x._shape;
  const m = s[s.length - 2];
  const n = s[s.length - 1];
  const src = x._data as unknown as ArrayLike<number>;
  const d = src instanceof Float64Array ? Float64Array.from(src) : Float64Array.from(src);
  const batch = m * n === 0 ? s.slice(0, -2).reduce((p, q) => p * q, 1) : d.length / (m * n);
  return { d, batch, m, n };
}

/** A new dense tensor of dtype holding float64 values. */
export function fromF64(d: Float64Array, shape: readonly number[], dtype: DType): Tensor {
  const out = dtype.array === Float64Array ? d : new (dtype.array as unknown as new (a: ArrayLike<number>) => Float32Array)(d);
  return new Tensor(out as never, [...shape], dtype);
}

// ---- LU ----

/**
 * In-place LU with partial pivoting of the n×n matrix at a[o..]: PA = LU (L unit lower, below
 * the diagonal; U on and above). piv[k] is the row swapped with row k (LAPACK's getrf ipiv,
 * 0-based). Returns 0, or the 1-based index of the first exactly-zero pivot (getrf's info).
 */
export function luInPlace(a: Float64Array, o: number, n: number, piv: Int32Array, po = 0): number {
  let info = 0;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(a[o + k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[o + i * n + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    piv[po + k] = p;
    if (p !== k) {
      const rk = o + k * n;
      const rp = o + p * n;
      for (let j = 0; j < n; j++) {
        const t = a[rk + j];
        a[rk + j] = a[rp + j];
        a[rp + j] = t;
      }
    }
    const pivot = a[o + k * n + k];
    if (pivot === 0) {
      if (info === 0) info = k + 1;
      continue;
    }
    const rk = o + k * n;
    for (let i = k + 1; i < n; i++) {
      const ri = o + i * n;
      const l = (a[ri + k] /= pivot);
      if (l !== 0) for (let j = k + 1; j < n; j++) a[ri + j] -= l * a[rk + j];
    }
  }
  return info;
}

/** Solves LU X = P B in place on the n×k right-hand side b[bo..] (row-major), given luInPlace's result. */
export function luSolveInPlace(lu: Float64Array, o: number, n: number, piv: Int32Array, po: number, b: Float64Array, bo: number, k: number): void {
  for (let i = 0; i < n; i++) {
    const p = piv[po + i];
    if (p !== i) {
      for (let j = 0; j < k; j++) {
        const t = b[bo + i * k + j];
        b[bo + i * k + j] = b[bo + p * k + j];
        b[bo + p * k + j] = t;
      }
    }
  }
  // L Y = PB (unit lower)
  for (let i = 0; i < n; i++) {
    const ri = bo + i * k;
    for (let q = 0; q < i; q++) {
      const l = lu[o + i * n + q];
      if (l === 0) continue;
      const rq = bo + q * k;
      for (let j = 0; j < k; j++) b[ri + j] -= l * b[rq + j];
    }
  }
  // U X = Y
  for (let i = n - 1; i >= 0; i--) {
    const ri = bo + i * k;
    for (let q = i + 1; q < n; q++) {
      const u = lu[o + i * n + q];
      if (u === 0) continue;
      const rq = bo + q * k;
      for (let j = 0; j < k; j++) b[ri + j] -= u * b[rq + j];
    }
    const d = lu[o + i * n + i];
    for (let j = 0; j < k; j++) b[ri + j] /= d;
  }
}

// ---- triangular ----

/** Solves T X = B in place (T n×n at t[to..], B n×k at b[bo..]); upper or lower, optionally unit diagonal. */
export function triSolveInPlace(t: Float64Array, to: number, n: number, upper: boolean, unit: boolean, b: Float64Array, bo: number, k: number): void {
  if (!upper) {
    for (let i = 0; i < n; i++) {
      const ri = bo + i * k;
      for (let q = 0; q < i; q++) {
        const l = t[to + i * n + q];
        if (l === 0) continue;
        const rq = bo + q * k;
        for (let j = 0; j < k; j++) b[ri + j] -= l * b[rq + j];
      }
      if (!unit) {
        const d = t[to + i * n + i];
        for (let j = 0; j < k; j++) b[ri + j] /= d;
      }
    }
  } else {
    for (let i = n - 1; i >= 0; i--) {
      const ri = bo + i * k;
      for (let q = i + 1; q < n; q++) {
        const u = t[to + i * n + q];
        if (u === 0) continue;
        const rq = bo + q * k;
        for (let j = 0; j < k; j++) b[ri + j] -= u * b[rq + j];
      }
      if (!unit) {
        const d = t[to + i * n + i];
        for (let j = 0; j < k; j++) b[ri + j] /= d;
      }
    }
  }
}

// ---- Cholesky ----

/** Lower Cholesky factor of the n×n matrix at a[o..] (reads the lower triangle) into l[o..]; returns getrf-like info. */
export function choleskyInto(a: Float64Array, l: Float64Array, o: number, n: number): number {
  for (let j = 0; j < n; j++) {
    let s = a[o + j * n + j];
    for (let q = 0; q < j; q++) s -= l[o + j * n + q] * l[o + j * n + q];
    if (!(s > 0)) return j + 1;
    const d = Math.sqrt(s);
    l[o + j * n + j] = d;
    for (let i = j + 1; i < n; i++) {
      let v = a[o + i * n + j];
      for (let q = 0; q < j; q++) v -= l[o + i * n + q] * l[o + j * n + q];
      l[o + i * n + j] = v / d;
    }
    for (let q = j + 1; q < n; q++) l[o + j * n + q] = 0;
  }
  return 0;
}

// ---- QR ----

/**
 * Householder QR (LAPACK geqrf's reflector convention: beta = -sign(alpha)·‖x‖) of the m×n matrix
 * a (row-major, copied). Returns R (k×n or m×n when complete) and Q (m×k or m×m), k = min(m, n).
 */
export function householderQR(a: Float64Array, m: number, n: number, complete: boolean): { q: Float64Array; r: Float64Array; qc: number; rr: number } {
  const A = Float64Array.from(a);
  const k = Math.min(m, n);
  const vs: Float64Array[] = [];
  const taus: number[] = [];
  for (let j = 0; j < k; j++) {
    let xn = 0;
    for (let i = j + 1; i < m; i++) xn += A[i * n + j] * A[i * n + j];
    const alpha = A[j * n + j];
    const v = new Float64Array(m);
    if (xn === 0) {
      vs.push(v);
      taus.push(0);
      continue;
    }
    const beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, Math.sqrt(xn));
    const tau = (beta - alpha) / beta;
    const scale = 1 / (alpha - beta);
    v[j] = 1;
    for (let i = j + 1; i < m; i++) v[i] = A[i * n + j] * scale;
    // A[j:, j:] -= tau v (vᵀ A[j:, j:])
    const w = new Float64Array(n);
    for (let i = j; i < m; i++) {
      const vi = v[i];
      if (vi === 0) continue;
      for (let c = j; c < n; c++) w[c] += vi * A[i * n + c];
    }
    for (let i = j; i < m; i++) {
      const f = tau * v[i];
      if (f === 0) continue;
      for (let c = j; c < n; c++) A[i * n + c] -= f * w[c];
    }
    A[j * n + j] = beta;
    for (let i = j + 1; i < m; i++) A[i * n + j] = 0;
    vs.push(v);
    taus.push(tau);
  }
  const qc = complete ? m : k;
  const rr = complete ? m : k;
  const r = new Float64Array(rr * n);
  for (let i = 0; i < Math.min(rr, m); i++) for (let c = i; c < n; c++) r[i * n + c] = A[i * n + c];
  // Q = H0 H1 … H(k-1) applied to the first qc columns of I, from the last reflector back.
  const q = new Float64Array(m * qc);
  for (let i = 0; i < Math.min(m, qc); i++) q[i * qc + i] = 1;
  for (let j = k - 1; j >= 0; j--) {
    const tau = taus[j];
    if (tau === 0) continue;
    const v = vs[j];
    const w = new Float64Array(qc);
    for (let i = j; i < m; i++) {
      const vi = v[i];
      if (vi === 0) continue;
      for (let c = 0; c < qc; c++) w[c] += vi * q[i * qc + c];
    }
    for (let i = j; i < m; i++) {
      const f = tau * v[i];
      if (f === 0) continue;
      for (let c = 0; c < qc; c++) q[i * qc + c] -= f * w[c];
    }
  }
  return { q, r, qc, rr };
}

// ---- symmetric eigenproblem ----

/**
 * Eigen-decomposition of the symmetric n×n matrix whose lower (or upper) triangle is at a[o..]:
 * cyclic Jacobi rotations. Eigenvalues ascending into w[wo..], eigenvectors as columns into v[o..].
 */
export function jacobiEigh(a: Float64Array, o: number, n: number, lower: boolean, w: Float64Array, wo: number, v: Float64Array | null): void {
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) A[i * n + j] = lower ? (j <= i ? a[o + i * n + j] : a[o + j * n + i]) : j >= i ? a[o + i * n + j] : a[o + j * n + i];
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += A[i * n + i] * A[i * n + i];
      for (let j = i + 1; j < n; j++) off += A[i * n + j] * A[i * n + j];
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (apq === 0) continue;
        const app = A[p * n + p];
        const aqq = A[q * n + q];
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        // A ← Jᵀ A J on rows/cols p, q
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p];
          const akq = A[k * n + q];
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        const rp = p * n;
        const rq = q * n;
        for (let k = 0; k < n; k++) {
          const apk = A[rp + k];
          const aqk = A[rq + k];
          A[rp + k] = c * apk - s * aqk;
          A[rq + k] = s * apk + c * aqk;
        }
        A[p * n + q] = 0;
        A[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p];
          const vkq = V[k * n + q];
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => A[x * n + x] - A[y * n + y]);
  order.forEach((src, dst) => {
    w[wo + dst] = A[src * n + src];
    if (v) {
      // LAPACK-like sign: make the largest-magnitude component of each vector... left as computed
      for (let k = 0; k < n; k++) v[o + k * n + dst] = V[k * n + src];
    }
  });
}

// ---- SVD ----

/**
 * SVD of the m×n matrix a[o..] by one-sided Jacobi (Hestenes) on the rows of the wider side.
 * Returns U (m×ucols), S (k, descending), Vh (vrows×n); full: ucols = m, vrows = n, else k.
 */
export function jacobiSVD(a: Float64Array, o: number, m: number, n: number, full: boolean, wantUV: boolean): { u: Float64Array; s: Float64Array; vh: Float64Array } {
  // Work on rows: with m >= n, rows of Aᵀ (n rows of length m) are A's columns.
  const tall = m >= n;
  const r = tall ? n : m; // number of vectors rotated (k)
  const len = tall ? m : n;
  const X = new Float64Array(r * len);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) X[tall ? j * m + i : i * n + j] = a[o + i * n + j];
  const W = new Float64Array(r * r); // accumulated rotations (rows)
  for (let i = 0; i < r; i++) W[i * r + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < r - 1; p++) {
      const xp = p * len;
      for (let q = p + 1; q < r; q++) {
        const xq = q * len;
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let k = 0; k < len; k++) {
          const u = X[xp + k];
          const v = X[xq + k];
          alpha += u * u;
          beta += v * v;
          gamma += u * v;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let k = 0; k < len; k++) {
          const u = X[xp + k];
          const v = X[xq + k];
          X[xp + k] = c * u - s * v;
          X[xq + k] = s * u + c * v;
        }
        const wp = p * r;
        const wq = q * r;
        for (let k = 0; k < r; k++) {
          const u = W[wp + k];
          const v = W[wq + k];
          W[wp + k] = c * u - s * v;
          W[wq + k] = s * u + c * v;
        }
      }
    }
    if (!rotated) break;
  }
  const sv = new Float64Array(r);
  for (let i = 0; i < r; i++) {
    let t = 0;
    for (let k = 0; k < len; k++) t += X[i * len + k] * X[i * len + k];
    sv[i] = Math.sqrt(t);
  }
  const order = Array.from({ length: r }, (_, i) => i).sort((x, y) => sv[y] - sv[x]);
  const s = Float64Array.from(order, (i) => sv[i]);
  if (!wantUV) return { u: new Float64Array(0), s, vh: new Float64Array(0) };
  // Left vectors (length len) = X rows / σ; right vectors (length r) = W rows.
  const lv = completeBasis(order.map((i) => (sv[i] > 0 ? X.subarray(i * len, (i + 1) * len).map((x) => x / sv[i]) : null)), len, full ? len : r);
  const rv = order.map((i) => W.subarray(i * r, (i + 1) * r));
  // tall: A = Σ lv_i σ_i rvᵀ_i  in the basis where A's columns were rotated: A W^T = X → A = X W, so
  // U columns = lv, Vh rows = rv. wide: Aᵀ handled on rows: A = Wᵀ X → U columns = rv, Vh rows = lv.
  const k = r;
  if (tall) {
    const uc = full ? m : k;
    const u = new Float64Array(m * uc);
    lv.forEach((vec, c) => { for (let i = 0; i < m; i++) u[i * uc + c] = vec[i]; });
    const vrows = full ? n : k;
    const vh = new Float64Array(vrows * n);
    rv.forEach((vec, rI) => vh.set(vec, rI * n));
    return { u, s, vh };
  }
  const uc = full ? m : k;
  const u = new Float64Array(m * uc);
  rv.forEach((vec, c) => { for (let i = 0; i < m; i++) u[i * uc + c] = vec[i]; });
  const vrows = full ? n : k;
  const vh = new Float64Array(vrows * n);
  lv.forEach((vec, rI) => vh.set(vec, rI * n));
  return { u, s, vh };
}

/** Orthonormal vectors of length len: the given ones (null = to fill), completed to `count` by Gram–Schmidt on e_i. */
function completeBasis(given: (Float64Array | null)[], len: number, count: number): Float64Array[] {
  const out: (Float64Array | null)[] = [...given];
  while (out.length < count) out.push(null);
  const have = out.filter((v): v is Float64Array => v !== null);
  let e = 0;
  for (let i = 0; i < count; i++) {
    if (out[i]) continue;
    for (; e < len; e++) {
      const v = new Float64Array(len);
      v[e] = 1;
      for (let pass = 0; pass < 2; pass++)
        for (const h of have) {
          let d = 0;
          for (let k = 0; k < len; k++) d += h[k] * v[k];
          for (let k = 0; k < len; k++) v[k] -= d * h[k];
        }
      let nv = 0;
      for (let k = 0; k < len; k++) nv += v[k] * v[k];
      nv = Math.sqrt(nv);
      if (nv > 1e-8) {
        for (let k = 0; k < len; k++) v[k] /= nv;
        out[i] = v;
        have.push(v);
        e++;
        break;
      }
    }
  }
  return out as Float64Array[];
}
