// Random numbers: bit-for-bit parity with PyTorch 1.13's CPU generator (fixtures from gen_random.py),
// plus the generator's API (seeding, state round trips) and errors.
import { describe, expect, it } from 'vitest';
import * as torch from '../torchlike/index.js';
import type { Tensor } from '../torchlike/index.js';
import { checkCase, loadFixtures } from './helpers/fixtures.js';

const { float32: F32, float64: F64 } = torch;

const seeded = (seed: number | bigint, fn: () => Tensor) => () => {
  torch.manual_seed(seed);
  return fn();
};
/** torch.cat(...).float() without depending on cat: the values in order as one float32 tensor. */
const catf = (...ts: Tensor[]): Tensor =>
  torch.tensor(ts.flatMap((t) => Array.from(t.numpy() as ArrayLike<number | bigint>, Number)), { dtype: F32 });

const fns: Record<string, () => Tensor> = {};
for (const n of [1, 2, 7, 15, 16, 17, 31, 32, 33, 100])
  for (const [dt, tag] of [[F32, 'f32'], [F64, 'f64']] as const) {
    fns[`rand_${tag}_${n}`] = seeded(0, () => torch.rand(n, { dtype: dt }));
    fns[`randn_${tag}_${n}`] = seeded(0, () => torch.randn(n, { dtype: dt }));
  }
for (const [dt, tag] of [[F32, 'f32'], [F64, 'f64']] as const) {
  fns[`randn_${tag}_seed42_1000`] = seeded(42, () => torch.randn(1000, { dtype: dt }));
  fns[`rand_${tag}_seed42_2x3x4`] = seeded(42, () => torch.rand(2, 3, 4, { dtype: dt }));
}
Object.assign(fns, {
  randn_2d_4x5: seeded(3, () => torch.randn(4, 5)),
  randn_cached_pair: seeded(0, () => catf(torch.randn(1), torch.randn(1), torch.randn(3), torch.randn(1, { dtype: F64 }))),
  stream_mixed: seeded(0, () => catf(torch.rand(3), torch.randn(17), torch.randint(5, [3]), torch.randn(2), torch.rand(1))),
  generator_seeded: () => torch.rand(5, { generator: new torch.Generator().manual_seed(123) }),
  generator_default_seed: () => torch.rand(5, { generator: new torch.Generator() }),
  seed_negative: seeded(-1, () => torch.rand(3)),
  seed_big: seeded(2 ** 40 + 5, () => torch.randn(3)),

  randint_10: seeded(0, () => torch.randint(10, [20])),
  randint_3_10: seeded(0, () => torch.randint(3, 10, [4, 5])),
  randint_neg: seeded(1, () => torch.randint(-5, 5, [10])),
  randint_wide: seeded(2, () => torch.randint(0, 2 ** 40, [6])),
  randint_f32: seeded(0, () => torch.randint(0, 100, [5], { dtype: F32 })),
  randint_i32: seeded(0, () => torch.randint(0, 100, [5], { dtype: torch.int32 })),
  randperm_seed7_33: seeded(7, () => torch.randperm(33)),

  uniform_f32_7: seeded(0, () => torch.zeros(7).uniform_(-3.7, 2.3)),
  uniform_f32_20: seeded(5, () => torch.zeros(20).uniform_(1e-3, 5)),
  uniform_f64_20: seeded(5, () => torch.zeros(20, { dtype: F64 }).uniform_(-2, 5)),
  uniform_f64_pi: seeded(9, () => torch.zeros(50, { dtype: F64 }).uniform_(-3.14159, 0.1)),
  normal_f32_7: seeded(0, () => torch.zeros(7).normal_(2, 3)),
  normal_f32_33: seeded(0, () => torch.zeros(33).normal_(-1.5, 0.25)),
  normal_f64_7: seeded(0, () => torch.zeros(7, { dtype: F64 }).normal_(2, 3)),
  normal_f64_33: seeded(0, () => torch.zeros(33, { dtype: F64 }).normal_(-1.5, 0.25)),
  normal_scalars_size: seeded(0, () => torch.normal(2, 3, [5])),
  normal_tensors: seeded(0, () => torch.normal(torch.arange(6, { dtype: F32 }).reshape([2, 3]), torch.tensor([0.5, 1, 2], { dtype: F32 }))),
  normal_tensor_mean: seeded(0, () => torch.normal(torch.arange(20, { dtype: F32 }), 2)),
  normal_tensor_std: seeded(0, () => torch.normal(1, torch.full([4], 0.5))),

  bernoulli_scalar_f32: seeded(0, () => torch.zeros(20).bernoulli_(0.3)),
  bernoulli_scalar_f64: seeded(0, () => torch.zeros(20, { dtype: F64 }).bernoulli_(0.7)),
  bernoulli_tensor_f32: seeded(0, () => torch.bernoulli(torch.linspace(0, 1, 20))),
  bernoulli_tensor_f64: seeded(0, () => torch.bernoulli(torch.linspace(0, 1, 20, { dtype: F64 }))),
  bernoulli_p_bcast: seeded(0, () => torch.zeros(3, 4).bernoulli_(torch.tensor([0.1, 0.5, 0.9, 0.99]))),
  bernoulli_method_p: seeded(0, () => torch.zeros(10).bernoulli(0.5)),

  random_f32: seeded(0, () => torch.zeros(6).random_()),
  random_f64: seeded(0, () => torch.zeros(6, { dtype: F64 }).random_()),
  random_i64: seeded(0, () => torch.zeros(6, { dtype: torch.int64 }).random_()),
  random_i32: seeded(0, () => torch.zeros(6, { dtype: torch.int32 }).random_()),
  random_bool: seeded(0, () => torch.zeros(6, { dtype: torch.bool }).random_()),
  random_to: seeded(0, () => torch.zeros(6).random_(10)),
  random_from_to: seeded(0, () => torch.zeros(6, { dtype: torch.int64 }).random_(-3, 4)),

  exponential_f32: seeded(0, () => torch.zeros(10).exponential_()),
  exponential_f64: seeded(0, () => torch.zeros(10, { dtype: F64 }).exponential_(2.5)),

  rand_like: seeded(0, () => torch.rand_like(torch.zeros(2, 3, { dtype: F64 }))),
  randn_like: seeded(0, () => torch.randn_like(torch.zeros(4, 5))),
  randint_like: seeded(0, () => torch.randint_like(torch.zeros(2, 3), 3, 9)),
  randint_like_high: seeded(0, () => torch.randint_like(torch.zeros(4, { dtype: torch.int64 }), 7)),

  get_state_after_randn: seeded(7, () => {
    torch.randn(1);
    return torch.get_rng_state();
  }),
  initial_seed_big: () => torch.tensor(torch.manual_seed(2 ** 40 + 5).initial_seed()),
});
for (const n of [0, 1, 2, 10, 100]) fns[`randperm_${n}`] = seeded(0, () => torch.randperm(n));

