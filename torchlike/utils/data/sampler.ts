// Samplers (torch/utils/data/sampler.py): orders of dataset indices, and batches of them.
import { bind } from '../../../src/args.js';
import { int64 } from '../../../src/dtype.js';
import { ValueError } from '../../../src/errors.js';
import { empty } from '../../../src/creation.js';
import { default_generator, Generator, randint, randperm } from '../../../src/random/index.js';
import { len } from './dataset.js';

type Sized = { __len__?: () => number; length?: number };

/** Base class: an iterable of indices (or of index lists for batch samplers). */
export abstract class Sampler<T = number> {
  abstract [Symbol.iterator](): Iterator<T>;
  __len__(): number {
    throw new TypeError(`object of type '${this.constructor.name}' has no len()`);
  }
}

/**
 * 0, 1, ..., len(data_source) - 1.
 * @example
 * [...new data.SequentialSampler(ds)];
 */
export class SequentialSampler extends Sampler<number> {
  constructor(readonly data_source: Sized) {
    super();
  }
  *[Symbol.iterator](): Iterator<number> {
    const n = len(this.data_source);
    for (let i = 0; i < n; i++) yield i;
  }
  override __len__(): number {
    return len(this.data_source);
  }
}

/** A 64-bit seed drawn as PyTorch draws it: torch.empty((), dtype=torch.int64).random_(generator). */
export function drawSeed(generator: Generator | null | undefined): bigint {
  const t = empty([], { dtype: int64 }).random_(undefined, undefined, { generator: generator ?? default_generator });
  return (t._data as BigInt64Array)[0];
}

export interface RandomSamplerOptions {
  replacement?: boolean;
  num_samples?: number | null;
  generator?: Generator | null;
}

/**
 * Shuffled indices (torch.randperm, so a seeded generator gives PyTorch's order), or
 * num_samples draws with replacement.
 * @example
 * const s = new data.RandomSampler(ds, { generator: new torch.Generator().manual_seed(0) });
 */
export class RandomSampler extends Sampler<number> {
  readonly replacement: boolean;
  readonly _num_samples: number | null;
  generator: Generator | null;
  readonly data_source: Sized;
  constructor(data_source: Sized, ...args: unknown[]) {
    super();
    this.data_source = data_source;
    const o = bind<RandomSamplerOptions & Record<string, unknown>>(['replacement', 'num_samples', 'generator'], args);
    this.replacement = o.replacement ?? false;
    this._num_samples = o.num_samples ?? null;
    this.generator = o.generator ?? null;
    if (typeof this.replacement !== 'boolean') throw new TypeError(`replacement should be a boolean value, but got replacement=${this.replacement}`);
    if (!Number.isInteger(this.num_samples) || this.num_samples <= 0)
      throw new ValueError(`num_samples should be a positive integer value, but got num_samples=${this.num_samples}`);
  }
  get num_samples(): number {
    return this._num_samples ?? len(this.data_source);
  }
  *[Symbol.iterator](): Iterator<number> {
    const n = len(this.data_source);
    const g = this.generator ?? new Generator().manual_seed(drawSeed(null));
    const m = this.num_samples;
    if (this.replacement) {
      for (let k = 0; k < Math.floor(m / 32); k++) yield* randint(n, [32], { generator: g }).tolist() as number[];
      yield* randint(n, [m % 32], { generator: g }).tolist() as number[];
    } else {
      for (let k = 0; k < Math.floor(m / n); k++) yield* randperm(n, { generator: g }).tolist() as number[];
      yield* (randperm(n, { generator: g }).tolist() as number[]).slice(0, m % n);
    }
  }
  override __len__(): number {
    return this.num_samples;
  }
}

/**
 * The given indices in random order.
 * @example
 * new data.SubsetRandomSampler([0, 2, 4]);
 */
export class SubsetRandomSampler extends Sampler<number> {
  constructor(readonly indices: number[], readonly generator: Generator | null = null) {
    super();
  }
  *[Symbol.iterator](): Iterator<number> {
    const perm = randperm(this.indices.length, { generator: this.generator ?? default_generator }).tolist() as number[];
    for (const i of perm) yield this.indices[i];
  }
  override __len__(): number {
    return this.indices.length;
  }
}

/**
 * Groups a sampler's indices into lists of batch_size (the last one shorter unless drop_last).
 * @example
 * [...new data.BatchSampler(new data.SequentialSampler(ds), 3, false)];
 */
export class BatchSampler extends Sampler<number[]> {
  constructor(readonly sampler: Iterable<number> & { __len__?: () => number }, readonly batch_size: number, readonly drop_last: boolean) {
    super();
    if (typeof batch_size !== 'number' || !Number.isInteger(batch_size) || batch_size <= 0)
      throw new ValueError(`batch_size should be a positive integer value, but got batch_size=${batch_size}`);
    if (typeof drop_last !== 'boolean') throw new ValueError(`drop_last should be a boolean value, but got drop_last=${drop_last}`);
  }
  *[Symbol.iterator](): Iterator<number[]> {
    let batch: number[] = [];
    for (const i of this.sampler) {
      batch.push(i);
      if (batch.length === this.batch_size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0 && !this.drop_last) yield batch;
  }
  override __len__(): number {
    const n = len(this.sampler as Sized);
    return this.drop_last ? Math.floor(n / this.batch_size) : Math.ceil(n / this.batch_size);
  }
}
