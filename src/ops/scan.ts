// _scan: the one scan primitive behind cumsum, cumprod, cummax, cummin and logcumsumexp
// (MLX's Scan: one op parameterised by its reduction, one gradient rule).
//
// Evaluation is a pure-JS eager kernel for every kind: it accumulates in float64 for float32
// input, as PyTorch's CPU kernels do (acc_type<float> is double), so results match PyTorch's
// bit for bit where ORT's CumSum (float32 accumulation) would not. ONNX has a node only for
// the running sum: `sum` lowers to CumSum; the others cannot be expressed exactly by ONNX
// (exp(cumsum(log|x|)) loses precision and signs of zero, and ONNX Scan/Loop would run one
// subgraph per element), so exporting them throws `cumprod cannot be exported to ONNX`.
import { bind } from '../args.js';
import { type DType, int64, toDType, type TypedArray } from '../dtype.js';
import { apply, apply1 } from '../dispatch.js';
import { halfCodec } from '../half.js';
import { defineOp, type Meta, type OpDef } from '../op.js';
import { normDim, numel } from '../shape.js';
import { Tensor } from '../tensor.js';
import { abs } from './abs.js';
import { div } from './div.js';
import { eq } from './eq.js';
import { exp } from './exp.js';
import { gt } from './gt.js';
import { log } from './log.js';
import { logical_and } from './logical_and.js';
import { lt } from './lt.js';
import { mul } from './mul.js';
import { scatter_add } from './scatter_add.js';
import { sub } from './sub.js';
import { add } from './add.js';
import { where } from './where.js';
import { to_dtype } from './to_dtype.js';
import { zeros_like } from '../creation.js';

export type ScanKind = 'sum' | 'prod' | 'max' | 'min' | 'logaddexp';

export interface ScanAttrs {
  kind: ScanKind;
  /** a normalised dim of the input (0 for a 0-d input) */
  dim: number;
  /** scan from the end (the gradients of cumsum/cumprod/logcumsumexp) */
  reverse: boolean;
}

/** The public name of each kind (errors, grad_fn). */
export const SCAN_NAMES: Record<ScanKind, string> = {
  sum: 'cumsum', prod: 'cumprod', max: 'cummax', min: 'cummin', logaddexp: 'logcumsumexp',
};
const BACKWARD: Record<ScanKind, string> = {
  sum: 'CumsumBackward0', prod: 'CumprodBackward0', max: 'CummaxBackward0', min: 'CumminBackward0', logaddexp: 'LogcumsumexpBackward0',
};

/** log(exp(a) + exp(b)) as PyTorch's _log_add_exp_helper computes it (inf-safe). */
function logAddExp(a: number, b: number): number {
  const mn = Math.min(a, b);
  const mx = Math.max(a, b);
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (mn !== mx || Number.isFinite(mn)) return mx + Math.log1p(Math.exp(mn - mx));
  return a; // both +inf or both -inf
}

