// matmul: the batched, broadcasting matrix product (ONNX MatMul). mm, bmm, mv, dot are written with it.
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { broadcastShapes } from '../shape.js';
import { isContiguous } from '../strided.js';
import { zeros } from '../creation.js';
import { add } from './add.js';
import { mul } from './mul.js';
import { sum } from './sum.js';
import { Tensor } from '../tensor.js';
import { transpose } from './permute.js';
import { reshape } from './reshape.js';

/** Work (multiply-adds) above which a product gets a multi-threaded session. */
export const PARALLEL_MACS = 1 << 22;

/**
 * ta/tb: the operand is given transposed (its last two dims swapped), so a transposed view of
 * contiguous memory reaches onnxruntime without a copy; the graph swaps it back with a
 * Transpose that onnxruntime fuses into the product (FusedMatMul's trans flags).
 */
interface MatMulAttrs {
  ta: boolean;
  tb: boolean;
}

const mT = (x: Tensor): Tensor => transpose(x, -1, -2);

/** The primitive: both inputs at least 2-D and of one dtype; batch dims broadcast. */
export const MatMul = defineOp<MatMulAttrs>({
  name: 'matmul',
  backwardName: 'MmBackward0',
  infer: ([a0, b0], t) => {
    const sa = swapLast(a0._shape, t.ta);
    const sb = swapLast(b0._shape, t.tb);
    const n = sa[sa.length - 2];
    const k = sa[sa.length - 1];
    const k2 = sb[sb.length - 2];
    const m = sb[sb.length - 1];
    if (k !== k2) {
      const rows = sa.slice(0, -1).reduce((p, q) => p * q, 1);
      throw new RuntimeError(`mat1 and mat2 shapes cannot be multiplied (${rows}x${k} and ${k2}x${m})`);
    }
    const batch = broadcastShapes(sa.slice(0, -2), sb.slice(0, -2));
    return [{ dtype: a0.dtype, shape: [...batch, n, m] }];
  },
  lower: (g, [a, b], t, io) => {
    const swap = (x: string, rank: number) => g.op1('Transpose', [x], { perm: [...Array.from({ length: rank - 2 }, (_, i) => i), rank - 1, rank - 2] });
    const ra = io.inputs[0].rank;
    const rb = io.inputs[1].rank;
    if ((t.ta || t.tb) && ra === 2 && rb === 2 && io.inputs[0].dtype.is_floating_point)
      return [g.op1('Gemm', [a, b], { transA: t.ta ? 1 : 0, transB: t.tb ? 1 : 0 })];
    return [g.op1('MatMul', [t.ta ? swap(a, ra) : a, t.tb ? swap(b, rb) : b])];
  },
  attrKey: (t) => (t.ta ? 'T' : 'N') + (t.tb ? 'T' : 'N'),
  parallel: ([a], [y], t) => {
    const s = y.shape;
    let outN = 1;
    for (const d of s) outN *= d;
    return outN * a._shape[a._shape.length - (t.ta ? 2 : 1)] >= PARALLEL_MACS;
  },
  grad: (ctx, [gy]) => {
    const [a, b] = ctx.inputs;
    const { ta, tb } = ctx.attrs;
    const A = ta ? mT(a) : a;
    const B = tb ? mT(b) : b;
    return [
      ctx.needs[0] ? (ta ? matmul(B, mT(gy!)) : matmul(gy!, mT(B))) : null,
      ctx.needs[1] ? (tb ? matmul(mT(gy!), A) : matmul(mT(A), gy!)) : null,
    ];
  },
});

function swapLast(s: readonly number[], swap: boolean): readonly number[] {
  if (!swap) return s;
  const r = s.slice();
  [r[r.length - 2], r[r.length - 1]] = [r[r.length - 1], r[r.length - 2]];
  return r;
}

/** A transposed view of contiguous memory (x.mT contiguous, x not): multiply its transpose instead. */
function transposedView(x: Tensor): boolean {
  if (x._contig || x._strides === null || x._shape.length < 2) return false;
  const sh = swapLast(x._shape, true);
  const st = swapLast(x._strides, true);
  return isContiguous(sh, st);
}

function zerosProduct(a: Tensor, b: Tensor): Tensor {
  const batch = broadcastShapes(a._shape.slice(0, -2), b._shape.slice(0, -2));
  const y = zeros([...batch, a._shape[a._shape.length - 2], b._shape[b._shape.length - 1]], { dtype: a.dtype });
  // Keeps the graph connected (the inputs' gradients are empty).
  return a._rg || b._rg ? add(y, mul(add(sum(a), sum(b)), 0)) : y;
}

/** The product of 2-D+ operands, handing transposed views to the kernel as they are. */
export function matmulPrimitive(a: Tensor, b: Tensor): Tensor {
  // onnxruntime leaves the output of an empty product (k = 0) uninitialised: it is zeros.
  if (a._shape[a._shape.length - 1] === 0) return zerosProduct(a, b);
  const ta = transposedView(a);
  const tb = transposedView(b);
  return apply1(MatMul, [ta ? mT(a) : a, tb ? mT(b) : b], { ta, tb });
}

const prod = (s: readonly number[]): number => s.reduce((p, q) => p * q, 1);

