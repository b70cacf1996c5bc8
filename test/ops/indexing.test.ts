// Indexing ops and the subscript helper vs PyTorch fixtures (test/fixtures/gen_indexing.py),
// plus float64 gradchecks and the in-place/autograd behaviour of the writing ops.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { loadFixtures, runCase, type Case } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

type Fn = (...xs: any[]) => Tensor | Tensor[];
const L = (...v: number[]) => torch.tensor(v, { dtype: torch.int64 });
const setitem = (items: (y: Tensor) => torch.IndexItem[]) => (x: Tensor, v: Tensor | number) => {
  const y = x.clone();
  y.setIndex(items(y), v);
  return y;
};
const inplace = (m: 'fill_' | 'zero_' | 'copy_') => (x: Tensor, ...a: any[]) => {
  const y = x.mul(1);
  (y[m] as (...z: any[]) => Tensor)(...a);
  return y;
};
const x34 = () => torch.zeros(3, 4);
const x234 = () => torch.zeros(2, 3, 4);

const fns: Record<string, Fn> = {
  index_select_0: (x: Tensor, i: Tensor) => torch.index_select(x, 0, i),
  index_select_1: (x: Tensor, i: Tensor) => x.index_select(1, i),
  index_select_int: (x: Tensor, i: Tensor) => x.index_select(-1, i),
  gather_0: (x: Tensor, i: Tensor) => torch.gather(x, 0, i),
  gather_1: (x: Tensor, i: Tensor) => x.gather(1, i),
  scatter_src: (x: Tensor, i: Tensor, s: Tensor) => x.scatter(1, i, s),
  scatter_src_big: (x: Tensor, i: Tensor, s: Tensor) => torch.scatter(x, 0, i, s),
  scatter_value: (x: Tensor, i: Tensor) => x.scatter(0, i, 1.5),
  scatter_reduce_add: (x: Tensor, i: Tensor, s: Tensor) => x.scatter(1, i, s, { reduce: 'add' }),
  scatter_reduce_mul: (x: Tensor, i: Tensor, s: Tensor) => x.scatter(1, i, s, { reduce: 'multiply' }),
  scatter_add: (x: Tensor, i: Tensor, s: Tensor) => x.scatter_add(0, i, s),
  scatter_add_int: (x: Tensor, i: Tensor, s: Tensor) => torch.scatter_add(x, 1, i, s),
  masked_fill_scalar: (x: Tensor, m: Tensor) => x.masked_fill(m, 2.5),
  masked_fill_tensor: (x: Tensor, m: Tensor, v: Tensor) => torch.masked_fill(x, m, v),
  masked_fill_ninf: (x: Tensor, m: Tensor) => x.masked_fill(m, -Infinity),
  masked_fill_bcast: (x: Tensor, m: Tensor) => x.masked_fill(m, 1),
  masked_fill_bool: (x: Tensor, m: Tensor) => x.masked_fill(m, true),
  masked_fill_int: (x: Tensor, m: Tensor) => x.masked_fill(m, 7),
  masked_select: (x: Tensor, m: Tensor) => x.masked_select(m),
  masked_select_bcast: (x: Tensor, m: Tensor) => torch.masked_select(x, m),
  nonzero: (x: Tensor) => x.nonzero(),
  nonzero_tuple: (x: Tensor) => torch.nonzero(x, { as_tuple: true }),
  nonzero_bool: (x: Tensor) => torch.argwhere(x),
  index_put_acc: (x: Tensor, i: Tensor, v: Tensor) => x.index_put([i], v, { accumulate: true }),
  index_put_2: (x: Tensor, i: Tensor, j: Tensor, v: Tensor) => torch.index_put(x, [i, j], v),
  index_put_rows: (x: Tensor, i: Tensor, v: Tensor) => x.index_put([i], v),
  take: (x: Tensor, i: Tensor) => torch.take(x, i),
  edge_index_select_empty: (x: Tensor, i: Tensor) => x.index_select(0, i),
  edge_gather_empty: (x: Tensor, i: Tensor) => x.gather(1, i),
  edge_masked_select_none: (x: Tensor, m: Tensor) => x.masked_select(m),
  edge_nonzero_none: (x: Tensor) => x.nonzero(),
  edge_nonzero_0d: (x: Tensor) => x.nonzero(),
  edge_sub_0d_none: (x: Tensor) => x.index(null),
  edge_sub_empty_rows: (x: Tensor) => x.index('2:2', [0, 1]),
  edge_set_empty_mask: (x: Tensor, m: Tensor) => setitem(() => [m])(x, 1),
  edge_index_put_int: (x: Tensor, i: Tensor) => x.index_put([i], torch.tensor(9)),
  sub_int: (x: Tensor) => x.index(1),
  sub_int_slice: (x: Tensor) => x.index(-1, '1:3'),
  sub_ellipsis_none: (x: Tensor) => x.index('...', null, -1),
  sub_step: (x: Tensor) => x.index(':', '::2'),
  sub_neg_slice: (x: Tensor) => x.index('-2:', '1:-1:2'),
  sub_empty_slice: (x: Tensor) => x.index('3:1'),
  sub_mask: (x: Tensor, m: Tensor) => x.index(m),
  sub_mask_rows: (x: Tensor, m: Tensor) => x.index(m),
  sub_mask_mid: (x: Tensor, m: Tensor) => x.index(':', m),
  sub_list: (x: Tensor) => x.index(':', [0, 2, 2]),
  sub_two_adv: (x: Tensor) => x.index([1, 0], [2, -1]),
  sub_nonadjacent: (x: Tensor, i: Tensor, j: Tensor) => x.index(i, ':', j),
  sub_adjacent_mid: (x: Tensor, i: Tensor, j: Tensor) => x.index(':', i, j),
  sub_adv_bcast: (x: Tensor, i: Tensor, j: Tensor) => x.index(i, j),
  sub_int_and_adv: (x: Tensor) => x.index(0, ':', [1, 2]),
  sub_none_adv: (x: Tensor, i: Tensor) => x.index(null, i),
  set_slice: setitem(() => [':', '1:3']),
  set_scalar: (x: Tensor) => setitem(() => [0])(x, 5),
  set_mask: (x: Tensor, m: Tensor) => setitem(() => [m])(x, 0),
  set_adv: setitem(() => [[0, 2]]),
  set_ellipsis: setitem(() => ['...', -1]),
  fill_tensor: inplace('fill_'),
  fill_scalar: (x: Tensor) => inplace('fill_')(x, 2),
  zero_: inplace('zero_'),
  copy_bcast: inplace('copy_'),
  copy_double: inplace('copy_'),
  copy_int: (x: Tensor, s: Tensor) => x.clone().copy_(s),
  err_gather_oob: () => x34().gather(1, L(5).reshape(1, 1)),
  err_gather_neg: () => x34().gather(1, L(-1).reshape(1, 1)),
  err_gather_rank: () => x34().gather(1, L(1)),
  err_gather_size: () => x34().gather(1, L(1, 1, 1, 1).reshape(4, 1)),
  err_gather_dtype: () => x34().gather(1, torch.tensor([[1]], { dtype: torch.int32 })),
  err_scatter_oob: () => x34().scatter(1, L(5).reshape(1, 1), 1),
  err_scatter_dtype: () => x34().scatter(1, L(1).reshape(1, 1), torch.zeros([3, 4], { dtype: torch.float64 })),
  err_scatter_add_oob: () => x34().scatter_add(0, L(3).reshape(1, 1), x34()),
  err_scatter_reduce: () => x34().scatter(1, L(1).reshape(1, 1), 2, { reduce: 'max' as 'add' }),
  err_masked_fill_value: () => x34().masked_fill(torch.ones([3, 4], { dtype: torch.bool }), torch.tensor([1, 2])),
  err_masked_fill_inplace: () => x34().masked_fill_(torch.ones([2, 3, 4], { dtype: torch.bool }), 1),
  err_index_select_vec: () => x34().index_select(1, L(1).reshape(1, 1)),
  err_sub_oob: () => x34().index(':', L(5)),
  err_sub_oob_int: () => x34().index(0, 5),
  err_sub_oob_adv2: () => x234().index(L(0), ':', L(9)),
  err_sub_neg_step: () => x34().index('::-1'),
  err_sub_zero_step: () => x34().index('::0'),
  err_sub_too_many: () => x34().index(0, 0, 0),
  err_sub_mask_shape: () => x34().index(torch.tensor([true, false])),
  err_sub_bcast: () => x234().index(':', L(0, 1), L(0, 1, 2)),
  err_sub_float: () => x34().index(1.5),
  err_index_put_shape: () => x34().index_put_([L(0, 1)], torch.ones(3, 3)),
  err_index_put_dtype: () => x34().index_put_([L(0)], torch.ones([4], { dtype: torch.float64 })),
  err_index_put_oob: () => x34().index_put_([L(5)], torch.tensor(1, { dtype: torch.float32 })),
  err_setitem_shape: () => x34().setIndex([':', 0], torch.ones(4)),
  err_take_oob: () => x34().take(torch.tensor([12])),
  err_fill_dim: () => x34().fill_(torch.zeros(3)),
  err_leaf_inplace: () => x34().requires_grad_().fill_(1),
};

