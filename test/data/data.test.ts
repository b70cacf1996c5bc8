// torch.utils.data vs PyTorch 1.13 (fixtures/gen_data.py): seeded shuffle orders, samplers,
// random_split, drop_last, default_collate, DataLoader argument errors.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import * as data from '../../torchlike/utils/data/index.js';
import { withTracer, type Tracer } from '../../src/dispatch.js';
import { expectClose, type EncTensor } from '../helpers/fixtures.js';

const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/data.json', import.meta.url)), 'utf8'));
const ds = () => new data.TensorDataset(torch.arange(10), torch.arange(10).mul(10));
const batches = (loader: data.DataLoader<any>) => [...loader].map((b: Tensor[]) => [b[0].tolist(), b[1].tolist()]);

class Range extends data.Dataset<number> {
  constructor(private readonly n: number) {
    super();
  }
  __getitem__(i: number): number {
    return i;
  }
  override __len__(): number {
    return this.n;
  }
}

describe('DataLoader vs PyTorch', () => {
  it('shuffle with a seeded generator gives PyTorch order, epoch after epoch', () => {
    const loader = new data.DataLoader(ds(), { batch_size: 3, shuffle: true, generator: new torch.Generator().manual_seed(7) });
    expect([batches(loader), batches(loader)]).toEqual(fx.shuffle_generator);
  });
  it('shuffle after torch.manual_seed(0) (default generator) gives PyTorch order', () => {
    torch.manual_seed(0);
    const loader = new data.DataLoader(ds(), { batch_size: 4, shuffle: true });
    expect([batches(loader), batches(loader)]).toEqual(fx.shuffle_global_seed0);
  });
  it('drop_last and __len__', () => {
    const loader = new data.DataLoader(ds(), { batch_size: 4, drop_last: true });
    expect(loader.__len__()).toBe(fx.drop_last.len);
    expect(batches(loader)).toEqual(fx.drop_last.batches);
    expect(new data.DataLoader(ds(), { batch_size: 4 }).__len__()).toBe(fx.drop_last.len_keep);
  });
  it('TensorDataset batches cost one onnxruntime call per tensor', () => {
    const loader = new data.DataLoader(ds(), { batch_size: 5 });
    const ops: string[] = [];
    const tracer: Tracer = { record: (op) => void (op.eager ? null : ops.push(op.name)), alias: () => undefined };
    const got = withTracer(tracer, () => [...loader]);
    expect(got).toHaveLength(2);
    expect(ops).toEqual(['index_select', 'index_select', 'index_select', 'index_select']);
  });
  it('a map-style Dataset subclass with default_collate of numbers', () => {
    const loader = new data.DataLoader(new Range(5), { batch_size: 2 });
    const got = [...loader].map((b: Tensor) => [b.dtype.name, b.tolist()]);
    expect(got).toEqual([['int64', [0, 1]], ['int64', [2, 3]], ['int64', [4]]]);
  });
  it('collate_fn, sampler and batch_sampler options', () => {
    const seq = new data.DataLoader(new Range(6), { batch_size: 4, collate_fn: (b: number[]) => b });
    expect([...seq]).toEqual([[0, 1, 2, 3], [4, 5]]);
    const bs = new data.DataLoader(new Range(10), { batch_sampler: new data.BatchSampler(new data.SequentialSampler(new Range(10)), 4, false), collate_fn: (b: number[]) => b });
    expect([...bs]).toEqual(fx.batch_sampler);
    expect(bs.__len__()).toBe(3);
  });
  it("PyTorch's argument errors", () => {
    const d = ds();
    const cases: Record<string, () => unknown> = {
      sampler_shuffle: () => new data.DataLoader(d, { sampler: new data.SequentialSampler(d), shuffle: true }),
      batch_sampler_exclusive: () => new data.DataLoader(d, { batch_sampler: new data.BatchSampler(new data.SequentialSampler(d), 2, false), batch_size: 2 }),
      none_drop_last: () => new data.DataLoader(d, { batch_size: null, drop_last: true }),
    };
    for (const [k, msg] of Object.entries(fx.errors as Record<string, string>)) expect(cases[k], k).toThrow(msg);
  });
});

