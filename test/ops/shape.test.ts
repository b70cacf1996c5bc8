// Shape ops vs PyTorch fixtures (test/fixtures/gen_shape.py), plus float64 gradchecks.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { loadFixtures, runCase, type Case } from '../helpers/fixtures.js';
import { slice } from '../../src/ops/slice.js';
import { gradcheck } from '../helpers/gradcheck.js';

type Fn = (...xs: any[]) => Tensor | Tensor[];
const T = (x: Tensor) => x;
const z = (...s: number[]) => torch.zeros(s);

const fns: Record<string, Fn> = {
  flatten_all: (x: Tensor) => x.flatten(),
  flatten_1: (x: Tensor) => torch.flatten(x, 1),
  flatten_0_1: (x: Tensor) => x.flatten(0, 1),
  flatten_0d: (x: Tensor) => x.flatten(),
  unflatten: (x: Tensor) => x.unflatten(1, [3, 4]),
  unflatten_neg: (x: Tensor) => x.unflatten(-1, [2, -1]),
  squeeze_all: (x: Tensor) => x.squeeze(),
  squeeze_1: (x: Tensor) => x.squeeze(1),
  squeeze_noop: (x: Tensor) => x.squeeze(0),
  squeeze_list: (x: Tensor) => x.squeeze([1, -1, 0]),
  unsqueeze_0: (x: Tensor) => x.unsqueeze(0),
  unsqueeze_neg: (x: Tensor) => torch.unsqueeze(x, -1),
  movedim_1: (x: Tensor) => x.movedim(0, -1),
  movedim_list: (x: Tensor) => torch.movedim(x, [0, 1], [2, 0]),
  cat_0: (a: Tensor, b: Tensor) => torch.cat([a, b]),
  cat_1: (a: Tensor, b: Tensor) => torch.cat([a, b], 1),
  cat_neg3: (a: Tensor, b: Tensor, c: Tensor) => torch.cat([a, b, c], { dim: -1 }),
  cat_promote: (a: Tensor, b: Tensor) => torch.cat([a, b]),
  cat_int: (a: Tensor, b: Tensor) => torch.concat([a, b], 1),
  cat_bool: (a: Tensor, b: Tensor) => torch.cat([a, b]),
  cat_legacy_empty: (a: Tensor, b: Tensor) => torch.cat([a, b], 1),
  stack_0: (a: Tensor, b: Tensor) => torch.stack([a, b]),
  stack_neg: (a: Tensor, b: Tensor, c: Tensor) => torch.stack([a, b, c], -1),
  split_int: (x: Tensor) => x.split(2, 1),
  split_list: (x: Tensor) => torch.split(x, [1, 4, 0], { dim: 1 }),
  chunk_3: (x: Tensor) => x.chunk(3),
  chunk_more: (x: Tensor) => torch.chunk(x, 4, 1),
  unbind_0: (x: Tensor) => x.unbind(),
  unbind_1: (x: Tensor) => torch.unbind(x, 1),
  flip_0: (x: Tensor) => x.flip(0),
  flip_02: (x: Tensor) => torch.flip(x, [0, 2]),
  flip_int: (x: Tensor) => x.flip(-1),
  roll_flat: (x: Tensor) => x.roll(2),
  roll_dim: (x: Tensor) => torch.roll(x, -1, 1),
  roll_multi: (x: Tensor) => x.roll([1, 5], [0, 2]),
  repeat_2d: (x: Tensor) => x.repeat(2, 3),
  repeat_lead: (x: Tensor) => x.repeat([2, 1, 2]),
  tile_short: (x: Tensor) => x.tile([2]),
  tril: (x: Tensor) => x.tril(),
  tril_k: (x: Tensor) => torch.tril(x, -1),
  tril_batch: (x: Tensor) => x.tril(1),
  triu: (x: Tensor) => x.triu(),
  triu_k: (x: Tensor) => torch.triu(x, { diagonal: 2 }),
  triu_int: (x: Tensor) => x.triu(-1),
  narrow: (x: Tensor) => x.narrow(1, 1, 2),
  narrow_neg: (x: Tensor) => torch.narrow(x, -1, -3, 2),
  select_0: (x: Tensor) => x.select(0, 1),
  select_neg: (x: Tensor) => torch.select(x, -1, -2),
  slice_scatter: (x: Tensor, s: Tensor) => torch.slice_scatter(x, s, 1, 0, 4, 2),
  edge_cat_zero: (a: Tensor, b: Tensor) => torch.cat([a, b], 1),
  edge_split_empty: (x: Tensor) => x.split(2, 1),
  edge_flip_empty: (x: Tensor) => x.flip(0),
  edge_roll_0d: (x: Tensor) => x.roll(1),
  edge_repeat_zero: (x: Tensor) => x.repeat(0, 2),
  edge_tril_empty: (x: Tensor) => x.tril(),
  err_cat_sizes: () => torch.cat([z(2, 3), z(3, 3)], 1),
  err_cat_rank: () => torch.cat([z(2, 3), z(3)]),
  err_cat_empty: () => torch.cat([]),
  err_stack_sizes: () => torch.stack([z(2, 3), z(2, 4)]),
  err_stack_empty: () => torch.stack([]),
  err_narrow: () => z(2, 3).narrow(1, 2, 2),
  err_select: () => z(2, 3).select(1, 5),
  err_split_sum: () => z(2, 3).split([1, 1], 1),
  err_split_zero: () => z(2, 3).split(0, 1),
  err_chunk_zero: () => z(2, 3).chunk(0),
  err_flatten_order: () => z(2, 3).flatten(1, 0),
  err_unflatten: () => z(2, 3).unflatten(1, [2, 2]),
  err_repeat: () => z(2, 3).repeat(2),
  err_roll: () => z(2, 3).roll([1, 2], [0]),
  err_flip_dup: () => z(2, 3).flip([0, 0]),
  err_movedim: () => z(2, 3).movedim([0, 1], [0]),
  err_movedim_rep: () => z(2, 3).movedim([0, 0], [0, 1]),
  err_unsqueeze: () => z(2, 3).unsqueeze(3),
  err_squeeze: () => z(2, 3).squeeze(3),
};


