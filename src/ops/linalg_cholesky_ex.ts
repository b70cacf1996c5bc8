// linalg_cholesky_ex: the lower Cholesky factor L (A = L Lᵀ) of symmetric positive-definite
// matrices, reading A's lower triangle, with LAPACK's info. Pure-JS eager kernel in float64;
// not exportable to ONNX.
import { int32 } from '../dtype.js';
import { apply } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { add } from './add.js';
import { checkMatrix, choleskyInto, f64, fromF64, LinAlgError, notExportable } from './_linalg.js';
import { solve_triangular } from './linalg_solve_triangular.js';
import { matmul } from './matmul.js';
import { mul } from './mul.js';
import { transpose } from './permute.js';
import { tril } from './tril.js';

const mT = (x: Tensor): Tensor => transpose(x, -1, -2);

export const LinalgCholeskyEx = defineOp({
  name: 'linalg_cholesky_ex',
  infer: ([a]) => [{ dtype: a.dtype, shape: a._shape }, { dtype: int32, shape: a._shape.slice(0, -2) }],
  lower: () => notExportable('linalg_cholesky_ex'),
  eager: ([a], _attrs, [o, io]) => {
    const { d, batch, n } = f64(a);
    const l = new Float64Array(d.length);
    const info = new Int32Array(batch);
    for (let b = 0; b < batch; b++) info[b] = choleskyInto(d, l, b * n * n, n);
    return [fromF64(l, o.shape, o.dtype), new Tensor(info, [...io.shape], int32)];
  },
  saves: { inputs: [], outputs: [0] },
  // PyTorch's cholesky_backward: gA = L⁻ᵀ Φ(Lᵀ gL) L⁻¹, Φ = lower triangle with half diagonal, symmetrized.
  grad: (ctx, [gL]) => {
    const L = ctx.outputs[0];
    let gA = tril(matmul(mT(L), gL!));
    gA = mul(add(gA, mT(tril(gA, -1))), 0.5);
    gA = solve_triangular(mT(L), gA, { upper: true, left: true });
    gA = solve_triangular(L, gA, { upper: false, left: false });
    return [gA];
  },
});

function choleskyImpl(A: Tensor, upper: boolean, check: boolean): [Tensor, Tensor] {
  checkMatrix('linalg.cholesky', A);
  const [L, info] = apply(LinalgCholeskyEx, [A], undefined);
  if (check) {
    const v = info._data as unknown as Int32Array;
    for (let b = 0; b < v.length; b++)
      if (v[b] > 0)
        throw new LinAlgError(
          `linalg.cholesky: ${A._shape.length > 2 ? `(Batch element ${b}): ` : ''}The factorization could not be completed because the input is not positive-definite (the leading minor of order ${v[b]} is not positive-definite).`,
        );
  }
  return [upper ? mT(L) : L, info];
}

/**
 * torch.linalg.cholesky(A, { upper = false }): L lower triangular with A = L Lᵀ (Uᵀ U with upper).
 * @example
 * torch.linalg.cholesky(A.matmul(A.mT).add(torch.eye(3)));
 */
export function cholesky(A: Tensor, opts: { upper?: boolean } = {}): Tensor {
  return choleskyImpl(A, opts.upper ?? false, true)[0];
}

/** torch.linalg.cholesky_ex(A, { upper, check_errors = false }): (L, info); info[b] > 0 when not positive-definite. */
export function cholesky_ex(A: Tensor, opts: { upper?: boolean; check_errors?: boolean } = {}): Tensor[] & { L: Tensor; info: Tensor } {
  const [L, info] = choleskyImpl(A, opts.upper ?? false, opts.check_errors ?? false);
  return Object.assign([L, info], { L, info });
}