describe('samplers and random_split vs PyTorch', () => {
  it('RandomSampler with replacement', () => {
    expect([...new data.RandomSampler(new Range(7), { replacement: true, num_samples: 40, generator: new torch.Generator().manual_seed(3) })]).toEqual(fx.replacement);
  });
  it('RandomSampler with num_samples > len', () => {
    expect([...new data.RandomSampler(new Range(5), { num_samples: 12, generator: new torch.Generator().manual_seed(5) })]).toEqual(fx.num_samples);
  });
  it('SubsetRandomSampler on the default generator', () => {
    torch.manual_seed(11);
    expect([...new data.SubsetRandomSampler([10, 20, 30, 40, 50])]).toEqual(fx.subset_random);
  });
  it('random_split by fractions and by lengths', () => {
    const idx = (ss: data.Subset<number>[]) => ss.map((s) => s.indices);
    expect(idx(data.random_split(new Range(10), [0.5, 0.3, 0.2], new torch.Generator().manual_seed(42)))).toEqual(fx.random_split_fractions);
    expect(idx(data.random_split(new Range(11), [0.25, 0.25, 0.5], new torch.Generator().manual_seed(1)))).toEqual(fx.random_split_fractions_remainder);
    expect(idx(data.random_split(new Range(10), [3, 7], new torch.Generator().manual_seed(0)))).toEqual(fx.random_split_lengths);
    expect(() => data.random_split(new Range(10), [3, 8])).toThrow('Sum of input lengths does not equal the length of the input dataset!');
  });
});

describe('datasets', () => {
  it('TensorDataset, Subset, ConcatDataset index like PyTorch', () => {
    const d = ds();
    expect(d.__getitem__(3).map((t) => t.tolist())).toEqual([3, 30]);
    const sub = new data.Subset(d, [9, 2]);
    expect(sub.__len__()).toBe(2);
    expect(sub.__getitem__(-1)[1].tolist()).toBe(20);
    const cat = new data.ConcatDataset([new Range(3), new Range(4)]);
    expect(cat.__len__()).toBe(7);
    expect([0, 2, 3, 6, -1].map((i) => cat.__getitem__(i))).toEqual([0, 2, 0, 3, 3]);
    expect(() => cat.__getitem__(-8)).toThrow('absolute value of index should not exceed dataset length');
    expect(() => new data.TensorDataset(torch.zeros(3), torch.zeros(4))).toThrow('Size mismatch between tensors');
  });
});

describe('default_collate vs PyTorch', () => {
  const check = (got: unknown, want: unknown, what: string): void => {
    if (typeof want === 'object' && want !== null && 'dtype' in want) expectClose(got as Tensor, want as EncTensor, what);
    else if (Array.isArray(want)) (want as unknown[]).forEach((w, i) => check((got as unknown[])[i], w, `${what}[${i}]`));
    else if (typeof want === 'object' && want !== null) for (const [k, w] of Object.entries(want)) check((got as Record<string, unknown>)[k], w, `${what}.${k}`);
    else expect(got, what).toEqual(want);
  };
  it('tuples of tensor, int, float, bool', () => {
    const f = (v: number[]) => torch.tensor(v, { dtype: torch.float32 });
    check(data.default_collate([[f([1, 2]), 3, 0.5, true], [f([3, 4]), 4, 1.5, false]]), fx.collate.tuples, 'tuples');
  });
  it('dicts (strings stay lists)', () => {
    check(data.default_collate([{ x: torch.tensor([1, 2]), y: 1.5, s: 'a' }, { x: torch.tensor([3, 4]), y: 2.5, s: 'b' }]), fx.collate.dicts, 'dicts');
  });
  it('nested lists are transposed', () => {
    check(data.default_collate([[[1, 2], [0.5, 1.25]], [[3, 4], [2.0, 3.5]]]), fx.collate.nested, 'nested');
  });
  it('unequal list sizes', () => {
    expect(() => data.default_collate([[1, 2], [3]])).toThrow(fx.collate_error);
  });
});
