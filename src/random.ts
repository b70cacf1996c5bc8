// Random number generation, bit-for-bit like PyTorch 1.13's CPU generator: the same mt19937 stream,
// the same transformations (ATen's DistributionsHelper.h / TransformationHelper.h) and the same
// kernels (native/cpu/DistributionTemplates.h), so torch.manual_seed(0) gives PyTorch's numbers.
import { bind, isOpts, sizeArgs } from './args.js';
import { bool, type DType, float32, float64, get_default_dtype, int32, int64, toDType } from './dtype.js';
import { RuntimeError } from './errors.js';
import { broadcastShapes } from './shape.js';
import { Tensor } from './tensor.js';
import { emptyTensor, finish, fma64, type TensorOptions } from './creation.js';
import { no_grad } from './autograd/grad_mode.js';
import { checkInplace } from './ops/_inplace.js';
import { add } from './ops/add.js';
import { mul } from './ops/mul.js';
import { expand } from './ops/expand.js';

// ---------------------------------------------------------------------------------------------
// mt19937 (aten/src/ATen/core/MT19937RNGEngine.h): left/next kept as PyTorch keeps them, so that
// get_state() bytes match torch.get_rng_state().

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UMASK = 0x80000000;
const LMASK = 0x7fffffff;
const twist = (u: number, v: number): number => ((((u & UMASK) | (v & LMASK)) >>> 1) ^ (v & 1 ? MATRIX_A : 0)) >>> 0;

