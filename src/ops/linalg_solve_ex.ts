// linalg_solve_ex: X with AX = B for square A (batches broadcast), with LAPACK's info per matrix.
// Pure-JS eager kernel (LU with partial pivoting, float64 inside); not exportable to ONNX.
import { int32 } from '../dtype.js';
import { apply } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { broadcastShapes } from '../shape.js';
import { Tensor } from '../tensor.js';
import { checkMatrix, f64, fromF64, LinAlgError, luInPlace, luSolveInPlace, notExportable } from './_linalg.js';
import { expand } from './expand.js';
import { matmul } from './matmul.js';
import { neg } from './neg.js';
import { transpose } from './permute.js';
import { squeeze } from './squeeze.js';
import { unsqueeze } from './unsqueeze.js';
import { promote } from './_common.js';

const mT = (x: Tensor): Tensor => transpose(x, -1, -2);

/** A (…, n, n) and B (…, n, k) of one batch shape → X (…, n, k), info (…). */
export const LinalgSolveEx = defineOp({
  name: 'linalg_solve_ex',
  infer: ([a, b]) => [{ dtype: a.dtype, shape: b._shape }, { dtype: int32, shape: a._shape.slice(0, -2) }],
  lower: () => notExportable('linalg_solve_ex'),
  eager: ([a, b], _attrs, [o, io]) => {
    const A = f64(a);
    const B = f64(b);
    const n = A.n;
    const k = B.n;
    const info = new Int32Array(A.batch);
    const piv = new Int32Array(n);
    for (let i = 0; i < A.batch; i++) {
      info[i] = luInPlace(A.d, i * n * n, n, piv);
      if (info[i] === 0) luSolveInPlace(A.d, i * n * n, n, piv, 0, B.d, i * n * k, k);
      else B.d.fill(NaN, i * n * k, (i + 1) * n * k);
    }
    return [fromF64(B.d, o.shape, o.dtype), new Tensor(info, [...io.shape], int32)];
  },
  saves: { inputs: [0], outputs: [0] },
  // gB = A⁻ᵀ gX; gA = -gB Xᵀ
  grad: (ctx, [gy]) => {
    const gB = solveCore(mT(ctx.inputs[0]), gy!, true);
    return [ctx.needs[0] ? neg(matmul(gB, mT(ctx.outputs[0]))) : null, gB];
  },
});

function solveCore(A: Tensor, B: Tensor, check: boolean): Tensor {
  const [x, info] = apply(LinalgSolveEx, [A, B], undefined);
  if (check) solveError(A, info);
  return x;
}

function solveError(A: Tensor, info: Tensor): void {
  const v = info._data as unknown as Int32Array;
  for (let b = 0; b < v.length; b++)
    if (v[b] > 0)
      throw new LinAlgError(`torch.linalg.solve: ${A._shape.length > 2 ? `(Batch element ${b}): ` : ''}The solver failed because the input matrix is singular.`);
}

export type SolveOptions = { left?: boolean; check_errors?: boolean };

function solveImpl(A: Tensor, B: Tensor, left: boolean, check: boolean): [Tensor, Tensor] {
  [A, B] = promote([A, B]);
  checkMatrix('linalg.solve', A);
  if (!left) {
    const [x, info] = solveImpl(mT(A), mT(B), true, check);
    return [mT(x), info];
  }
  const as = A._shape;
  const bs = B._shape;
  const vector = bs.length === 1 || (bs.length === as.length - 1 && bs.every((v, i) => v === as[i]));
  const B2 = vector ? unsqueeze(B, -1) : B;
  const b2 = B2._shape;
  if (b2[b2.length - 2] !== as[as.length - 1])
    throw new RuntimeError(`linalg.solve: Incompatible shapes of A and B for the equation AX = B (${as[as.length - 2]}x${as[as.length - 1]} and ${b2[b2.length - 2]}x${b2[b2.length - 1]})`);
  const batch = broadcastShapes(as.slice(0, -2), b2.slice(0, -2));
  const Ae = expand(A, [...batch, ...as.slice(-2)]);
  const Be = expand(B2, [...batch, ...b2.slice(-2)]);
  const [x, info] = apply(LinalgSolveEx, [Ae, Be], undefined);
  if (check) solveError(Ae, info);
  return [vector ? squeeze(x, -1) : x, info];
}

/**
 * torch.linalg.solve(A, B, { left = true }): X with AX = B (XA = B when left is false);
 * B may be a vector (or a batch of vectors); batch dims broadcast.
 * @example
 * torch.linalg.solve(A, b);
 */
export function solve(A: Tensor, B: Tensor, opts: SolveOptions = {}): Tensor {
  return solveImpl(A, B, opts.left ?? true, true)[0];
}

/** torch.linalg.solve_ex(A, B, { left, check_errors = false }): (result, info). */
export function solve_ex(A: Tensor, B: Tensor, opts: SolveOptions = {}): Tensor[] & { result: Tensor; info: Tensor } {
  const [result, info] = solveImpl(A, B, opts.left ?? true, opts.check_errors ?? false);
  return Object.assign([result, info], { result, info });
}