/** PyTorch 1.13's matmul checks and messages, following the path it takes (dot, mv, mm, folded mm/mv, bmm). */
function checkMatmul(a: Tensor, b: Tensor): void {
  const sa = a._shape;
  const sb = b._shape;
  const ra = sa.length;
  const rb = sb.length;
  if (ra === 0 || rb === 0) throw new RuntimeError(`both arguments to matmul need to be at least 1D, but they are ${ra}D and ${rb}D`);
  if (ra === 1 && rb === 1) {
    if (a.dtype !== b.dtype)
      throw new RuntimeError(`dot : expected both vectors to have same dtype, but found ${a.dtype.scalarName} and ${b.dtype.scalarName}`);
    if (sa[0] !== sb[0])
      throw new RuntimeError(
        `inconsistent tensor size, expected tensor [${sa[0]}] and src [${sb[0]}] to have the same number of elements, but got ${sa[0]} and ${sb[0]} elements respectively`,
      );
    return;
  }
  // No type promotion in matmul.
  if (a.dtype !== b.dtype) throw new RuntimeError(`expected scalar type ${a.dtype.scalarName} but found ${b.dtype.scalarName}`);
  const k = sa[ra - 1];
  const k2 = rb === 1 ? sb[0] : sb[rb - 2];
  if (ra >= 3 && rb >= 3) {
    const batch = broadcastShapes(sa.slice(0, -2), sb.slice(0, -2));
    if (k !== k2) {
      const n = prod(batch);
      throw new RuntimeError(`Expected size for first two dimensions of batch2 tensor to be: [${n}, ${k}] but got: [${n}, ${k2}].`);
    }
    return;
  }
  if (k === k2) return;
  if (rb >= 3) {
    // a (1-D or 2-D) times a batch: PyTorch folds b.mT into a matrix and multiplies it by a.mT.
    const rows = prod(sb.slice(0, -2)) * sb[rb - 1];
    if (ra === 1) throw new RuntimeError(`size mismatch, got input (${rows}), mat (${rows}x${k2}), vec (${k})`);
    throw new RuntimeError(`mat1 and mat2 shapes cannot be multiplied (${rows}x${k2} and ${k}x${sa[0]})`);
  }
  const rows = prod(sa.slice(0, -1));
  // Matrix × vector keeps PyTorch 2.x's wording (test/errors.test.ts); 1.13 said 'size mismatch, got 2, 2x3,4'.
  if (rb === 1) throw new RuntimeError(`size mismatch, got input (${rows}), mat (${rows}x${k}), vec (${k2})`);
  throw new RuntimeError(`mat1 and mat2 shapes cannot be multiplied (${rows}x${k} and ${k2}x${sb[1]})`);
}

/**
 * torch.matmul(input, other): 1-D and 2-D products, and batched products with broadcasting.
 * @example
 * x.matmul(w); torch.matmul(a, b);
 */
export function matmul(input: Tensor, other: Tensor): Tensor {
  let a = input;
  let b = other;
  checkMatmul(a, b);
  const ra = a._shape.length;
  const rb = b._shape.length;
  // Lift 1-D operands to matrices, multiply, then drop the added dims (PyTorch's semantics).
  if (ra === 1) a = reshape(a, [1, a._shape[0]]);
  if (rb === 1) b = reshape(b, [b._shape[0], 1]);
  let y = matmulPrimitive(a, b);
  if (ra === 1 || rb === 1) {
    const s = y._shape.slice();
    if (rb === 1) s.pop();
    if (ra === 1) s.splice(rb === 1 ? s.length - 1 : s.length - 2, 1);
    y = reshape(y, s);
  }
  return y;
}

/** torch.mm: 2-D × 2-D only. */
export function mm(input: Tensor, mat2: Tensor): Tensor {
  if (input._shape.length !== 2) throw new RuntimeError('self must be a matrix');
  if (mat2._shape.length !== 2) throw new RuntimeError('mat2 must be a matrix');
  return matmul(input, mat2);
}

/** torch.bmm: 3-D × 3-D with equal batch sizes. */
export function bmm(input: Tensor, mat2: Tensor): Tensor {
  if (input._shape.length !== 3) throw new RuntimeError('batch1 must be a 3D tensor');
  if (mat2._shape.length !== 3) throw new RuntimeError('batch2 must be a 3D tensor');
  const [b, , k] = input._shape;
  if (mat2._shape[0] !== b || mat2._shape[1] !== k)
    throw new RuntimeError(`Expected size for first two dimensions of batch2 tensor to be: [${b}, ${k}] but got: [${mat2._shape[0]}, ${mat2._shape[1]}].`);
  return matmul(input, mat2);
}

declare module '../tensor.js' {
  interface Tensor {
    matmul(other: Tensor): Tensor;
    mm(mat2: Tensor): Tensor;
    bmm(mat2: Tensor): Tensor;
  }
}
Tensor.prototype.matmul = function (this: Tensor, other: Tensor) {
  return matmul(this, other);
};
Tensor.prototype.mm = function (this: Tensor, other: Tensor) {
  return mm(this, other);
};
Tensor.prototype.bmm = function (this: Tensor, other: Tensor) {
  return bmm(this, other);
};