class MT19937 {
  state = new Uint32Array(N);
  left = 1;
  next = 0;
  constructor(seed: bigint) {
    let s = Number(BigInt.asUintN(32, seed));
    const st = this.state;
    st[0] = s;
    for (let j = 1; j < N; j++) {
      s = (Math.imul(1812433253, s ^ (s >>> 30)) + j) >>> 0;
      st[j] = s;
    }
  }
  private nextState(): void {
    const p = this.state;
    this.left = N;
    this.next = 0;
    let i = 0;
    for (; i < N - M; i++) p[i] = p[i + M] ^ twist(p[i], p[i + 1]);
    for (; i < N - 1; i++) p[i] = p[i + M - N] ^ twist(p[i], p[i + 1]);
    p[i] = p[i + M - N] ^ twist(p[i], p[0]);
  }
  /** The next 32-bit output. */
  u32(): number {
    if (--this.left === 0) this.nextState();
    let y = this.state[this.next++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}

const DEFAULT_RNG_SEED = 67280421310721n; // c10::detail::default_rng_seed_val
const STATE_BYTES = 5056; // sizeof(CPUGeneratorImplState)

/** A fresh non-deterministic seed below 2^53 (so it survives being a JS number). */
function nondeterministicSeed(): bigint {
  const a = new Uint32Array(2);
  globalThis.crypto.getRandomValues(a);
  return (BigInt(a[0] & 0x1fffff) << 32n) | BigInt(a[1]);
}

/**
 * torch.Generator: PyTorch's CPU generator (mt19937 plus a cached normal sample).
 * @example
 * const g = new torch.Generator().manual_seed(42);
 * torch.rand(3, { generator: g }); // same numbers as PyTorch's torch.rand(3, generator=g)
 */
export class Generator {
  /** @internal */ _engine: MT19937;
  /** @internal */ _seed: bigint;
  /** @internal the second Box-Muller value normal_distribution<double> keeps for the next call */
  _nextDoubleNormal: number | null = null;
  /** @internal */ _nextFloatNormal: number | null = null;
  readonly device = 'cpu';

  constructor(device: string | { type: string } = 'cpu') {
    const d = typeof device === 'string' ? device : device.type;
    if (d !== 'cpu') throw new RuntimeError(`Device type ${d.toUpperCase()} is not supported for torch.Generator() api.`);
    this._seed = DEFAULT_RNG_SEED;
    this._engine = new MT19937(this._seed);
  }

  /** Seeds the generator and returns it (negative seeds wrap to 64 bits, as in PyTorch). */
  manual_seed(seed: number | bigint): this {
    const s = typeof seed === 'bigint' ? seed : BigInt(Math.trunc(seed));
    this._seed = BigInt.asUintN(64, s);
    this._engine = new MT19937(this._seed);
    this._nextDoubleNormal = null;
    this._nextFloatNormal = null;
    return this;
  }
  /** Seeds from a non-deterministic source and returns the seed. */
  seed(): number {
    const s = nondeterministicSeed();
    this.manual_seed(s);
    return Number(s);
  }
  /** The seed the generator was last seeded with. */
  initial_seed(): number {
    return Number(this._seed);
  }

  /** The 32-bit output of mt19937 (CPUGeneratorImpl::random). */
  random(): number {
    return this._engine.u32();
  }
  /** @internal random64's low 53 bits as an exact double: uniform_real<double>'s numerator. */
  _random53(): number {
    const hi = this._engine.u32();
    const lo = this._engine.u32();
    return (hi & 0x1fffff) * 4294967296 + lo;
  }
  /** @internal random64() as a BigInt (first draw is the high word). */
  _random64(): bigint {
    const hi = this._engine.u32();
    const lo = this._engine.u32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /**
   * The state as PyTorch's CPUGeneratorImplState bytes (5056 values). torchlike has no uint8 dtype,
   * so the bytes come as an int64 tensor; set_state accepts it (or any tensor of byte values).
   */
  get_state(): Tensor {
    const buf = new ArrayBuffer(STATE_BYTES);
    const v = new DataView(buf);
    const e = this._engine;
    v.setBigUint64(0, this._seed, true);
    v.setInt32(8, e.left, true);
    v.setInt32(12, 1, true);
    v.setBigUint64(16, BigInt(e.next), true);
    for (let i = 0; i < N; i++) v.setUint32(24 + 8 * i, e.state[i], true);
    if (this._nextDoubleNormal !== null) {
      v.setFloat64(5024, this._nextDoubleNormal, true);
      v.setInt32(5040, 1, true);
    }
    if (this._nextFloatNormal !== null) {
      v.setFloat32(5048, this._nextFloatNormal, true);
      v.setUint8(5052, 1);
    }
    const bytes = new Uint8Array(buf);
    const out = emptyTensor([STATE_BYTES], int64);
    const d = out._data as BigInt64Array;
    for (let i = 0; i < STATE_BYTES; i++) d[i] = BigInt(bytes[i]);
    return out;
  }
  /** Restores a state from get_state() (or PyTorch's torch.get_rng_state() values). Returns the generator. */
  set_state(new_state: Tensor): this {
    if (new_state.numel() !== STATE_BYTES)
      throw new RuntimeError(`Expected either a THGeneratorState of size 5048 or a CPUGeneratorImplState of size 5056 but found the input RNG state size to be ${new_state.numel()}`);
    const src = new_state._data;
    const bytes = new Uint8Array(STATE_BYTES);
    for (let i = 0; i < STATE_BYTES; i++) bytes[i] = Number(src[i]);
    const v = new DataView(bytes.buffer);
    this._seed = v.getBigUint64(0, true);
    const e = new MT19937(0n);
    e.left = v.getInt32(8, true);
    e.next = Number(v.getBigUint64(16, true));
    for (let i = 0; i < N; i++) e.state[i] = v.getUint32(24 + 8 * i, true);
    this._engine = e;
    this._nextDoubleNormal = v.getInt32(5040, true) ? v.getFloat64(5024, true) : null;
    this._nextFloatNormal = v.getUint8(5052) ? v.getFloat32(5048, true) : null;
    return this;
  }
}

/** torch.default_generator: the generator every random function uses unless given one. */
export const default_generator = new Generator();
default_generator.manual_seed(nondeterministicSeed());

/**
 * torch.manual_seed: seeds the default generator and returns it.
 * @example
 * torch.manual_seed(0);
 * torch.rand(2); // tensor([0.4963, 0.7682]) as in PyTorch
 */
export function manual_seed(seed: number | bigint): Generator {
  return default_generator.manual_seed(seed);
}
/** torch.seed: seeds the default generator non-deterministically and returns the seed. */
export function seed(): number {
  return default_generator.seed();
}
/** torch.initial_seed: the default generator's seed. */
export function initial_seed(): number {
  return default_generator.initial_seed();
}
/** torch.get_rng_state: the default generator's state (see Generator.get_state). */
export function get_rng_state(): Tensor {
  return default_generator.get_state();
}
/** torch.set_rng_state */
export function set_rng_state(new_state: Tensor): void {
  default_generator.set_state(new_state);
}

// ---------------------------------------------------------------------------------------------
// Distributions (DistributionsHelper.h / TransformationHelper.h).

const f32 = Math.fround;
const TWO_POW_M24 = 1 / 16777216;
const TWO_POW_M53 = 1 / 9007199254740992;

/** uniform_real_distribution<float>(0, 1): 24 random bits of one 32-bit draw. */
const uniformFloat = (g: Generator): number => (g.random() & 0xffffff) * TWO_POW_M24;
/** uniform_real_distribution<double>(0, 1): 53 random bits of one 64-bit draw. */
const uniformDouble = (g: Generator): number => g._random53() * TWO_POW_M53;

// glibc's double log/sin/cos are (all but never) correctly rounded; V8's fdlibm ports are off by an
// ulp in a few percent of cases. These double-double versions round correctly, so float64 normals
// match PyTorch bit for bit. Only the random fills use them (speed is not the point here).
type DD = [number, number];
function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}
function split(a: number): DD {
  const t = 134217729 * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}
function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}
function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  return twoSum(s, e + a[1] + b[1]);
}
function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return twoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}
function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  const r = ddAdd(a, ddMul(b, [-q1, 0]));
  const q2 = r[0] / b[0];
  const r2 = ddAdd(r, ddMul(b, [-q2, 0]));
  return ddAdd(twoSum(q1, q2), [r2[0] / b[0], 0]);
}
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const PIO2 = [1.5707963267948966, 6.123233995736766e-17, -1.4973849048591698e-33];

