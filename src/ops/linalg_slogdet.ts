// linalg_slogdet: (sign, log|det|) of square matrices. Pure-JS eager LU in float64 (ONNX has no
// log-determinant node and Det would overflow where slogdet must not): not exportable.
import { apply } from '../dispatch.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { checkMatrix, fromF64, notExportable } from './_linalg.js';
import { luDet } from './linalg_det.js';
import { inv } from './linalg_inv_ex.js';
import { mul } from './mul.js';
import { transpose } from './permute.js';
import { unsqueeze } from './unsqueeze.js';

export const LinalgSlogdet = defineOp({
  name: 'linalg_slogdet',
  infer: ([a]) => {
    const s = a._shape.slice(0, -2);
    return [{ dtype: a.dtype, shape: s }, { dtype: a.dtype, shape: s }];
  },
  lower: () => notExportable('linalg_slogdet'),
  eager: ([a], _attrs, [o]) => {
    const r = luDet(a);
    return [fromF64(r.sign, o.shape, o.dtype), fromF64(r.logabs, o.shape, o.dtype)];
  },
  saves: { inputs: [0] },
  // d log|det A| = tr(A⁻¹ dA); the sign is piecewise constant.
  grad: (ctx, [, gl]) => [mul(unsqueeze(unsqueeze(gl!, -1), -1), transpose(inv(ctx.inputs[0]), -1, -2))],
});

/**
 * torch.linalg.slogdet(A): (sign, logabsdet) with det(A) = sign · exp(logabsdet).
 * @example
 * const { sign, logabsdet } = torch.linalg.slogdet(A);
 */
export function slogdet(A: Tensor): Tensor[] & { sign: Tensor; logabsdet: Tensor } {
  checkMatrix('linalg.slogdet', A);
  const [sign, logabsdet] = apply(LinalgSlogdet, [A], undefined);
  return Object.assign([sign, logabsdet], { sign, logabsdet });
}
