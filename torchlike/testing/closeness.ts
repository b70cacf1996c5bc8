// The numeric core of assert_close for two tensors of one shape: torch.isclose after PyTorch's
// promotion (float -> float64, integral and bool -> int64), and the statistics its message prints.
import { promote_types, type DType } from '../../src/dtype.js';
import type { Tensor } from '../../src/tensor.js';

export interface Closeness {
  /** number of elements that are not close */
  mismatches: number;
  numel: number;
  /** true when compared as integers (the message prints ints) */
  integral: boolean;
  /** greatest |a - b| over the mismatches (0 when none), first index of it (flat) */
  absDiff: number | bigint;
  absIdx: number;
  /** greatest |a - b| / |b| over the mismatches, first index of it (flat) */
  relDiff: number;
  relIdx: number;
  /** greatest |a - b| and |a - b| / |b| over all elements (NaN-propagating), for reports */
  maxAbs: number;
  maxRel: number;
}

const f32 = Math.fround;

// dtypes whose typed array holds the values themselves; others (float16, bfloat16 stored as bits)
// are widened by a cast op first
const NATIVE = new Set(['float32', 'float64', 'int32', 'int64', 'bool', 'uint8', 'int8', 'int16']);
const dense = (t: Tensor): Tensor['_data'] => (NATIVE.has(t.dtype.name) ? t._data : t.double()._data);

/** Values of `t` cast to `to` (then widened to float64 or int64), in row-major order. */
function floatValues(t: Tensor, to: DType): Float64Array {
  const d = dense(t);
  const out = new Float64Array(d.length);
  const round = to.name === 'float32' ? f32 : (v: number) => v;
  for (let i = 0; i < d.length; i++) out[i] = round(Number(d[i]));
  return out;
}
function intValues(t: Tensor): BigInt64Array {
  const d = t._data;
  if (d instanceof BigInt64Array) return d;
  const out = new BigInt64Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = BigInt(d[i] as number);
  return out;
}

/** First index of the greatest value; a NaN counts as the greatest (torch.max over dim 0 on CPU). */
function argmax(xs: Float64Array | number[]): [number, number] {
  let best = xs.length ? xs[0] : 0;
  let idx = 0;
  for (let i = 0; i < xs.length && !Number.isNaN(best); i++) {
    if (Number.isNaN(xs[i]) || xs[i] > best) [best, idx] = [xs[i], i];
  }
  return [best, idx];
}

/** Compares two same-shape tensors as torch.testing's TensorLikePair._compare_regular_values_close. */
export function closeness(actual: Tensor, expected: Tensor, rtol: number, atol: number, equal_nan: boolean): Closeness {
  const common = promote_types(actual.dtype, expected.dtype);
  const n = actual.numel();
  const absAll = new Float64Array(n);
  const relAll = new Float64Array(n);
  const close = new Uint8Array(n);
  let absInt: BigInt64Array | null = null;
  if (common.is_floating_point) {
    const a = floatValues(actual, common);
    const b = floatValues(expected, common);
    for (let i = 0; i < n; i++) {
      const d = Math.abs(a[i] - b[i]);
      absAll[i] = d;
      relAll[i] = d / Math.abs(b[i]);
      const ok = a[i] === b[i] || (equal_nan && Number.isNaN(a[i]) && Number.isNaN(b[i])) ||
        ((rtol !== 0 || atol !== 0) && Number.isFinite(d) && d <= atol + Math.abs(rtol * b[i]));
      close[i] = ok ? 1 : 0;
    }
  } else {
    // integers: exact equality; with tolerances, isclose works in the default float dtype (float32)
    const a = intValues(actual);
    const b = intValues(expected);
    absInt = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      const diff = a[i] - b[i];
      const d = diff < 0n ? -diff : diff;
      absInt[i] = d;
      absAll[i] = Number(d);
      const bAbs = b[i] < 0n ? -b[i] : b[i];
      relAll[i] = f32(f32(Number(d)) / f32(Number(bAbs)));
      const ok = a[i] === b[i] || ((rtol !== 0 || atol !== 0) && f32(Number(d)) <= f32(f32(atol) + Math.abs(f32(f32(rtol) * f32(Number(b[i]))))));
      close[i] = ok ? 1 : 0;
    }
  }
  let mismatches = 0;
  const absMis = new Float64Array(n);
  const relMis = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (close[i]) continue;
    mismatches++;
    absMis[i] = absAll[i];
    relMis[i] = relAll[i];
  }
  const [absD, absIdx] = argmax(absMis);
  const [relDiff, relIdx] = argmax(relMis);
  const finiteRel = relAll.map((r, i) => (absAll[i] === 0 ? 0 : r));
  return {
    mismatches, numel: n, integral: !common.is_floating_point,
    absDiff: absInt ? (n && !close[absIdx] ? absInt[absIdx] : 0n) : absD,
    absIdx, relDiff, relIdx,
    maxAbs: argmax(absAll)[0], maxRel: argmax(finiteRel)[0],
  };
}