/** log(x), x > 0 finite, correctly rounded: 2*atanh((m-1)/(m+1)) + e*ln2 in double-double. */
function logCR(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Math.log(x);
  let e = Math.floor(Math.log2(x));
  let m = x / 2 ** e;
  if (m < 1) (m *= 2), e--;
  if (m >= 2) (m /= 2), e++;
  if (m > Math.SQRT2) (m /= 2), e++;
  const s = ddDiv(twoSum(m, -1), twoSum(m, 1));
  const s2 = ddMul(s, s);
  let sum: DD = [0, 0];
  for (let k = 45; k >= 1; k -= 2) sum = ddAdd(ddMul(sum, s2), ddDiv([1, 0], [k, 0]));
  const lg = ddMul(ddMul(sum, s), [2, 0]);
  return ddAdd(lg, ddMul(LN2, [e, 0]))[0] + 0;
}

/** sin and cos of x in [0, 8), correctly rounded: reduction by pi/2 in triple precision, Taylor in double-double. */
function sincosCR(x: number): [number, number] {
  const k = Math.round(x / PIO2[0]);
  let r: DD = twoSum(x, 0);
  for (const p of PIO2) r = ddAdd(r, ddMul([-k, 0], [p, 0]));
  const r2 = ddMul(r, r);
  let sn: DD = [0, 0];
  let cs: DD = [0, 0];
  for (let n = 27; n >= 1; n -= 2) sn = ddAdd(ddMul(sn, r2), invFact(n));
  for (let n = 26; n >= 0; n -= 2) cs = ddAdd(ddMul(cs, r2), invFact(n));
  sn = ddMul(sn, r);
  const q = ((k % 4) + 4) % 4;
  const sv = sn[0] + sn[1];
  const cv = cs[0] + cs[1];
  return q === 0 ? [sv, cv] : q === 1 ? [cv, -sv] : q === 2 ? [-sv, -cv] : [-cv, sv];
}
/** (-1)^j / n! (n = 2j or 2j+1) as a double-double. */
const INV_FACT: DD[] = [];
function invFact(n: number): DD {
  if (!INV_FACT.length) {
    let f: DD = [1, 0];
    for (let i = 0; i <= 30; i++) {
      if (i > 0) f = ddDiv(f, [i, 0]);
      const sign = Math.floor(i / 2) % 2 === 0 ? 1 : -1;
      INV_FACT.push([sign * f[0], sign * f[1]]);
    }
  }
  return INV_FACT[n];
}

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

