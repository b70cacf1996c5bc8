// Distribution kernels (DistributionsHelper.h / TransformationHelper.h, native/cpu/DistributionTemplates.h):
// each draws from a Generator in PyTorch's order and writes a tensor's typed array directly.
import { bool, type DType, float32, float64, int32, int64 } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor, fma64, writeElem } from '../creation.js';
import { expand } from '../ops/expand.js';
import type { Generator } from './generator.js';
import { logCR, sincosCR } from './ddmath.js';
import { fma, logf, sincosf } from './avx_mathfun.js';

const f32 = Math.fround;
const TWO_POW_M24 = 1 / 16777216;
const TWO_POW_M53 = 1 / 9007199254740992;

/** uniform_real_distribution<float>(0, 1): 24 random bits of one 32-bit draw. */
const uniformFloat = (g: Generator): number => (g.random() & 0xffffff) * TWO_POW_M24;
/** uniform_real_distribution<double>(0, 1): 53 random bits of one 64-bit draw. */
export const uniformDouble = (g: Generator): number => g._random53() * TWO_POW_M53;

/** normal_distribution<double>: Box-Muller over two doubles; the sine half is cached for the next call. */
function normalDouble(g: Generator, mean: number, std: number): number {
  if (g._nextDoubleNormal !== null) {
    const r = g._nextDoubleNormal * std + mean;
    g._nextDoubleNormal = null;
    return r;
  }
  const u1 = uniformDouble(g);
  const u2 = uniformDouble(g);
  const r = Math.sqrt(-2.0 * logCR(1.0 - u2));
  const [sin, cos] = sincosCR(2.0 * Math.PI * u1);
  g._nextDoubleNormal = r * sin;
  return r * cos * std + mean;
}

const TWO_PI_F = f32(2 * Math.PI);

/** normal_fill_16_AVX2: Box-Muller over data[j] and data[j + 8], j < 8, in place. */
function normalFill16Avx2(d: Float32Array, o: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = f32(1 - d[o + j]);
    const u2 = d[o + j + 8];
    const radius = f32(Math.sqrt(f32(-2 * logf(u1))));
    const [s, c] = sincosf(f32(TWO_PI_F * u2));
    d[o + j] = fma(f32(radius * c), std, mean);
    d[o + j + 8] = fma(f32(radius * s), std, mean);
  }
}

/** normal_fill_16<double>: the scalar Box-Muller PyTorch uses for float64 tensors of 16+ elements. */
function normalFill16(d: Float64Array, o: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = 1 - d[o + j];
    const u2 = d[o + j + 8];
    const radius = Math.sqrt(-2 * logCR(u1));
    const [sin, cos] = sincosCR(2.0 * Math.PI * u2);
    d[o + j] = radius * cos * std + mean;
    d[o + j + 8] = radius * sin * std + mean;
  }
}

/** normal_kernel: fills a tensor's memory with N(mean, std) exactly as PyTorch's CPU kernel does. */
function normalFill(t: Tensor, mean: number, std: number, g: Generator): void {
  const d = t._data;
  const n = d.length;
  if (n >= 16 && (t.dtype === float32 || t.dtype === float64)) {
    const f = t.dtype === float32;
    const uni = f ? uniformFloat : uniformDouble;
    const fill = f ? (o: number) => normalFill16Avx2(d as Float32Array, o, f32(mean), f32(std)) : (o: number) => normalFill16(d as Float64Array, o, mean, std);
    for (let i = 0; i < n; i++) (d as Float64Array)[i] = uni(g);
    for (let i = 0; i < n - 15; i += 16) fill(i);
    if (n % 16 !== 0) {
      // PyTorch recomputes the last 16 values from fresh uniforms.
      for (let i = n - 16; i < n; i++) (d as Float64Array)[i] = uni(g);
      fill(n - 16);
    }
    return;
  }
  for (let i = 0; i < n; i++) (d as Float64Array)[i] = normalDouble(g, mean, std);
}

/** Writes f(i) into every element in order (int64 as BigInt, bool as 0/1). */
export function store(t: Tensor, f: (i: number) => number): void {
  const d = t._data;
  const n = d.length;
  if (t.dtype === int64) for (let i = 0; i < n; i++) (d as BigInt64Array)[i] = BigInt(f(i));
  else if (t.dtype === bool) for (let i = 0; i < n; i++) (d as Uint8Array)[i] = f(i) !== 0 ? 1 : 0;
  else if (t.dtype.isHalf) for (let i = 0; i < n; i++) writeElem(d, i, f(i), t.dtype);
  else for (let i = 0; i < n; i++) (d as Float64Array)[i] = f(i);
}

/** float16/bfloat16: drawn as float32 and rounded (values as PyTorch's distribution, not its exact draws). */
function viaFloat32(t: Tensor, fill: (f: Tensor) => void): void {
  const f = emptyTensor(t._shape, float32);
  fill(f);
  const d = t._data;
  const s = f._data as Float32Array;
  for (let i = 0; i < s.length; i++) writeElem(d, i, s[i], t.dtype);
}

