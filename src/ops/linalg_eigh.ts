// linalg_eigh: eigenvalues (ascending) and orthonormal eigenvectors of symmetric matrices, from
// the lower (UPLO='L') or upper triangle. Pure-JS eager cyclic Jacobi in float64; not exportable.
// Eigenvector signs are implementation-defined (as LAPACK's are).
import { apply } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { add } from './add.js';
import { checkMatrix, f64, fromF64, jacobiEigh, notExportable } from './_linalg.js';
import { div } from './div.js';
import { eye } from '../creation.js';
import { matmul } from './matmul.js';
import { mul } from './mul.js';
import { transpose } from './permute.js';
import { sub } from './sub.js';
import { unsqueeze } from './unsqueeze.js';

const mT = (x: Tensor): Tensor => transpose(x, -1, -2);

export const LinalgEigh = defineOp<{ lower: boolean }>({
  name: 'linalg_eigh',
  infer: ([a]) => [{ dtype: a.dtype, shape: a._shape.slice(0, -1) }, { dtype: a.dtype, shape: a._shape }],
  lower: () => notExportable('linalg_eigh'),
  eager: ([a], { lower }, [ol, ov]) => {
    const { d, batch, n } = f64(a);
    const w = new Float64Array(batch * n);
    const v = new Float64Array(d.length);
    for (let b = 0; b < batch; b++) jacobiEigh(d, b * n * n, n, lower, w, b * n, v);
    return [fromF64(w, ol.shape, ol.dtype), fromF64(v, ov.shape, ov.dtype)];
  },
  saves: { inputs: [], outputs: [0, 1] },
  // PyTorch's linalg_eig_backward (Hermitian case): gA = V (skew(VᵀgV)/2 / E + diag(gL)) Vᵀ, E_ij = L_j - L_i.
  grad: (ctx, [gL, gV]) => {
    const [L, V] = ctx.outputs;
    const n = L._shape[L._shape.length - 1];
    const I = eye(n, { dtype: L.dtype });
    const VhgV = matmul(mT(V), gV!);
    const skew = mul(sub(VhgV, mT(VhgV)), 0.5);
    const E = add(sub(unsqueeze(L, -2), unsqueeze(L, -1)), I); // 1 on the diagonal
    const inner = add(mul(div(skew, E), sub(1, I)), mul(unsqueeze(gL!, -1), I));
    return [matmul(V, matmul(inner, mT(V)))];
  },
});

function eighImpl(fn: string, A: Tensor, UPLO: string): [Tensor, Tensor] {
  if (UPLO !== 'L' && UPLO !== 'U') throw new RuntimeError(`Expected UPLO argument to be 'L' or 'U', but got ${UPLO}`);
  checkMatrix(fn, A);
  const [L, V] = apply(LinalgEigh, [A], { lower: UPLO === 'L' });
  return [L, V];
}

/**
 * torch.linalg.eigh(A, UPLO = 'L'): (eigenvalues ascending, eigenvectors as columns) of a symmetric matrix.
 * @example
 * const { eigenvalues, eigenvectors } = torch.linalg.eigh(A);
 */
export function eigh(A: Tensor, UPLO: string | { UPLO?: string } = 'L'): Tensor[] & { eigenvalues: Tensor; eigenvectors: Tensor } {
  const [eigenvalues, eigenvectors] = eighImpl('linalg.eigh', A, typeof UPLO === 'string' ? UPLO : (UPLO.UPLO ?? 'L'));
  return Object.assign([eigenvalues, eigenvectors], { eigenvalues, eigenvectors });
}

/** torch.linalg.eigvalsh(A, UPLO = 'L'): the eigenvalues (ascending) of a symmetric matrix. */
export function eigvalsh(A: Tensor, UPLO: string | { UPLO?: string } = 'L'): Tensor {
  return eighImpl('linalg.eigvalsh', A, typeof UPLO === 'string' ? UPLO : (UPLO.UPLO ?? 'L'))[0];
}