// avx_mathfun.h's log256_ps / sincos256_ps (cephes single precision), which PyTorch's AVX2
// normal_fill uses for float32 tensors of 16+ elements. GCC contracts the intrinsics' a*b+c into
// FMAs (-mfma -ffp-contract=fast): `fma` rounds once, as vfmadd does.
const fma = (a: number, b: number, c: number): number => f32(a * b + c);
const LOG_P = [7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1].map(f32);
const LOG_Q1 = f32(-2.12194440e-4);
const LOG_Q2 = f32(0.693359375);
const SQRTHF = f32(0.707106781186547524);
const f32buf = new Float32Array(1);
const u32buf = new Uint32Array(f32buf.buffer);

/** log256_ps for one lane. */
function logf(x: number): number {
  if (x <= 0) return NaN;
  f32buf[0] = Math.max(x, 1.17549435e-38);
  const bits = u32buf[0];
  let e = f32(((bits >>> 23) - 0x7f) + 1);
  u32buf[0] = (bits & ~0x7f800000) | 0x3f000000;
  x = f32buf[0];
  const tmp0 = x < SQRTHF ? x : 0;
  x = f32(x - 1);
  if (tmp0) e = f32(e - 1);
  x = f32(x + tmp0);
  const z = f32(x * x);
  let y = LOG_P[0];
  for (let i = 1; i < 9; i++) y = fma(y, x, LOG_P[i]);
  y = f32(y * x);
  y = fma(y, z, f32(e * LOG_Q1));
  y = fma(-z, 0.5, y);
  x = f32(x + y);
  return fma(e, LOG_Q2, x);
}

const DP1 = -0.78515625;
const DP2 = f32(-2.4187564849853515625e-4);
const DP3 = f32(-3.77489497744594108e-8);
const SIN_P = [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1].map(f32);
const COS_P = [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2].map(f32);
const FOPI = f32(1.27323954473516);

