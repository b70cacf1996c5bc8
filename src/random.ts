// Random number generation, bit-for-bit like PyTorch 1.13's CPU generator: the same mt19937 stream,
// the same transformations (ATen's DistributionsHelper.h / TransformationHelper.h) and the same
// kernels (native/cpu/DistributionTemplates.h), so torch.manual_seed(0) gives PyTorch's numbers.
import { bind, isOpts, sizeArgs } from './args.js';
import { bool, type DType, float32, float64, get_default_dtype, int64, toDType, type TypedArray } from './dtype.js';
import { RuntimeError } from './errors.js';
import { numel } from './shape.js';
import { Tensor } from './tensor.js';
import { emptyTensor, type TensorOptions } from './creation.js';
import { checkInplace } from './ops/_inplace.js';

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
    // PyTorch 1.13 rebuilds the cached sample as rho * sin(2*pi*x) from the legacy fields.
    this._nextDoubleNormal = v.getInt32(5040, true) ? v.getFloat64(5032, true) * Math.sin(2 * Math.PI * v.getFloat64(5016, true)) : null;
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

/** normal_distribution<double>: Box-Muller over two doubles; the sine half is cached for the next call. */
function normalDouble(g: Generator, mean: number, std: number): number {
  if (g._nextDoubleNormal !== null) {
    const r = g._nextDoubleNormal * std + mean;
    g._nextDoubleNormal = null;
    return r;
  }
  const u1 = uniformDouble(g);
  const u2 = uniformDouble(g);
  const r = Math.sqrt(-2.0 * Math.log(1.0 - u2));
  const theta = 2.0 * Math.PI * u1;
  g._nextDoubleNormal = r * Math.sin(theta);
  return r * Math.cos(theta) * std + mean;
}

// avx_mathfun.h's log256_ps / sincos256_ps (cephes single precision), which PyTorch's AVX2
// normal_fill uses for float32 tensors of 16+ elements. GCC contracts the intrinsics' mul+add
// into FMAs (-mfma, -ffp-contract=fast): `fma` rounds once, as vfmadd does.
const fma = (a: number, b: number, c: number): number => f32(a * b + c);
const LOG_P = [7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1].map(f32);
const LOG_Q1 = f32(-2.12194440e-4);
const LOG_Q2 = f32(0.693359375);
const SQRTHF = f32(0.707106781186547524);
const f32buf = new Float32Array(1);
const u32buf = new Uint32Array(f32buf.buffer);

function logf(x: number): number {
  if (x <= 0) return NaN;
  f32buf[0] = Math.max(x, 1.17549435e-38);
  const bits = u32buf[0];
  let e = f32((bits >>> 23) - 0x7f + 1);
  u32buf[0] = (bits & ~0x7f800000) | 0x3f000000;
  x = f32buf[0];
  const small = x < SQRTHF;
  x = f32(x - 1);
  if (small) {
    e = f32(e - 1);
    x = f32(x + f32(x + 1)); // x + tmp, tmp being the original x
  }
  const z = f32(x * x);
  let y = LOG_P[0];
  for (let i = 1; i < 9; i++) y = fma(y, x, LOG_P[i]);
  y = f32(y * x);
  y = fma(e, LOG_Q1, f32(y * z));
  y = fma(-z, 0.5, y);
  x = f32(x + y);
  return fma(e, LOG_Q2, x);
}
