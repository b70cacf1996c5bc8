// torch.Generator and the default generator's module functions (manual_seed, seed, initial_seed,
// get_rng_state, set_rng_state): PyTorch's CPUGeneratorImpl over the mt19937 engine.
import { int64 } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../creation.js';
import { MT19937, N } from './mt19937.js';
import { callable } from '../callable.js';

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
 * const g = torch.Generator().manual_seed(42); // or new torch.Generator()
 * torch.rand(3, { generator: g }); // same numbers as PyTorch's torch.rand(3, generator=g)
 */
class GeneratorImpl {
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

/** torch.Generator: constructs with or without `new` (API.md rule 3). */
export const Generator = callable(GeneratorImpl);
export type Generator = GeneratorImpl;

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

/** @internal The generator a call asked for, else the default one. */
export const gen = (o: { generator?: Generator | null } | undefined): Generator => o?.generator ?? default_generator;
