// linalg_det: the determinant of (batches of) square matrices. ONNX's Det node describes it for
// export; eager runs use a pure-JS LU with partial pivoting in float64 (sign of the permutation
// times the product of U's diagonal), which is what LAPACK-based PyTorch computes.
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { checkMatrix, f64, fromF64, luInPlace } from './_linalg.js';
import { inv } from './linalg_inv_ex.js';
import { mul } from './mul.js';
import { transpose } from './permute.js';
import { unsqueeze } from './unsqueeze.js';

/** Per matrix of a: [sign of det, log|det|, det] from an LU factorization. */
export function luDet(a: Tensor): { sign: Float64Array; logabs: Float64Array; det: Float64Array } {
  const { d, batch, n } = f64(a);
  const piv = new Int32Array(n);
  const sign = new Float64Array(batch);
  const logabs = new Float64Array(batch);
  const det = new Float64Array(batch);
  for (let b = 0; b < batch; b++) {
    const o = b * n * n;
    luInPlace(d, o, n, piv);
    let s = 1;
    let l = 0;
    let p = 1;
    for (let i = 0; i < n; i++) {
      const u = d[o + i * n + i];
      if (piv[i] !== i) s = -s;
      if (u < 0) s = -s;
      l += Math.log(Math.abs(u));
      p *= u;
    }
    const perm = countSwaps(piv, n);
    det[b] = perm * p;
    if (l === -Infinity) s = 0;
    sign[b] = s;
    logabs[b] = l;
  }
  return { sign, logabs, det };
}

const countSwaps = (piv: Int32Array, n: number): number => {
  let s = 1;
  for (let i = 0; i < n; i++) if (piv[i] !== i) s = -s;
  return s;
};

export const LinalgDet = defineOp({
  name: 'linalg_det',
  infer: ([a]) => [{ dtype: a.dtype, shape: a._shape.slice(0, -2) }],
  lower: (g, [a]) => [g.op1('Det', [a])],
  eager: ([a], _attrs, [o]) => [fromF64(luDet(a).det, o.shape, o.dtype)],
  saves: { inputs: [0], outputs: [0] },
  // d det = det · tr(A⁻¹ dA)  ⇒  gA = gy · det · A⁻ᵀ
  grad: (ctx, [gy]) => [mul(unsqueeze(unsqueeze(mul(gy!, ctx.outputs[0]), -1), -1), transpose(inv(ctx.inputs[0]), -1, -2))],
});

/**
 * torch.linalg.det(A): the determinant of a square matrix or of each matrix of a batch.
 * @example
 * torch.linalg.det(torch.tensor([[1, 2], [3, 4]], { dtype: torch.float32 })); // -2
 */
export function det(A: Tensor): Tensor {
  checkMatrix('linalg.det', A);
  return apply1(LinalgDet, [A], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    det(): Tensor;
  }
}
Tensor.prototype.det = function (this: Tensor) {
  return det(this);
};
