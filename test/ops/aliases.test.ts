// Aliases and in-place forms vs PyTorch fixtures (test/fixtures/gen_aliases.py): absolute, fix,
// concat, moveaxis, argwhere, split_with_sizes, F.softmin/F.celu, the subscript helper `index`,
// in-place `_` forms (applied to a clone, so gradients flow back through it), embedding_renorm_,
// and the seeded random in-place ops and dropouts (bit-for-bit for the RNG-only cases).
// Every fixture case '<public name>/<variant>' has a TS twin of the same name below.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { checkCase, loadFixtures, runCase } from '../helpers/fixtures.js';

type Fn = (...xs: any[]) => Tensor | Tensor[];
type X = Tensor;
const F = torch.nn.functional;
const { float64: F64, int64: I64 } = torch;

/** Runs fn with the default generator seeded first (as the generator's seeded() does). */
const seeded =
  (seed: number, fn: Fn): Fn =>
  (...xs) => {
    torch.manual_seed(seed);
    return fn(...xs);
  };
type Cmp = 'greater_' | 'greater_equal_' | 'less_' | 'less_equal_' | 'not_equal_';
const cmp = (m: Cmp): Record<string, Fn> => ({
  [`${m}/tensor`]: (x: X, y: X) => x.clone()[m](y),
  [`${m}/scalar`]: (x: X) => x.clone()[m](1),
  [`${m}/int`]: (x: X, y: X) => x.clone()[m](y),
});
const renorm = (maxNorm: number, normType: number) => (w: X, i: X) => {
  const y = w.clone();
  torch.no_grad(() => F.embedding_renorm_(y, i, maxNorm, normType));
  return y;
};

