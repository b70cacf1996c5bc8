// DataLoader (torch/utils/data/dataloader.py), single-process and synchronous: `for (const b of loader)`.
import { bind } from '../../../src/args.js';
import { ValueError } from '../../../src/errors.js';
import type { Generator as TorchGenerator } from '../../../src/random/index.js';
import { tensor } from '../../../src/creation.js';
import { index_select } from '../../../src/ops/index_select.js';
import { default_collate, default_convert } from './collate.js';
import { type Dataset, IterableDataset, len, TensorDataset } from './dataset.js';
import { BatchSampler, drawSeed, RandomSampler, type Sampler, SequentialSampler } from './sampler.js';

export interface DataLoaderOptions<T> {
  batch_size?: number | null;
  shuffle?: boolean;
  sampler?: Iterable<number> & { __len__?: () => number };
  batch_sampler?: Iterable<number[]> & { __len__?: () => number };
  num_workers?: number;
  collate_fn?: (batch: T[]) => any;
  drop_last?: boolean;
  generator?: TorchGenerator | null;
  pin_memory?: boolean;
}

/**
 * Batches of a dataset: shuffling with a (seeded) generator, samplers, drop_last, collate_fn.
 * @example
 * const loader = new data.DataLoader(new data.TensorDataset(x, y), { batch_size: 32, shuffle: true });
 * new data.DataLoader({ dataset: train_set, batch_size: 4, shuffle: true }); // every argument by keyword
 * new data.DataLoader(train_set, 4, true); // PyTorch's positional order
 * for (const [xb, yb] of loader) { ... }
 */
const LOADER_ARGS = ['batch_size', 'shuffle', 'sampler', 'batch_sampler', 'num_workers', 'collate_fn', 'pin_memory', 'drop_last', 'timeout', 'worker_init_fn', 'multiprocessing_context', 'generator'];

export class DataLoader<T = unknown> {
  readonly dataset: Dataset<T> | IterableDataset<T>;
  readonly batch_size: number | null;
  readonly drop_last: boolean;
  readonly sampler: Iterable<number> & { __len__?: () => number };
  readonly batch_sampler: (Iterable<number[]> & { __len__?: () => number }) | null;
  readonly collate_fn: (batch: T[]) => any;
  readonly generator: TorchGenerator | null;
  readonly num_workers: number;

  constructor(dataset: Dataset<T> | IterableDataset<T>, ...args: [o?: DataLoaderOptions<T> | number | null, ...rest: unknown[]]) {
    // PyTorch's positional order: DataLoader(ds, 4, true) is batch_size=4, shuffle=true
    const o: DataLoaderOptions<T> = bind<Record<string, any>>(LOADER_ARGS, args);
    let batch_size = o.batch_size === undefined ? 1 : o.batch_size;
    const shuffle = o.shuffle ?? false;
    let drop_last = o.drop_last ?? false;
    this.dataset = dataset;
    this.num_workers = o.num_workers ?? 0;
    this.generator = o.generator ?? null;
    let sampler = o.sampler;
    let batch_sampler = o.batch_sampler ?? null;
    if (dataset instanceof IterableDataset) {
      if (shuffle) throw new ValueError(`DataLoader with IterableDataset: expected unspecified shuffle option, but got shuffle=${shuffle}`);
      if (sampler) throw new ValueError(`DataLoader with IterableDataset: expected unspecified sampler option, but got sampler=${sampler}`);
      if (batch_sampler) throw new ValueError(`DataLoader with IterableDataset: expected unspecified batch_sampler option, but got batch_sampler=${batch_sampler}`);
    }
    if (sampler && shuffle) throw new ValueError('sampler option is mutually exclusive with shuffle');
    if (batch_sampler) {
      if (batch_size !== 1 || shuffle || sampler || drop_last)
        throw new ValueError('batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last');
      batch_size = null;
      drop_last = false;
    } else if (batch_size === null && drop_last)
      throw new ValueError('batch_size=None option disables auto-batching and is mutually exclusive with drop_last');
    if (!sampler) {
      if (dataset instanceof IterableDataset) sampler = { *[Symbol.iterator]() {} };
      else sampler = shuffle ? new RandomSampler(dataset, { generator: this.generator }) : new SequentialSampler(dataset);
    }
    if (batch_size !== null && !batch_sampler) batch_sampler = new BatchSampler(sampler, batch_size, drop_last);
    this.batch_size = batch_size;
    this.drop_last = drop_last;
    this.sampler = sampler;
    this.batch_sampler = batch_sampler;
    this.collate_fn = o.collate_fn ?? (batch_sampler ? default_collate : (default_convert as (b: T[]) => any));
  }

  /** The number of batches (len(loader)). */
  __len__(): number {
    if (this.dataset instanceof IterableDataset) {
      const n = len(this.dataset as { __len__?: () => number });
      if (this.batch_size === null) return n;
      return this.drop_last ? Math.floor(n / this.batch_size) : Math.ceil(n / this.batch_size);
    }
    return len((this.batch_sampler ?? this.sampler) as { __len__?: () => number });
  }
  get length(): number {
    return this.__len__();
  }

  *[Symbol.iterator](): Iterator<any> {
    // PyTorch draws the workers' base seed from the loader's generator when an iterator starts,
    // before the sampler draws: the same draw keeps shuffles in step with PyTorch's.
    drawSeed(this.generator);
    const ds = this.dataset as Dataset<T>;
    if (this.dataset instanceof IterableDataset) {
      yield* this.iterateStream(this.dataset);
      return;
    }
    if (this.batch_sampler === null) {
      for (const i of this.sampler) yield this.collate_fn(ds.__getitem__(i) as never);
      return;
    }
    for (const idx of this.batch_sampler) {
      // TensorDataset + default_collate: one index_select per tensor instead of a select per
      // sample and a stack (same result, far fewer onnxruntime calls).
      if (ds instanceof TensorDataset && this.collate_fn === default_collate) {
        const it = tensor(idx);
        yield ds.tensors.map((t) => index_select(t, 0, it));
      } else yield this.collate_fn(idx.map((i) => ds.__getitem__(i)));
    }
  }

  private *iterateStream(ds: IterableDataset<T>): Generator<any> {
    if (this.batch_size === null) {
      for (const x of ds) yield this.collate_fn(x as never);
      return;
    }
    let batch: T[] = [];
    for (const x of ds) {
      batch.push(x);
      if (batch.length === this.batch_size) {
        yield this.collate_fn(batch);
        batch = [];
      }
    }
    if (batch.length && !this.drop_last) yield this.collate_fn(batch);
  }
}

export type { Sampler };