describe('shape ops vs PyTorch', () => {
  const cases = loadFixtures('shape');
  it('every fixture case has a TS twin', () => {
    expect(cases.filter((c) => !fns[c.name]).map((c) => c.name)).toEqual([]);
  });
  for (const c of cases) it(c.name, () => runCase(c, fns[c.name]));
});

describe('shape ops: views share memory', () => {
  it('flatten, unflatten, squeeze, unsqueeze are zero-copy', () => {
    const x = torch.zeros(2, 1, 3);
    for (const v of [x.flatten(), x.unflatten(2, [3, 1]), x.squeeze(1), x.unsqueeze(0)]) expect(v.numpy().buffer).toBe(x.numpy().buffer);
    x.squeeze().fill_(4);
    expect(x.sum().item()).toBe(24);
  });
  it('iteration over dim 0 uses select', () => {
    const rows = [...torch.arange(6).reshape(3, 2)].map((r) => r.tolist());
    expect(rows).toEqual([[0, 1], [2, 3], [4, 5]]);
  });
});

const f64 = (...s: number[]) => torch.linspace(-1.3, 2.1, s.reduce((a, b) => a * b, 1), { dtype: torch.float64 }).reshape(s);

describe('shape ops: float64 gradcheck', () => {
  it('flatten, unflatten, squeeze, unsqueeze, movedim', () => {
    expect(gradcheck((x) => x.flatten(1).unflatten(1, [2, 3]).unsqueeze(1).squeeze(1).movedim(0, 2), [f64(2, 2, 3)])).toBe(true);
  });
  it('cat, stack', () => {
    expect(gradcheck((a, b) => torch.cat([a, b, a], 1), [f64(2, 3), f64(2, 1)])).toBe(true);
    expect(gradcheck((a, b) => torch.stack([a, b], 1), [f64(2, 3), f64(2, 3)])).toBe(true);
  });
  it('split, chunk, unbind (several outputs)', () => {
    expect(gradcheck((x) => x.split([1, 3], 1), [f64(2, 4)])).toBe(true);
    expect(gradcheck((x) => x.chunk(3, 0), [f64(5, 2)])).toBe(true);
    expect(gradcheck((x) => T(x.unbind(1)[1]), [f64(2, 3)])).toBe(true);
  });
  it('flip, roll, repeat, tile', () => {
    expect(gradcheck((x) => x.flip(0, 1), [f64(2, 3)])).toBe(true);
    expect(gradcheck((x) => x.roll([1, -2], [0, 1]), [f64(2, 3)])).toBe(true);
    expect(gradcheck((x) => x.roll(4), [f64(2, 3)])).toBe(true);
    expect(gradcheck((x) => x.repeat(2, 1, 3), [f64(2, 3)])).toBe(true);
    expect(gradcheck((x) => x.tile([2]), [f64(3)])).toBe(true);
  });
  it('tril, triu', () => {
    expect(gradcheck((x) => x.tril(-1), [f64(3, 4)])).toBe(true);
    expect(gradcheck((x) => x.triu(1), [f64(2, 3, 3)])).toBe(true);
  });
  it('narrow, select, slice, slice_scatter', () => {
    expect(gradcheck((x) => x.narrow(1, 1, 2).select(0, -1), [f64(3, 4)])).toBe(true);
    expect(gradcheck((x) => slice(x, 1, 1, null, 2), [f64(3, 5)])).toBe(true);
    expect(gradcheck((x, s) => torch.slice_scatter(x, s, 0, 1, 5, 3), [f64(5, 2), f64(2, 2)])).toBe(true);
  });
});