const fns: Record<string, Fn> = {
  // ---- aliases
  'absolute/f32': (x: X) => torch.absolute(x),
  'absolute/int64': (x: X) => torch.absolute(x),
  'absolute/method': (x: X) => x.absolute(),
  'absolute_/f32': (x: X) => x.clone().absolute_(),
  'absolute_/int': (x: X) => x.clone().absolute_(),
  'fix/f32': (x: X) => torch.fix(x),
  'fix/method_f64': (x: X) => x.fix(),
  'fix_/f32': (x: X) => x.clone().fix_(),
  'fix_/f64': (x: X) => x.clone().fix_(),
  'concat/dim0': (a: X, b: X) => torch.concat([a, b]),
  'concat/dim1': (a: X, b: X) => torch.concat([a, b], 1),
  'concatenate/dim0': (a: X, b: X) => torch.concatenate([a, b]),
  'concatenate/dim_neg': (a: X, b: X, c: X) => torch.concatenate([a, b, c], -1),
  'moveaxis/int': (x: X) => torch.moveaxis(x, 0, -1),
  'moveaxis/list': (x: X) => torch.moveaxis(x, [0, 1], [2, 0]),
  'moveaxis/method': (x: X) => x.moveaxis(1, 0),
  'argwhere/f32': (x: X) => torch.argwhere(x),
  'argwhere/bool': (x: X) => torch.argwhere(x),
  'argwhere/method_3d': (x: X) => x.argwhere(),
  'split_with_sizes/dim0': (x: X) => torch.split_with_sizes(x, [1, 3]),
  'split_with_sizes/dim1': (x: X) => torch.split_with_sizes(x, [2, 0, 3], 1),
  'split_with_sizes/method': (x: X) => x.split_with_sizes([2, 1], -1),
  'softmin/dim1': (x: X) => F.softmin(x, { dim: 1 }),
  'softmin/dim0_f64': (x: X) => F.softmin(x, 0),
  'softmin/dtype': (x: X) => F.softmin(x, { dim: -1, dtype: F64 }),
  'celu/default': (x: X) => F.celu(x),
  'celu/alpha': (x: X) => F.celu(x, { alpha: 0.5 }),
  'celu/f64': (x: X) => F.celu(x, 2),
  // ---- index: x.index(...) = Python x[...]
  'index/int': (x: X) => x.index(1),
  'index/slices': (x: X) => x.index(':', '1:3'),
  'index/step_neg_int': (x: X) => x.index('::2', -1),
  'index/ellipsis_none': (x: X) => x.index('...', null, 0),
  'index/mask': (x: X, m: X) => x.index(m),
  'index/int_tensor': (x: X, i: X) => x.index(':', i),
  'index/list': (x: X) => x.index([0, 2]),
  // ---- in-place arithmetic / comparison forms
  'addmm_/basic': (x: X, a: X, b: X) => x.clone().addmm_(a, b),
  'addmm_/beta_alpha': (x: X, a: X, b: X) => x.clone().addmm_(a, b, { beta: 0.5, alpha: -2 }),
  'baddbmm_/basic': (x: X, a: X, b: X) => x.clone().baddbmm_(a, b),
  'baddbmm_/beta_alpha': (x: X, a: X, b: X) => x.clone().baddbmm_(a, b, { beta: 2, alpha: 0.25 }),
  'bitwise_not_/int64': (x: X) => x.clone().bitwise_not_(),
  'bitwise_not_/bool': (x: X) => x.clone().bitwise_not_(),
  'bitwise_not_/int32': (x: X) => x.clone().bitwise_not_(),
  'clamp_max_/scalar': (x: X) => x.clone().clamp_max_(0.3),
  'clamp_max_/tensor': (x: X, m: X) => x.clone().clamp_max_(m),
  'clamp_max_/int': (x: X) => x.clone().clamp_max_(2),
  'clamp_min_/scalar': (x: X) => x.clone().clamp_min_(-0.3),
  'clamp_min_/tensor': (x: X, m: X) => x.clone().clamp_min_(m),
  'clamp_min_/int': (x: X) => x.clone().clamp_min_(-1),
  'clip_/both': (x: X) => x.clone().clip_(-0.5, 0.5),
  'clip_/min_only': (x: X) => x.clone().clip_(0),
  'clip_/max_only': (x: X) => x.clone().clip_(null, 0.2),
  'copy_/same': (x: X, y: X) => x.clone().copy_(y),
  'copy_/broadcast': (x: X, y: X) => x.clone().copy_(y),
  'copy_/int_to_float': (x: X, y: X) => x.clone().copy_(y),
  'cumsum_/dim1': (x: X) => x.clone().cumsum_(1),
  'cumsum_/dim0_f64': (x: X) => x.clone().cumsum_(0),
  'cumsum_/int': (x: X) => x.clone().cumsum_(-1),
  'divide_/tensor': (x: X, y: X) => x.clone().divide_(y),
  'divide_/floor': (x: X, y: X) => x.clone().divide_(y, { rounding_mode: 'floor' }),
  'divide_/trunc_int': (x: X, y: X) => x.clone().divide_(y, { rounding_mode: 'trunc' }),
  'true_divide_/tensor': (x: X, y: X) => x.clone().true_divide_(y),
  'true_divide_/scalar': (x: X) => x.clone().true_divide_(4),
  'floor_divide_/int': (x: X, y: X) => x.clone().floor_divide_(y),
  'floor_divide_/float': (x: X, y: X) => x.clone().floor_divide_(y),
  'floor_divide_/scalar': (x: X) => x.clone().floor_divide_(3),
  ...cmp('greater_'),
  ...cmp('greater_equal_'),
  ...cmp('less_'),
  ...cmp('less_equal_'),
  ...cmp('not_equal_'),
  'logical_not_/float': (x: X) => x.clone().logical_not_(),
  'logical_not_/bool': (x: X) => x.clone().logical_not_(),
  'logical_not_/int': (x: X) => x.clone().logical_not_(),
  'fill_/scalar': (x: X) => x.clone().fill_(2.5),
  'fill_/tensor': (x: X, v: X) => x.clone().fill_(v),
  'fill_/int': (x: X) => x.clone().fill_(7),
  'masked_fill_/scalar': (x: X, m: X) => x.clone().masked_fill_(m, 0.5),
  'masked_fill_/tensor_bcast': (x: X, m: X, v: X) => x.clone().masked_fill_(m, v),
  'masked_fill_/int': (x: X, m: X) => x.clone().masked_fill_(m, -1),
  'tril_/default': (x: X) => x.clone().tril_(),
  'tril_/diag_neg': (x: X) => x.clone().tril_(-1),
  'tril_/int_diag_pos': (x: X) => x.clone().tril_(1),
  'triu_/default': (x: X) => x.clone().triu_(),
  'triu_/diag_pos': (x: X) => x.clone().triu_(1),
  'triu_/int_diag_neg': (x: X) => x.clone().triu_(-1),
  // ---- in-place indexing writes
  'index_put_/int': (x: X, i: X, v: X) => x.clone().index_put_([i], v),
  'index_put_/accumulate': (x: X, i: X, v: X) => x.clone().index_put_([i], v, { accumulate: true }),
  'index_put_/mask': (x: X, m: X, v: X) => x.clone().index_put_([m], v),
  'scatter_/src': (x: X, i: X, s: X) => x.clone().scatter_(1, i, s),
  'scatter_/value': (x: X, i: X) => x.clone().scatter_(0, i, 1.5),
  'scatter_/reduce_add': (x: X, i: X, s: X) => x.clone().scatter_(1, i, s, { reduce: 'add' }),
  'scatter_add_/dim0': (x: X, i: X, s: X) => x.clone().scatter_add_(0, i, s),
  'scatter_add_/dim1_int': (x: X, i: X, s: X) => x.clone().scatter_add_(1, i, s),
  // ---- embedding_renorm_ (in place, outside autograd)
  'embedding_renorm_/l2': renorm(1, 2),
  'embedding_renorm_/l1_2d_idx': renorm(1.5, 1),
  // ---- random in-place ops (seeded inside)
  'bernoulli_/scalar': seeded(1, () => torch.zeros(3, 4).bernoulli_(0.4)),
  'bernoulli_/tensor_p': seeded(2, (p: X) => torch.zeros(2, 5, { dtype: F64 }).bernoulli_(p)),
  'normal_/f32': seeded(3, () => torch.zeros(2, 6).normal_(0.5, 2)),
  'normal_/f64_default': seeded(4, () => torch.zeros(9, { dtype: F64 }).normal_()),
  'uniform_/f32': seeded(5, () => torch.zeros(3, 5).uniform_(-1, 2)),
  'uniform_/f64_default': seeded(6, () => torch.zeros(8, { dtype: F64 }).uniform_()),
  'random_/from_to_i64': seeded(7, () => torch.zeros(10, { dtype: I64 }).random_(-4, 9)),
  'random_/to_f32': seeded(8, () => torch.zeros(10).random_(100)),
  'exponential_/f32': seeded(9, () => torch.zeros(12).exponential_(1.5)),
  'exponential_/f64_default': seeded(10, () => torch.zeros(7, { dtype: F64 }).exponential_()),
  // ---- dropout family (seeded inside; the gradient is the scaled mask)
  'dropout/p03': seeded(11, (x: X) => F.dropout(x, 0.3)),
  'dropout/eval': seeded(11, (x: X) => F.dropout(x, 0.3, { training: false })),
  'dropout/inplace_f64': seeded(12, (x: X) => F.dropout(x.clone(), 0.5, true, true)),
  'dropout1d/batched': seeded(13, (x: X) => F.dropout1d(x, 0.5)),
  'dropout1d/unbatched': seeded(14, (x: X) => F.dropout1d(x, 0.25)),
  'dropout2d/nchw': seeded(15, (x: X) => F.dropout2d(x, 0.5)),
  'dropout2d/inplace': seeded(16, (x: X) => F.dropout2d(x.clone(), 0.4, true, true)),
  'dropout3d/batched': seeded(17, (x: X) => F.dropout3d(x, 0.5)),
  'dropout3d/unbatched': seeded(18, (x: X) => F.dropout3d(x, 0.3)),
};

