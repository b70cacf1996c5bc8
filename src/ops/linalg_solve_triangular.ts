// linalg_solve_triangular: X with AX = B (or XA = B) for triangular A, batches broadcast.
// Pure-JS eager substitution in float64 (only A's upper or lower triangle is read); not exportable.
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp, type OpDef } from '../op.js';
import { broadcastShapes } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { checkMatrix, f64, fromF64, notExportable, triSolveInPlace } from './_linalg.js';
import { promote } from './_common.js';
import { expand } from './expand.js';
import { matmul } from './matmul.js';
import { neg } from './neg.js';
import { transpose } from './permute.js';
import { tril } from './tril.js';
import { triu } from './triu.js';

const mT = (x: Tensor): Tensor => transpose(x, -1, -2);

interface TriAttrs {
  upper: boolean;
  unitriangular: boolean;
}

/** A (…, n, n) triangular, B (…, n, k) of one batch shape → X with AX = B. */
export const LinalgSolveTriangular: OpDef<TriAttrs> = defineOp<TriAttrs>({
  name: 'linalg_solve_triangular',
  infer: ([a, b]) => [{ dtype: a.dtype, shape: b._shape }],
  lower: () => notExportable('linalg_solve_triangular'),
  eager: ([a, b], { upper, unitriangular }, [o]) => {
    const A = f64(a);
    const B = f64(b);
    for (let i = 0; i < A.batch; i++) triSolveInPlace(A.d, i * A.n * A.n, A.n, upper, unitriangular, B.d, i * B.m * B.n, B.n);
    return [fromF64(B.d, o.shape, o.dtype)];
  },
  saves: { inputs: [0], outputs: [0] },
  // gB = A⁻ᵀ gX; gA = -(gB Xᵀ) restricted to A's triangle (strictly, with a unit diagonal).
  grad: (ctx, [gy]) => {
    const { upper, unitriangular } = ctx.attrs;
    const A = ctx.inputs[0];
    const gB: Tensor = apply1(LinalgSolveTriangular, [mT(A), gy!], { upper: !upper, unitriangular });
    let gA: Tensor | null = null;
    if (ctx.needs[0]) {
      const full = neg(matmul(gB, mT(ctx.outputs[0])));
      gA = upper ? triu(full, unitriangular ? 1 : 0) : tril(full, unitriangular ? -1 : 0);
    }
    return [gA, gB];
  },
});

export type SolveTriangularOptions = { upper: boolean; left?: boolean; unitriangular?: boolean };

/**
 * torch.linalg.solve_triangular(A, B, { upper, left = true, unitriangular = false }): X with
 * AX = B (XA = B when left is false) for triangular A.
 * @example
 * torch.linalg.solve_triangular(U, B, { upper: true });
 */
export function solve_triangular(A: Tensor, B: Tensor, opts: SolveTriangularOptions): Tensor {
  if (opts?.upper === undefined) throw new RuntimeError("linalg_solve_triangular() missing required argument 'upper'");
  [A, B] = promote([A, B]);
  checkMatrix('linalg.solve_triangular', A);
  const left = opts.left ?? true;
  const unitriangular = opts.unitriangular ?? false;
  if (!left) return mT(solve_triangular(mT(A), mT(B), { upper: !opts.upper, unitriangular }));
  const as = A._shape;
  const bs = B._shape;
  if (bs.length < 2) throw new RuntimeError('linalg.solve_triangular: The input tensor B must have at least 2 dimensions.');
  if (bs[bs.length - 2] !== as[as.length - 1])
    throw new RuntimeError(`linalg.solve_triangular: Incompatible shapes of A and B for the equation AX = B (${as[as.length - 2]}x${as[as.length - 1]} and ${bs[bs.length - 2]}x${bs[bs.length - 1]})`);
  const batch = broadcastShapes(as.slice(0, -2), bs.slice(0, -2));
  return apply1(LinalgSolveTriangular, [expand(A, [...batch, ...as.slice(-2)]), expand(B, [...batch, ...bs.slice(-2)])], { upper: opts.upper, unitriangular });
}