// Same runner as shape.test.ts (a candidate for test/helpers/fixtures.ts).

describe('indexing ops vs PyTorch', () => {
  const cases = loadFixtures('indexing');
  it('every fixture case has a TS twin', () => {
    expect(cases.filter((c) => !fns[c.name]).map((c) => c.name)).toEqual([]);
  });
  for (const c of cases) it(c.name, () => runCase(c, fns[c.name]));
});

const f64 = (...s: number[]) => torch.linspace(-1.3, 2.1, s.reduce((a, b) => a * b, 1), { dtype: torch.float64 }).reshape(s);

describe('indexing ops: float64 gradcheck', () => {
  it('index_select, gather (repeated indices accumulate)', () => {
    expect(gradcheck((x) => x.index_select(0, L(2, 0, 2)), [f64(3, 2)])).toBe(true);
    expect(gradcheck((x) => x.gather(1, L(0, 0, 2, 1).reshape(2, 2)), [f64(2, 3)])).toBe(true);
  });
  it('scatter, scatter_add (self and src)', () => {
    const i = L(2, 0, 1, 1).reshape(2, 2);
    expect(gradcheck((x, s) => x.scatter(1, L(2, 0, 1, 2).reshape(2, 2), s), [f64(2, 3), f64(2, 2)])).toBe(true);
    expect(gradcheck((x, s) => x.scatter_add(0, i, s), [f64(3, 2), f64(2, 3)])).toBe(true);
  });
  it('masked_fill (input and 0-d value), masked_select', () => {
    const m = torch.tensor([[true, false, true], [false, false, true]]);
    expect(gradcheck((x, v) => x.masked_fill(m, v), [f64(2, 3), torch.tensor(0.5, { dtype: torch.float64 })])).toBe(true);
    expect(gradcheck((x) => x.masked_select(m), [f64(2, 3)])).toBe(true);
  });
  it('subscript: basic, mask, advanced', () => {
    expect(gradcheck((x) => x.index(-1, '::2'), [f64(3, 4)])).toBe(true);
    expect(gradcheck((x) => x.index('...', null, '1:'), [f64(2, 3)])).toBe(true);
    expect(gradcheck((x) => x.index([1, 1, 0], ':', L(3, 3, 0)), [f64(2, 3, 4)])).toBe(true);
  });
  it('index_put (accumulate or not), setIndex, copy_, fill_', () => {
    expect(gradcheck((x, v) => x.index_put([L(0, 2, 0)], v, true), [f64(4), f64(3)])).toBe(true);
    expect(gradcheck((x, v) => x.index_put([':', L(1)], v), [f64(3, 2), f64(3, 1)])).toBe(true);
    expect(gradcheck((x, v) => x.clone().setIndex(['1:', 0], v), [f64(3, 2), f64(1)])).toBe(true);
    expect(gradcheck((x, s) => x.mul(1).copy_(s), [f64(2, 3), f64(3)])).toBe(true);
    expect(gradcheck((x, v) => x.mul(1).fill_(v), [f64(2, 3), torch.tensor(0.5, { dtype: torch.float64 })])).toBe(true);
  });
});