/** Cases whose values come straight from the generator: compared bit for bit. */
const EXACT = /^(bernoulli_|normal_|uniform_|random_|exponential_)\//;

const cases = loadFixtures('aliases');

describe('aliases and in-place forms vs PyTorch', () => {
  it('every fixture case has a TS twin and every twin a case', () => {
    expect(cases.filter((c) => !fns[c.name]).map((c) => c.name)).toEqual([]);
    const names = new Set(cases.map((c) => c.name));
    expect(Object.keys(fns).filter((n) => !names.has(n))).toEqual([]);
  });
  for (const c of cases) {
    const fn = fns[c.name];
    it(c.name, () => (EXACT.test(c.name) && fn ? checkCase(c, fn, { rtol: 0, atol: 0 }) : runCase(c, fn)));
  }
});

describe('aliases: in-place details', () => {
  it('addmm/baddbmm with beta ≠ 1 do not version-check input (its gradient is beta·g)', () => {
    // PyTorch's AddmmBackward doesn't save self, so overwriting it afterwards is fine.
    const w = torch.randn(2, 3, { requires_grad: true });
    const x = w.mul(1);
    const y = torch.addmm(x, torch.randn(2, 4), torch.randn(4, 3), { beta: 0.5 });
    x.mul_(2);
    const [g] = torch.autograd.grad(y.sum(), [w]);
    expect(g!.tolist()).toEqual([[0.5, 0.5, 0.5], [0.5, 0.5, 0.5]]);
    const xb = w.mul(1).unsqueeze(0);
    const yb = torch.baddbmm(xb, torch.randn(1, 2, 4), torch.randn(1, 4, 3), { beta: 3 });
    xb.zero_();
    const [gb] = torch.autograd.grad(yb.sum(), [w]);
    expect(gb!.tolist()).toEqual([[3, 3, 3], [3, 3, 3]]);
  });
});
