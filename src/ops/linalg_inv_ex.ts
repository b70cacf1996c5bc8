// linalg_inv_ex: the inverse of (batches of) square matrices, with LAPACK's info per matrix.
// Pure-JS eager kernel (LU with partial pivoting, float64 inside): ONNX has no inverse node,
// so export fails naming the op. torch.linalg.inv checks info and throws PyTorch's error.
import { int32 } from '../dtype.js';
import { apply } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { checkMatrix, f64, fromF64, LinAlgError, luInPlace, luSolveInPlace, notExportable } from './_linalg.js';
import { matmul } from './matmul.js';
import { neg } from './neg.js';
import { transpose } from './permute.js';

const mT = (x: Tensor): Tensor => transpose(x, -1, -2);

export const LinalgInvEx = defineOp({
  name: 'linalg_inv_ex',
  infer: ([a]) => [{ dtype: a.dtype, shape: a._shape }, { dtype: int32, shape: a._shape.slice(0, -2) }],
  lower: () => notExportable('linalg_inv_ex'),
  eager: ([a], _attrs, [o, io]) => {
    const { d, batch, n } = f64(a);
    const out = new Float64Array(d.length);
    const info = new Int32Array(batch);
    const piv = new Int32Array(n);
    for (let b = 0; b < batch; b++) {
      const off = b * n * n;
      info[b] = luInPlace(d, off, n, piv);
      for (let i = 0; i < n; i++) out[off + i * n + i] = 1;
      if (info[b] === 0) luSolveInPlace(d, off, n, piv, 0, out, off, n);
    }
    return [fromF64(out, o.shape, o.dtype), new Tensor(info, [...io.shape], int32)];
  },
  saves: { inputs: [], outputs: [0] },
  // d(A⁻¹) = -A⁻¹ dA A⁻¹  ⇒  gA = -A⁻ᵀ gy A⁻ᵀ
  grad: (ctx, [gy]) => {
    const Ai = mT(ctx.outputs[0]);
    return [neg(matmul(Ai, matmul(gy!, Ai)))];
  },
});

/**
 * torch.linalg.inv_ex(A, { check_errors = false }): (inverse, info); info[b] > 0 marks a singular matrix.
 * @example
 * const { inverse, info } = torch.linalg.inv_ex(A);
 */
export function inv_ex(A: Tensor, opts: { check_errors?: boolean } = {}): Tensor[] & { inverse: Tensor; info: Tensor } {
  checkMatrix('linalg.inv', A);
  const [inverse, info] = apply(LinalgInvEx, [A], undefined);
  if (opts.check_errors) singularError('linalg.inv', A, info);
  return Object.assign([inverse, info], { inverse, info });
}

/** PyTorch's error for a singular matrix in an inversion. */
export function singularError(fn: string, A: Tensor, info: Tensor): void {
  const v = info._data as unknown as Int32Array;
  for (let b = 0; b < v.length; b++)
    if (v[b] > 0) {
      const pre = A._shape.length > 2 ? `${fn}: (Batch element ${b}): ` : `${fn}: `;
      throw new LinAlgError(`${pre}The diagonal element ${v[b]} is zero, the inversion could not be completed because the input matrix is singular.`);
    }
}

/**
 * torch.linalg.inv(A): the inverse of a square matrix (or of each matrix of a batch).
 * @example
 * torch.linalg.inv(torch.tensor([[2, 0], [0, 4]], { dtype: torch.float32 })); // [[0.5, 0], [0, 0.25]]
 */
export function inv(A: Tensor): Tensor {
  checkMatrix('linalg.inv', A);
  const [inverse, info] = apply(LinalgInvEx, [A], undefined);
  singularError('linalg.inv', A, info);
  return inverse;
}

declare module '../tensor.js' {
  interface Tensor {
    inverse(): Tensor;
  }
}
Tensor.prototype.inverse = function (this: Tensor) {
  return inv(this);
};