describe('random: bit-for-bit with PyTorch', () => {
  for (const c of loadFixtures('random'))
    it(c.name, () => {
      expect(fns[c.name], `no torchlike call for fixture ${c.name}`).toBeDefined();
      checkCase(c, fns[c.name], { rtol: 0, atol: 0 });
    });
});

describe('random: generator API', () => {
  it('manual_seed returns the generator and resets the stream', () => {
    const g = torch.manual_seed(5);
    expect(g).toBe(torch.default_generator);
    expect(torch.initial_seed()).toBe(5);
    const a = torch.randn(5).tolist();
    torch.manual_seed(5);
    expect(torch.randn(5).tolist()).toEqual(a);
  });
  it('set_state restores stream and cached normal', () => {
    torch.manual_seed(11);
    torch.randn(1); // leaves a cached sine sample, which the state carries
    const st = torch.get_rng_state();
    const a = [torch.rand(4).tolist(), torch.randn(3).tolist()];
    torch.set_rng_state(st);
    expect([torch.rand(4).tolist(), torch.randn(3).tolist()]).toEqual(a);
  });
  it('generators are independent of the default one', () => {
    const g1 = new torch.Generator().manual_seed(1);
    torch.manual_seed(1);
    const want = torch.rand(3).tolist();
    torch.rand(10);
    expect(torch.rand(3, { generator: g1 }).tolist()).toEqual(want);
  });
  it('seed() reseeds non-deterministically and reports the seed', () => {
    const s = torch.seed();
    expect(torch.initial_seed()).toBe(s);
    const a = torch.rand(3).tolist();
    torch.manual_seed(s);
    expect(torch.rand(3).tolist()).toEqual(a);
  });
  it('requires_grad and in-place rules', () => {
    expect(torch.rand(2, { requires_grad: true }).requires_grad).toBe(true);
    const w = torch.zeros(3, { requires_grad: true });
    expect(() => w.normal_()).toThrow('a leaf Variable that requires grad is being used in an in-place operation.');
    const v = w._version;
    torch.no_grad(() => w.uniform_(-1, 1));
    expect(w._version).toBe(v + 1);
    expect(w.requires_grad).toBe(true);
  });
});

describe('random: PyTorch errors', () => {
  it.each([
    [() => torch.rand(3, { dtype: torch.int64 }), `"check_uniform_bounds" not implemented for 'Long'`],
    [() => torch.randn(3, { dtype: torch.int64 }), `"normal_kernel_cpu" not implemented for 'Long'`],
    [() => torch.randint(5, 5, [3]), "random_ expects 'from' to be less than 'to', but got from=5 >= to=5"],
    [() => torch.zeros(3).normal_(0, -1), 'normal expects std >= 0.0, but found std -1'],
    [() => torch.zeros(3).uniform_(1, 0), 'uniform_ expects to return a [from, to) range, but found from=1 > to=0'],
    [() => torch.zeros(3).bernoulli_(2), 'bernoulli_ expects p to be in [0, 1], but got p=2'],
    [() => torch.normal(torch.zeros(3), torch.tensor([1, -1, 1], { dtype: F32 })), 'normal expects all elements of std >= 0.0'],
    [() => torch.randperm(-1), 'Trying to create tensor with negative dimension -1: [-1]'],
  ])('%#', (fn, msg) => {
    expect(fn).toThrow(msg);
  });
});