describe('writing ops: in place, autograd history', () => {
  it('scatter_, masked_fill_, index_put_, setIndex write into self and match the out-of-place ops', () => {
    const x = torch.zeros(2, 3);
    const i = L(2, 0).reshape(2, 1);
    const m = torch.tensor([true, false, false]);
    const seven = torch.tensor(7, { dtype: torch.float32 });
    const want = torch.zeros(2, 3).scatter(1, i, 1).masked_fill(m, 5).index_put([L(1), L(1)], seven).index_put([0, '1:'], 9);
    const same = (y: Tensor) => expect(y).toBe(x);
    same(x.scatter_(1, i, 1));
    same(x.masked_fill_(m, 5));
    same(x.index_put_([L(1), L(1)], seven));
    same(x.setIndex([0, '1:'], 9));
    expect(x._version).toBe(4);
    expect(x.tolist()).toEqual(want.tolist());
  });
  it('a view sees fill_ and zero_ through shared storage', () => {
    const x = torch.ones(2, 3);
    const v = x.view(6);
    x.zero_();
    expect(v.sum().item()).toBe(0);
  });
  it('gradient reaches values written by setIndex', () => {
    const v = torch.tensor([1, 2], { dtype: torch.float32, requires_grad: true });
    const y = torch.zeros(3, 2);
    y.setIndex([1], v);
    expect(y.requires_grad).toBe(true);
    const w = torch.linspace(1, 6, 6).reshape(3, 2);
    y.mul(w).sum().backward();
    // d sum(y * w) / dv is the row of w that v was written to
    expect(v.grad!.tolist()).toEqual(w.index(1).tolist());
  });
});
