// linalg_svd: A = U diag(S) Vh with S descending. Pure-JS eager one-sided Jacobi (Hestenes) SVD in
// float64; not exportable. Singular vectors' signs are implementation-defined (as LAPACK's are).
import { apply } from '../dispatch.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { add } from './add.js';
import { checkMatrix, f64, fromF64, jacobiSVD, notExportable } from './_linalg.js';
import { div } from './div.js';
import { eye } from '../creation.js';
import { matmul } from './matmul.js';
import { mul } from './mul.js';
import { narrow } from './narrow.js';
import { transpose } from './permute.js';
import { sub } from './sub.js';
import { unsqueeze } from './unsqueeze.js';

const mT = (x: Tensor): Tensor => transpose(x, -1, -2);

export const LinalgSvd = defineOp<{ full_matrices: boolean }>({
  name: 'linalg_svd',
  infer: ([a], { full_matrices }) => {
    const s = a._shape;
    const m = s[s.length - 2];
    const n = s[s.length - 1];
    const k = Math.min(m, n);
    const b = s.slice(0, -2);
    return [
      { dtype: a.dtype, shape: [...b, m, full_matrices ? m : k] },
      { dtype: a.dtype, shape: [...b, k] },
      { dtype: a.dtype, shape: [...b, full_matrices ? n : k, n] },
    ];
  },
  lower: () => notExportable('linalg_svd'),
  eager: ([a], { full_matrices }, [ou, os, ov]) => {
    const { d, batch, m, n } = f64(a);
    const k = Math.min(m, n);
    const uc = full_matrices ? m : k;
    const vr = full_matrices ? n : k;
    const U = new Float64Array(batch * m * uc);
    const S = new Float64Array(batch * k);
    const Vh = new Float64Array(batch * vr * n);
    for (let b = 0; b < batch; b++) {
      const r = jacobiSVD(d, b * m * n, m, n, full_matrices, true);
      U.set(r.u, b * m * uc);
      S.set(r.s, b * k);
      Vh.set(r.vh, b * vr * n);
    }
    return [fromF64(U, ou.shape, ou.dtype), fromF64(S, os.shape, os.dtype), fromF64(Vh, ov.shape, ov.dtype)];
  },
  saves: { inputs: [], outputs: [0, 1, 2] },
  // PyTorch's svd_backward (reduced factors; with full_matrices the extra columns get no gradient).
  grad: (ctx, [gU0, gS, gVh0]) => {
    let [U, S, Vh] = ctx.outputs;
    let gU = gU0!;
    let gVh = gVh0!;
    const s = ctx.inputMeta[0].shape;
    const m = s[s.length - 2];
    const n = s[s.length - 1];
    const k = Math.min(m, n);
    if (ctx.attrs.full_matrices) {
      U = narrow(U, -1, 0, k);
      gU = narrow(gU, -1, 0, k);
      Vh = narrow(Vh, -2, 0, k);
      gVh = narrow(gVh, -2, 0, k);
    }
    const V = mT(Vh);
    const gV = mT(gVh);
    const skew = (x: Tensor) => sub(x, mT(x));
    const UhgU = skew(matmul(mT(U), gU));
    const VhgV = skew(matmul(mT(V), gV));
    const S2 = mul(S, S);
    const I = eye(k, { dtype: S.dtype });
    const E = add(sub(unsqueeze(S2, -2), unsqueeze(S2, -1)), I);
    let gA = div(add(mul(UhgU, unsqueeze(S, -2)), mul(unsqueeze(S, -1), VhgV)), E);
    gA = add(gA, mul(unsqueeze(gS!, -1), I));
    if (m > n) {
      gA = matmul(U, gA);
      const gUSinv = div(gU, unsqueeze(S, -2));
      gA = sub(add(gA, gUSinv), matmul(U, matmul(mT(U), gUSinv)));
      gA = matmul(gA, Vh);
    } else if (m < n) {
      gA = matmul(gA, Vh);
      const SinvgVh = div(gVh, unsqueeze(S, -1));
      gA = sub(add(gA, SinvgVh), matmul(matmul(SinvgVh, V), Vh));
      gA = matmul(U, gA);
    } else gA = matmul(U, matmul(gA, Vh));
    return [gA];
  },
});

/**
 * torch.linalg.svd(A, full_matrices = true): (U, S, Vh) with A = U diag(S) Vh, S descending.
 * @example
 * const { U, S, Vh } = torch.linalg.svd(A, false);
 */
export function svd(A: Tensor, full_matrices: boolean | { full_matrices?: boolean } = true): Tensor[] & { U: Tensor; S: Tensor; Vh: Tensor } {
  const full = typeof full_matrices === 'boolean' ? full_matrices : (full_matrices.full_matrices ?? true);
  checkMatrix('linalg.svd', A, false);
  const [U, S, Vh] = apply(LinalgSvd, [A], { full_matrices: full });
  return Object.assign([U, S, Vh], { U, S, Vh });
}

/** torch.linalg.svdvals(A): the singular values, descending. */
export function svdvals(A: Tensor): Tensor {
  checkMatrix('linalg.svdvals', A, false);
  return apply(LinalgSvd, [A], { full_matrices: false })[1];
}