/** Runs the scan over dense row-major values of a tensor of `shape` along `dim`. */
function scanKernel(src: TypedArray, dst: TypedArray, idx: BigInt64Array | null, shape: readonly number[], a: ScanAttrs, dt: DType): void {
  const n = shape.length === 0 ? 1 : shape[a.dim];
  let inner = 1;
  for (let i = a.dim + 1; i < shape.length; i++) inner *= shape[i];
  const outer = n === 0 ? 0 : numel(shape) / (n * inner);
  const big = dt === int64;
  const half = dt.isHalf ? halfCodec(dt) : null;
  const kind = a.kind;
  // indices are written as the low words of the int64 output (little-endian; the high words stay 0)
  const idx32 = idx ? new Int32Array(idx.buffer, idx.byteOffset, idx.length * 2) : null;
  for (let o = 0; o < outer; o++)
    for (let q = 0; q < inner; q++) {
      const base = o * n * inner + q;
      const first = a.reverse ? base + (n - 1) * inner : base;
      const step = a.reverse ? -inner : inner;
      if (big) {
        const s = src as BigInt64Array;
        const d = dst as BigInt64Array;
        let acc = s[first];
        let ai = 0;
        d[first] = acc;
        if (idx) idx[first] = 0n;
        for (let k = 1, p = first + step; k < n; k++, p += step) {
          const v = s[p];
          if (kind === 'sum') acc = BigInt.asIntN(64, acc + v);
          else if (kind === 'prod') acc = BigInt.asIntN(64, acc * v);
          else if (kind === 'max' ? v >= acc : v <= acc) { acc = v; ai = k; }
          d[p] = acc;
          if (idx) idx[p] = BigInt(ai);
        }
        continue;
      }
      if (half) {
        // 16-bit floats: decode, scan in float64, encode.
        const m = n;
        const tmpIn = new Float64Array(m);
        const tmpOut = new Float64Array(m);
        for (let k = 0, p = first; k < m; k++, p += step) tmpIn[k] = half.dec((src as Uint16Array)[p]);
        scanRow(kind, tmpIn, tmpOut, idx32, 0, 1, m, first, step);
        for (let k = 0, p = first; k < m; k++, p += step) (dst as Uint16Array)[p] = half.enc(tmpOut[k]);
        continue;
      }
      scanRow(kind, src as Float64Array, dst as Float64Array, idx32, first, step, n, first, step);
    }
}

/**
 * One row of a float scan: reads s[first + k·step], writes d at the same places, and the
 * index (as the low word of an int64; indices are ≥ 0) at ifirst + k·istep. Accumulates in
 * float64 (PyTorch's acc_type for float). Separate loops per kind keep each one monomorphic.
 */
function scanRow(kind: ScanKind, s: Float64Array, d: Float64Array, idx: Int32Array | null, first: number, step: number, n: number, ifirst: number, istep: number): void {
  const end = first + n * step;
  switch (kind) {
    case 'sum': {
      let acc = 0;
      for (let p = first; p !== end; p += step) d[p] = acc += s[p];
      return;
    }
    case 'prod': {
      let acc = 1;
      for (let p = first; p !== end; p += step) d[p] = acc *= s[p];
      return;
    }
    case 'max':
    case 'min': {
      // PyTorch: the running value moves on ties (>=) and to the first NaN, where it stays.
      const i = idx!;
      const isMax = kind === 'max';
      let acc = s[first];
      let ai = 0;
      let q = 2 * ifirst;
      const qstep = 2 * istep;
      for (let k = 0, p = first; k < n; k++, p += step, q += qstep) {
        const v = s[p];
        if (acc === acc && (v !== v || (isMax ? v >= acc : v <= acc))) {
          acc = v;
          ai = k;
        }
        d[p] = acc;
        i[q] = ai;
      }
      return;
    }
    case 'logaddexp': {
      let acc = -Infinity;
      for (let p = first; p !== end; p += step) d[p] = acc = logAddExp(s[p], acc);
      return;
    }
  }
}

