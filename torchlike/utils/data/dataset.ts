// torch.utils.data datasets: Dataset (map-style), IterableDataset, TensorDataset, Subset,
// ConcatDataset and random_split (torch/utils/data/dataset.py).
import { IndexError, ValueError } from '../../../src/errors.js';
import { default_generator, Generator, randperm } from '../../../src/random/index.js';
import type { Tensor } from '../../../src/tensor.js';
import { select } from '../../../src/ops/select.js';

/**
 * A map-style dataset: subclasses define `__getitem__(index)` and `__len__()` (or a `length` getter).
 * @example
 * class Squares extends data.Dataset<number> {
 *   __getitem__(i: number) { return i * i; }
 *   __len__() { return 10; }
 * }
 */
export abstract class Dataset<T = unknown> {
  abstract __getitem__(index: number): T;
  /** The number of samples (or define a `length` getter instead). */
  __len__(): number {
    const n = (this as { length?: number }).length;
    if (typeof n !== 'number') throw new TypeError(`object of type '${this.constructor.name}' has no len()`);
    return n;
  }
  /** dataset1 + dataset2 in Python: a ConcatDataset. */
  __add__(other: Dataset<T>): ConcatDataset<T> {
    return new ConcatDataset([this, other]);
  }
}

/**
 * An iterable-style dataset: subclasses define `[Symbol.iterator]` (Python's __iter__).
 * @example
 * class Stream extends data.IterableDataset<number> { *[Symbol.iterator]() { yield* [1, 2, 3]; } }
 */
export abstract class IterableDataset<T = unknown> {
  abstract [Symbol.iterator](): Iterator<T>;
}

/** len(dataset): __len__() or the `length` getter. */
export function len(ds: { __len__?: () => number; length?: number }): number {
  if (typeof ds.__len__ === 'function') return ds.__len__();
  if (typeof ds.length === 'number') return ds.length;
  throw new TypeError(`object of type '${(ds as object).constructor?.name}' has no len()`);
}

/**
 * Samples are the i-th rows of each tensor (all of the same first size).
 * @example
 * const ds = new data.TensorDataset(x, y);
 * const [xi, yi] = ds.__getitem__(0);
 */
export class TensorDataset extends Dataset<Tensor[]> {
  readonly tensors: Tensor[];
  constructor(...tensors: Tensor[]) {
    super();
    if (!tensors.every((t) => t.size(0) === tensors[0].size(0))) throw new Error('Size mismatch between tensors');
    this.tensors = tensors;
  }
  __getitem__(index: number): Tensor[] {
    return this.tensors.map((t) => select(t, 0, index));
  }
  override __len__(): number {
    return this.tensors[0].size(0);
  }
}

/**
 * The samples of `dataset` at `indices`, in that order.
 * @example
 * const firstTen = new data.Subset(ds, [...Array(10).keys()]);
 */
export class Subset<T = unknown> extends Dataset<T> {
  constructor(readonly dataset: Dataset<T>, readonly indices: number[]) {
    super();
  }
  __getitem__(index: number): T {
    const i = index < 0 ? this.indices.length + index : index;
    return this.dataset.__getitem__(this.indices[i]);
  }
  override __len__(): number {
    return this.indices.length;
  }
}

/**
 * Datasets one after another.
 * @example
 * const both = new data.ConcatDataset([train, extra]);
 */
export class ConcatDataset<T = unknown> extends Dataset<T> {
  readonly datasets: Dataset<T>[];
  readonly cumulative_sizes: number[];
  constructor(datasets: Iterable<Dataset<T>>) {
    super();
    this.datasets = [...datasets];
    if (this.datasets.length === 0) throw new Error('datasets should not be an empty iterable');
    for (const d of this.datasets) if (d instanceof IterableDataset) throw new Error('ConcatDataset does not support IterableDataset');
    let acc = 0;
    this.cumulative_sizes = this.datasets.map((d) => (acc += len(d)));
  }
  __getitem__(idx: number): T {
    if (idx < 0) {
      if (-idx > this.__len__()) throw new ValueError('absolute value of index should not exceed dataset length');
      idx = this.__len__() + idx;
    }
    const cs = this.cumulative_sizes;
    let k = 0;
    while (k < cs.length && cs[k] <= idx) k++; // bisect_right
    if (k >= cs.length) throw new IndexError(`index ${idx} is out of range`);
    const sample = k === 0 ? idx : idx - cs[k - 1];
    return this.datasets[k].__getitem__(sample);
  }
  override __len__(): number {
    return this.cumulative_sizes[this.cumulative_sizes.length - 1];
  }
}

/**
 * Splits a dataset into non-overlapping random subsets of the given lengths (or fractions that
 * sum to 1), drawn with torch.randperm so a seeded generator gives PyTorch's split.
 * @example
 * const [train, val] = data.random_split(ds, [0.8, 0.2], new torch.Generator().manual_seed(42));
 */
export function random_split<T>(dataset: Dataset<T>, lengths: number[], generator: Generator | { generator?: Generator } = default_generator): Subset<T>[] {
  const g = generator instanceof Generator ? generator : (generator.generator ?? default_generator);
  const n = len(dataset);
  const total = lengths.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) <= 1e-9 && total <= 1) {
    const sizes = lengths.map((frac, i) => {
      if (frac < 0 || frac > 1) throw new ValueError(`Fraction at index ${i} is not between 0 and 1`);
      return Math.floor(n * frac);
    });
    const remainder = n - sizes.reduce((a, b) => a + b, 0);
    for (let i = 0; i < remainder; i++) sizes[i % sizes.length] += 1;
    lengths = sizes;
  }
  if (lengths.reduce((a, b) => a + b, 0) !== n) throw new ValueError('Sum of input lengths does not equal the length of the input dataset!');
  const perm = (randperm(n, { generator: g }).tolist() as number[]);
  let offset = 0;
  return lengths.map((l) => new Subset(dataset, perm.slice(offset, (offset += l))));
}