const notImpl = (kernel: string, d: DType) => new RuntimeError(`"${kernel}" not implemented for '${d.scalarName}'`);

export function uniformWrite(t: Tensor, from: number, to: number, g: Generator): void {
  if (!t.dtype.is_floating_point) throw notImpl('check_uniform_bounds', t.dtype);
  if (from > to) throw new RuntimeError(`uniform_ expects to return a [from, to) range, but found from=${from} > to=${to}`);
  if (t.dtype.isHalf) return viaFloat32(t, (f) => uniformWrite(f, from, to, g));
  const d = t._data as Float64Array;
  if (t.dtype === float32) {
    // uniform_real_distribution<float>: float arithmetic, x*(to-from)+from contracted to one FMA.
    const lo = f32(from);
    const range = f32(f32(to) - lo);
    for (let i = 0; i < d.length; i++) d[i] = f32(uniformFloat(g) * range + lo);
  } else {
    const range = to - from;
    for (let i = 0; i < d.length; i++) d[i] = fma64(uniformDouble(g), range, from);
  }
}

export function normalWrite(t: Tensor, mean: number, std: number, g: Generator): void {
  if (!t.dtype.is_floating_point) throw notImpl('normal_kernel_cpu', t.dtype);
  if (!(std >= 0)) throw new RuntimeError(`normal expects std >= 0.0, but found std ${std}`);
  if (t.dtype.isHalf) return viaFloat32(t, (f) => normalFill(f, mean, std, g));
  normalFill(t, mean, std, g);
}

/** random_from_to: val % range + base, from 64 random bits when the range needs them. */
export function randomFromToWrite(t: Tensor, from: number, to: number, g: Generator): void {
  if (!(from < to)) throw new RuntimeError(`random_ expects 'from' to be less than 'to', but got from=${from} >= to=${to}`);
  const range = to - from;
  const wide = range >= 2 ** 32 && (t.dtype === int64 || t.dtype === float64 || t.dtype === float32);
  if (t.dtype === int64) {
    const r = BigInt(range);
    const b = BigInt(from);
    const d = t._data as BigInt64Array;
    for (let i = 0; i < d.length; i++) d[i] = (wide ? g._random64() : BigInt(g.random())) % r + b;
    return;
  }
  store(t, () => (wide ? Number(g._random64() % BigInt(range)) : g.random() % range) + from);
}

/** random_() without bounds: uniform_int over [0, 2^mantissa] for floats, [0, max] for integers. */
export function randomFullWrite(t: Tensor, g: Generator): void {
  const d = t._data;
  for (let i = 0; i < d.length; i++) {
    if (t.dtype === int64) (d as BigInt64Array)[i] = g._random64() % (1n << 63n);
    else if (t.dtype === float64) (d as Float64Array)[i] = Number(g._random64() % ((1n << 53n) + 1n));
    else if (t.dtype === float32) (d as Float32Array)[i] = g.random() % (2 ** 24 + 1);
    else if (t.dtype === int32) (d as Int32Array)[i] = g.random() % 2 ** 31;
    else (d as Uint8Array)[i] = g.random() & 1;
  }
}

/** randperm_cpu's Fisher-Yates: 0..n-1 shuffled with one 32-bit draw per swap. */
export function randpermFill(n: number, g: Generator): Float64Array {
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = 0; i < n - 1; i++) {
    const z = g.random() % (n - i);
    const s = p[i];
    p[i] = p[z + i];
    p[z + i] = s;
  }
  return p;
}

/** bernoulli_distribution: uniform < p, with a double uniform for a scalar or float64 p, else a float one. */
export function bernoulliWrite(t: Tensor, p: number | Tensor, g: Generator): void {
  if (typeof p === 'number') {
    if (!(p >= 0 && p <= 1)) throw new RuntimeError(`bernoulli_ expects p to be in [0, 1], but got p=${p}`);
    store(t, () => (uniformDouble(g) < p ? 1 : 0));
    return;
  }
  if (!p.dtype.is_floating_point) throw notImpl('bernoulli_tensor_cpu_p_', p.dtype);
  const pd = (p.numel() === t.numel() ? p : expand(p, t.shape))._data as Float64Array;
  const uni = p.dtype === float64 ? uniformDouble : uniformFloat;
  store(t, (i) => (uni(g) < pd[i] ? 1 : 0));
}

/** exponential_distribution<double>: -1/lambda * log(1 - u). */
export function exponentialWrite(t: Tensor, lambd: number, g: Generator): void {
  if (!t.dtype.is_floating_point) throw notImpl('exponential_cpu', t.dtype);
  if (!(lambd >= 0)) throw new RuntimeError(`exponential_ expects lambda >= 0.0, but found lambda=${lambd}`);
  store(t, () => (-1.0 / lambd) * logCR(1 - uniformDouble(g)));
}