export const Scan: OpDef<ScanAttrs> = defineOp<ScanAttrs>({
  name: '_scan',
  backwardName: (a) => BACKWARD[a.kind],
  infer: ([x], a): Meta[] => {
    const v = { dtype: x.dtype, shape: x._shape };
    return a.kind === 'max' || a.kind === 'min' ? [v, { dtype: int64, shape: x._shape }] : [v];
  },
  eager: ([x], a, out) => {
    const y = new Tensor(new x.dtype.array(numel(x._shape)), x._shape.slice(), x.dtype);
    const idx = out.length > 1 ? new Tensor(new BigInt64Array(numel(x._shape)), x._shape.slice(), int64) : null;
    scanKernel(x._data, y._data, idx ? (idx._data as BigInt64Array) : null, x._shape, a, x.dtype);
    return idx ? [y, idx] : [y];
  },
  lower: (g, [x], a, io) => {
    if (a.kind !== 'sum') throw new Error(`${SCAN_NAMES[a.kind]} cannot be exported to ONNX`);
    // ONNX CumSum needs at least one dim.
    if (io.inputs[0].rank === 0) {
      const one = g.op1('Reshape', [x, g.ints([1])]);
      const y = g.op1('CumSum', [one, g.int(0)], { reverse: a.reverse ? 1 : 0 });
      return [g.op1('Reshape', [y, g.ints([])])];
    }
    return [g.op1('CumSum', [x, g.int(a.dim)], { reverse: a.reverse ? 1 : 0 })];
  },
  attrKey: (a) => a.kind + a.dim + (a.reverse ? 'r' : ''),
  saves: { inputs: [0], outputs: [0] },
  grad: (ctx, [gy]) => {
    const a = ctx.attrs;
    const x = ctx.inputs[0];
    const y = ctx.outputs[0];
    const rev = (t: Tensor, kind: ScanKind = 'sum') => apply1(Scan, [t], { kind, dim: a.dim, reverse: !a.reverse });
    switch (a.kind) {
      case 'sum':
        // The gradient of a running sum is the running sum from the other end.
        return [rev(gy!)];
      case 'prod': {
        // PyTorch's cumprod_backward, zeros included: before the first zero (along the scan)
        // dx_i = Σ_{j≥i} gy_j·y_j / x_i; at the first zero k, dx_k = Σ_{j≥k} gy_j·y'_j with y' the
        // cumprod of x whose x_k is replaced by 1; after it, 0.
        if (x._shape.length === 0) return [gy];
        const z = eq(x, 0);
        const zc = scanOf(to_dtype(z, int64), 'sum', a);
        const before = eq(zc, 0);
        const firstZero = logical_and(z, eq(zc, 1));
        const dNoZero = div(rev(mul(gy!, y)), where(before, x, 1));
        const y1 = scanOf(where(firstZero, 1, x), 'prod', a);
        const dZero = rev(mul(gy!, y1));
        return [where(before, dNoZero, where(firstZero, dZero, 0))];
      }
      case 'max':
      case 'min':
        // Each output took its value from the element at its index: send the gradient there
        // (the indices are recomputed from the saved input: saves cannot depend on the kind).
        if (x._shape.length === 0) return [gy];
        return [scatter_add(zeros_like(gy!), a.dim, apply(Scan, [x], a)[1], gy!)];
      case 'logaddexp': {
        // PyTorch's logcumsumexp_backward: positive and negative parts of gy in log space.
        if (x._shape.length === 0) return [gy];
        const lowest = x.dtype.name === 'float64' ? -Number.MAX_VALUE : -3.4028234663852886e38;
        const logAbs = log(abs(gy!));
        const pos = where(gt(gy!, 0), logAbs, lowest);
        const neg = where(lt(gy!, 0), logAbs, lowest);
        const outPos = exp(add(rev(sub(pos, y), 'logaddexp'), x));
        const outNeg = exp(add(rev(sub(neg, y), 'logaddexp'), x));
        return [sub(outPos, outNeg)];
      }
    }
  },
});

/** Applies the scan primitive (values only) along the dim of `a`, forward. */
function scanOf(t: Tensor, kind: ScanKind, a: ScanAttrs): Tensor {
  return apply1(Scan, [t], { kind, dim: a.dim, reverse: a.reverse });
}

/** The scan of a tensor already of the result dtype: values (and indices for max/min). */
export function scan(x: Tensor, kind: ScanKind, dim: number, reverse = false): Tensor[] {
  return apply(Scan, [x], { kind, dim, reverse });
}

/**
 * The public scan functions' argument handling: `(input, dim, { dtype })` for cumsum/cumprod
 * (integers and bools give int64 unless dtype says otherwise), `(input, dim)` for the others.
 */
export function scanArgs(name: string, input: Tensor, args: readonly unknown[], withDtype: boolean): { x: Tensor; dim: number } {
  const o = bind<{ dim: number; dtype?: DType | string }>(['dim'], args);
  if (typeof o.dim !== 'number') throw new TypeError(`${name}() missing required argument 'dim' (pos 1)`);
  let x = input;
  if (withDtype) {
    const dt = o.dtype ? toDType(o.dtype, x.dtype) : x.dtype.is_floating_point ? x.dtype : int64;
    if (dt !== x.dtype) x = to_dtype(x, dt);
  }
  return { x, dim: normDim(o.dim, x._shape.length) };
}
