// linalg_qr: A = QR by Householder reflections (LAPACK geqrf's sign convention, so Q and R match
// PyTorch's up to rounding for generic input). Pure-JS eager kernel in float64; not exportable.
import { apply } from '../dispatch.js';
import { NotImplementedError, RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { add } from './add.js';
import { checkMatrix, f64, fromF64, householderQR, notExportable } from './_linalg.js';
import { solve_triangular } from './linalg_solve_triangular.js';
import { matmul } from './matmul.js';
import { transpose } from './permute.js';
import { sub } from './sub.js';
import type { Tensor } from '../tensor.js';
import { tril } from './tril.js';

const mT = (x: Tensor): Tensor => transpose(x, -1, -2);

type QrMode = 'reduced' | 'complete' | 'r';

export const LinalgQr = defineOp<{ mode: QrMode }>({
  name: 'linalg_qr',
  infer: ([a], { mode }) => {
    const s = a._shape;
    const m = s[s.length - 2];
    const n = s[s.length - 1];
    const k = Math.min(m, n);
    const b = s.slice(0, -2);
    const qc = mode === 'complete' ? m : k;
    return [{ dtype: a.dtype, shape: mode === 'r' ? [0] : [...b, m, qc] }, { dtype: a.dtype, shape: [...b, mode === 'complete' ? m : k, n] }];
  },
  lower: () => notExportable('linalg_qr'),
  eager: ([a], { mode }, [oq, or]) => {
    const { d, batch, m, n } = f64(a);
    const k = Math.min(m, n);
    const qc = mode === 'complete' ? m : k;
    const rr = mode === 'complete' ? m : k;
    const Q = new Float64Array(mode === 'r' ? 0 : batch * m * qc);
    const R = new Float64Array(batch * rr * n);
    for (let b = 0; b < batch; b++) {
      const r = householderQR(d.subarray(b * m * n, (b + 1) * m * n), m, n, mode === 'complete');
      if (mode !== 'r') Q.set(r.q, b * m * qc);
      R.set(r.r, b * rr * n);
    }
    return [fromF64(Q, oq.shape, oq.dtype), fromF64(R, or.shape, or.dtype)];
  },
  saves: { inputs: [], outputs: [0, 1] },
  // m ≥ n: with M = R gRᵀ - gQᵀ Q, gA = (gQ + Q copyltu(M)) R⁻ᵀ (copyltu: M's lower triangle mirrored).
  grad: (ctx, [gQ, gR]) => {
    const [Q, R] = ctx.outputs;
    const s = ctx.inputMeta[0].shape;
    if (ctx.attrs.mode === 'r') throw new RuntimeError("The derivative of linalg.qr depends on Q, which is not computed when mode='r'. Please use linalg.qr(A, mode='reduced') if you are going to differentiate through linalg.qr.");
    if (s[s.length - 2] < s[s.length - 1]) throw new NotImplementedError('linalg_qr backward for wide matrices (m < n) is not implemented');
    const M = sub(matmul(R, mT(gR!)), matmul(mT(gQ!), Q));
    const sym = add(tril(M), mT(tril(M, -1)));
    return [solve_triangular(mT(R), add(gQ!, matmul(Q, sym)), { upper: false, left: false })];
  },
});

/**
 * torch.linalg.qr(A, mode = 'reduced'): (Q, R) with A = QR, Q orthonormal columns, R upper
 * triangular; mode 'complete' gives square Q, 'r' only R (Q empty).
 * @example
 * const { Q, R } = torch.linalg.qr(A);
 */
export function qr(A: Tensor, mode: QrMode | { mode?: QrMode } = 'reduced'): Tensor[] & { Q: Tensor; R: Tensor } {
  const md = typeof mode === 'string' ? mode : (mode.mode ?? 'reduced');
  if (md !== 'reduced' && md !== 'complete' && md !== 'r')
    throw new RuntimeError(`qr received unrecognized mode '${md}' but expected one of 'reduced' (default), 'r', or 'complete'`);
  checkMatrix('linalg.qr', A, false);
  const [Q, R] = apply(LinalgQr, [A], { mode: md });
  return Object.assign([Q, R], { Q, R });
}