/** sincos256_ps for one lane: [sin, cos]. */
function sincosf(x: number): [number, number] {
  const sinNeg = x < 0 || Object.is(x, -0);
  x = Math.abs(x);
  let j = Math.trunc(f32(x * FOPI)) | 0;
  j = (j + 1) & ~1;
  const y = j;
  const swapSin = (j & 4) !== 0;
  const polyMask = (j & 2) === 0;
  x = fma(y, DP1, x);
  x = fma(y, DP2, x);
  x = fma(y, DP3, x);
  const cosNeg = (~(j - 2) & 4) !== 0;
  const z = f32(x * x);
  let c = fma(COS_P[0], z, COS_P[1]);
  c = fma(c, z, COS_P[2]);
  c = f32(c * z);
  c = fma(c, z, -f32(z * 0.5));
  c = f32(c + 1);
  let s = fma(SIN_P[0], z, SIN_P[1]);
  s = fma(s, z, SIN_P[2]);
  s = f32(s * z);
  s = fma(s, x, x);
  let sin = polyMask ? s : c;
  let cos = polyMask ? c : s;
  if (sinNeg !== swapSin) sin = -sin;
  if (cosNeg) cos = -cos;
  return [sin, cos];
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

// ---------------------------------------------------------------------------------------------
// Public creation functions and in-place fills.

export interface RandomOptions extends TensorOptions {
  generator?: Generator;
}
type SizeArgs = (number | number[] | RandomOptions)[];

/** Writes f(i) into every element in order (int64 as BigInt, bool as 0/1). */
function store(t: Tensor, f: (i: number) => number): void {
  const d = t._data;
  const n = d.length;
  if (t.dtype === int64) for (let i = 0; i < n; i++) (d as BigInt64Array)[i] = BigInt(f(i));
  else if (t.dtype === bool) for (let i = 0; i < n; i++) (d as Uint8Array)[i] = f(i) !== 0 ? 1 : 0;
  else for (let i = 0; i < n; i++) (d as Float64Array)[i] = f(i);
}

const gen = (o: { generator?: Generator | null } | undefined): Generator => o?.generator ?? default_generator;
const notImpl = (kernel: string, d: DType) => new RuntimeError(`"${kernel}" not implemented for '${d.scalarName}'`);

function creation(args: SizeArgs, fill: (t: Tensor, g: Generator) => void): Tensor {
  const { size, opts } = sizeArgs(args);
  const t = emptyTensor(size, toDType(opts.dtype, get_default_dtype()));
  fill(t, gen(opts));
  return finish(t, opts);
}

/** Shared by the in-place fills: PyTorch's leaf check, the write, the version bump. */
function fillInplace(self: Tensor, write: () => void): Tensor {
  checkInplace(self);
  write();
  self._bump();
  return self;
}

function uniformWrite(t: Tensor, from: number, to: number, g: Generator): void {
  if (!t.dtype.is_floating_point) throw notImpl('check_uniform_bounds', t.dtype);
  if (from > to) throw new RuntimeError(`uniform_ expects to return a [from, to) range, but found from=${from} > to=${to}`);
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

function normalWrite(t: Tensor, mean: number, std: number, g: Generator): void {
  if (!t.dtype.is_floating_point) throw notImpl('normal_kernel_cpu', t.dtype);
  if (!(std >= 0)) throw new RuntimeError(`normal expects std >= 0.0, but found std ${std}`);
  normalFill(t, mean, std, g);
}

/**
 * torch.rand(*size, { generator, dtype, requires_grad }): uniform on [0, 1), PyTorch's exact stream.
 * @example
 * torch.manual_seed(0);
 * torch.rand(2, 3);
 */
export function rand(...args: SizeArgs): Tensor {
  return creation(args, (t, g) => uniformWrite(t, 0, 1, g));
}

/**
 * torch.randn(*size, { generator, dtype, requires_grad }): standard normal, PyTorch's exact stream.
 * @example
 * torch.manual_seed(0);
 * torch.randn(3); // tensor([ 1.5410, -0.2934, -2.1788])
 */
export function randn(...args: SizeArgs): Tensor {
  return creation(args, (t, g) => normalWrite(t, 0, 1, g));
}

/** random_from_to: val % range + base, from 64 random bits when the range needs them. */
function randomFromToWrite(t: Tensor, from: number, to: number, g: Generator): void {
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
function randomFullWrite(t: Tensor, g: Generator): void {
  const d = t._data;
  for (let i = 0; i < d.length; i++) {
    if (t.dtype === int64) (d as BigInt64Array)[i] = g._random64() % (1n << 63n);
    else if (t.dtype === float64) (d as Float64Array)[i] = Number(g._random64() % ((1n << 53n) + 1n));
    else if (t.dtype === float32) (d as Float32Array)[i] = g.random() % (2 ** 24 + 1);
    else if (t.dtype === int32) (d as Int32Array)[i] = g.random() % 2 ** 31;
    else (d as Uint8Array)[i] = g.random() & 1;
  }
}

/**
 * torch.randint(low = 0, high, size, { generator, dtype = int64, requires_grad }).
 * @example
 * torch.manual_seed(0);
 * torch.randint(10, [5]); torch.randint(3, 10, [2, 2]);
 */
export function randint(...args: (number | number[] | RandomOptions)[]): Tensor {
  let opts: RandomOptions = {};
  if (args.length && isOpts(args[args.length - 1])) opts = args.pop() as RandomOptions;
  const nums = args.filter((a) => typeof a === 'number') as number[];
  const size = (args.find((a) => Array.isArray(a)) as number[] | undefined) ?? (opts as { size?: number[] }).size;
  const o = opts as RandomOptions & { low?: number; high?: number };
  const [low, high] = nums.length >= 2 ? [nums[0], nums[1]] : nums.length === 1 ? [o.low ?? 0, nums[0]] : [o.low ?? 0, o.high as number];
  if (!size) throw new TypeError('randint() missing required argument: size');
  const t = emptyTensor(sizeArgs([size]).size, toDType(opts.dtype, int64));
  randomFromToWrite(t, low, high, gen(opts));
  return finish(t, opts);
}

/**
 * torch.randperm(n, { generator, dtype = int64 }): PyTorch's CPU Fisher-Yates, same permutation.
 * @example
 * torch.manual_seed(0);
 * torch.randperm(5);
 */
export function randperm(n: number, opts: RandomOptions = {}): Tensor {
  if (!(n >= 0)) throw new RuntimeError(`Trying to create tensor with negative dimension ${n}: [${n}]`);
  const dtype = toDType(opts.dtype, int64);
  const g = gen(opts);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = 0; i < n - 1; i++) {
    const z = g.random() % (n - i);
    const s = p[i];
    p[i] = p[z + i];
    p[z + i] = s;
  }
  const t = emptyTensor([n], dtype);
  store(t, (i) => p[i]);
  return finish(t, opts);
}

type Like = { dtype: DType; shape: readonly number[] };
const likeArgs = (x: Like, o: RandomOptions): SizeArgs => [[...x.shape], { ...o, dtype: toDType(o.dtype, x.dtype) }];

/** torch.rand_like(input, { dtype, requires_grad }) */
export function rand_like(input: Like, opts: RandomOptions = {}): Tensor {
  return rand(...likeArgs(input, opts));
}
/** torch.randn_like(input, { dtype, requires_grad }) */
export function randn_like(input: Like, opts: RandomOptions = {}): Tensor {
  return randn(...likeArgs(input, opts));
}
/** torch.randint_like(input, low = 0, high, { dtype }) */
export function randint_like(input: Like, ...args: (number | RandomOptions)[]): Tensor {
  let opts: RandomOptions = {};
  if (args.length && isOpts(args[args.length - 1])) opts = args.pop() as RandomOptions;
  const nums = args as number[];
  return randint(...(nums.length === 1 ? [0, nums[0]] : nums), [...input.shape], { ...opts, dtype: toDType(opts.dtype, input.dtype) });
}

/**
 * torch.normal(mean, std, size?, { generator, dtype }): numbers with a size, or tensors (broadcast)
 * filled as PyTorch does: standard normals, then `* std + mean`.
 * @example
 * torch.normal(2, 3, [4]);
 * torch.normal(torch.zeros(3), torch.ones(3));
 */
export function normal(mean: number | Tensor, std: number | Tensor = 1, ...rest: (number[] | RandomOptions)[]): Tensor {
  const size = rest.find((a) => Array.isArray(a)) as number[] | undefined;
  const opts = (rest.find((a) => isOpts(a)) ?? {}) as RandomOptions;
  if (typeof mean === 'number' && typeof std === 'number') {
    if (!size) throw new TypeError('normal() received an invalid combination of arguments: a size is needed when mean and std are numbers');
    const t = emptyTensor(sizeArgs([size]).size, toDType(opts.dtype, get_default_dtype()));
    normalWrite(t, mean, std, gen(opts));
    return finish(t, opts);
  }
  const ref = (mean instanceof Tensor ? mean : std) as Tensor;
  if (std instanceof Tensor && std.dtype.is_floating_point) {
    const s = std._data as Float64Array;
    for (let i = 0; i < s.length; i++) if (!(s[i] >= 0)) throw new RuntimeError('normal expects all elements of std >= 0.0');
  } else if (typeof std === 'number' && !(std >= 0)) throw new RuntimeError(`normal expects std >= 0.0, but found std ${std}`);
  const shape = mean instanceof Tensor && std instanceof Tensor ? broadcastShapes(mean.shape, std.shape) : ref.shape;
  const out = emptyTensor(shape, ref.dtype);
  normalWrite(out, 0, 1, gen(opts));
  return no_grad(() => add(mul(out, std), mean)) as Tensor;
}

/** torch.bernoulli(input, p?, { generator }): 1 with probability `input` (or `p`) per element. */
export function bernoulli(input: Tensor, p?: number | RandomOptions, opts: RandomOptions = {}): Tensor {
  if (isOpts(p)) [opts, p] = [p as RandomOptions, undefined];
  const out = emptyTensor(input.shape, input.dtype);
  bernoulliWrite(out, (p as number | undefined) ?? input, gen(opts));
  return out;
}

/** bernoulli_distribution: uniform < p, with a double uniform for a scalar or float64 p, else a float one. */
function bernoulliWrite(t: Tensor, p: number | Tensor, g: Generator): void {
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
function exponentialWrite(t: Tensor, lambd: number, g: Generator): void {
  if (!t.dtype.is_floating_point) throw notImpl('exponential_cpu', t.dtype);
  if (!(lambd >= 0)) throw new RuntimeError(`exponential_ expects lambda >= 0.0, but found lambda=${lambd}`);
  store(t, () => (-1.0 / lambd) * Math.log(1 - uniformDouble(g)));
}

declare module './tensor.js' {
  interface Tensor {
    /** Fills with U(from, to) in place. */
    uniform_(from?: number, to?: number, opts?: { generator?: Generator }): Tensor;
    /** Fills with N(mean, std) in place. */
    normal_(mean?: number, std?: number, opts?: { generator?: Generator }): Tensor;
    /** Fills with integers in [from, to) (or the dtype's range) in place. */
    random_(from?: number, to?: number, opts?: { generator?: Generator }): Tensor;
    /** Fills with Bernoulli(p) draws in place (p a number or a broadcastable tensor). */
    bernoulli_(p?: number | Tensor, opts?: { generator?: Generator }): Tensor;
    /** torch.bernoulli(self, p?) */
    bernoulli(p?: number | { generator?: Generator }, opts?: { generator?: Generator }): Tensor;
    /** Fills with Exponential(lambd) draws in place. */
    exponential_(lambd?: number, opts?: { generator?: Generator }): Tensor;
  }
}

type GenOpt = { generator?: Generator };
Tensor.prototype.uniform_ = function (this: Tensor, ...args: unknown[]) {
  const a = bind<{ from: number; to: number } & GenOpt>(['from', 'to'], args, { from: 0, to: 1 });
  return fillInplace(this, () => uniformWrite(this, a.from, a.to, gen(a)));
};
Tensor.prototype.normal_ = function (this: Tensor, ...args: unknown[]) {
  const a = bind<{ mean: number; std: number } & GenOpt>(['mean', 'std'], args, { mean: 0, std: 1 });
  return fillInplace(this, () => normalWrite(this, a.mean, a.std, gen(a)));
};
Tensor.prototype.random_ = function (this: Tensor, ...args: unknown[]) {
  const a = bind<{ from?: number; to?: number } & GenOpt>(['from', 'to'], args);
  return fillInplace(this, () => {
    if (a.from === undefined) randomFullWrite(this, gen(a));
    else if (a.to === undefined) randomFromToWrite(this, 0, a.from, gen(a)); // random_(to)
    else randomFromToWrite(this, a.from, a.to, gen(a));
  });
};
Tensor.prototype.bernoulli_ = function (this: Tensor, ...args: unknown[]) {
  const a = bind<{ p: number | Tensor } & GenOpt>(['p'], args, { p: 0.5 });
  return fillInplace(this, () => bernoulliWrite(this, a.p, gen(a)));
};
Tensor.prototype.bernoulli = function (this: Tensor, p?: number | GenOpt, opts?: GenOpt) {
  return bernoulli(this, p, opts);
};
Tensor.prototype.exponential_ = function (this: Tensor, ...args: unknown[]) {
  const a = bind<{ lambd: number } & GenOpt>(['lambd'], args, { lambd: 1 });
  return fillInplace(this, () => exponentialWrite(this, a.lambd, gen(a)));
};
