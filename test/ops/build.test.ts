// Building and joining ops vs PyTorch fixtures (test/fixtures/gen_build.py), float64 gradchecks.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { loadFixtures, runCase } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

type Fn = (...xs: any[]) => Tensor | Tensor[];
const L = (v: unknown, o?: object) => torch.tensor(v as number[], o);
const ones = (...s: number[]) => torch.ones(s);

const fns: Record<string, Fn> = {
  broadcast_to: (x) => torch.broadcast_to(x, [2, 3, 4]),
  broadcast_to_m1: (x) => x.broadcast_to([2, -1]),
  broadcast_tensors: (a, b, c) => torch.broadcast_tensors(a, b, c),
  broadcast_shapes: () => L(torch.broadcast_shapes([2, 1], [3], [4, 1, 1])),
  atleast_1d: (x) => torch.atleast_1d(x),
  atleast_2d: (a, b) => torch.atleast_2d(a, b),
  atleast_3d: (a, b, c) => torch.atleast_3d([a, b, c]),
  hstack_1d: (a, b) => torch.hstack([a, b]),
  hstack_2d: (a, b) => torch.hstack([a, b]),
  hstack_0d: (a, b) => torch.hstack([a, b]),
  vstack: (a, b) => torch.vstack([a, b]),
  row_stack: (a, b) => torch.row_stack([a, b]),
  dstack: (a, b) => torch.dstack([a, b]),
  dstack_3d: (a, b) => torch.dstack([a, b]),
  column_stack: (a, b, c) => torch.column_stack([a, b, c]),
  column_stack_int: (a, b) => torch.column_stack([a, b]),
  hsplit_n: (x) => torch.hsplit(x, 2),
  hsplit_1d: (x) => x.hsplit([1, 3]),
  vsplit: (x) => x.vsplit(2),
  vsplit_list: (x) => torch.vsplit(x, [1, 3]),
  dsplit: (x) => x.dsplit([1]),
  meshgrid_ij: (a, b) => torch.meshgrid(a, b, { indexing: 'ij' }),
  meshgrid_xy: (a, b, c) => torch.meshgrid(a, b, c, { indexing: 'xy' }),
  meshgrid_list: (a, b) => torch.meshgrid([a, b], { indexing: 'ij' }),
  repeat_interleave_int: (x) => x.repeat_interleave(2),
  repeat_interleave_dim: (x) => torch.repeat_interleave(x, 3, { dim: 1 }),
  repeat_interleave_tensor: (x) => x.repeat_interleave(L([1, 0, 2]), { dim: 0 }),
  repeat_interleave_flat_t: (x) => torch.repeat_interleave(x, L([1, 2, 0, 1])),
  repeat_interleave_out: (x) => x.repeat_interleave(L([2, 1]), { dim: -1, output_size: 3 }),
  repeat_interleave_self: () => torch.repeat_interleave(L([2, 0, 3])),
  diag_vec: (x) => torch.diag(x),
  diag_vec_k: (x) => x.diag(1),
  diag_vec_neg: (x) => torch.diag(x, -2),
  diag_mat: (x) => x.diag(),
  diag_mat_k: (x) => torch.diag(x, -1),
  diagflat: (x) => torch.diagflat(x),
  diagflat_k: (x) => x.diagflat(-1),
  diag_embed: (x) => torch.diag_embed(x),
  diag_embed_k: (x) => x.diag_embed(1, 0, 2),
  diag_embed_neg: (x) => torch.diag_embed(x, { offset: -1, dim1: -1, dim2: 0 }),
  trace: (x) => torch.trace(x),
  trace_int: (x) => x.trace(),
  index_add: (x, s) => torch.index_add(x, 0, L([0, 2, 0]), s),
  index_add_alpha: (x, s) => x.index_add(1, L([1, 1]), s, { alpha: 2.5 }),
  index_add_int: (x, s) => x.index_add(0, L([1, 0], { dtype: torch.int32 }), s),
  index_add_: (x, s) => x.clone().index_add_(0, L([2]), s),
  index_copy: (x, s) => torch.index_copy(x, 1, L([2, 0]), s),
  index_copy_: (x, s) => x.clone().index_copy_(0, L([1]), s),
  index_fill: (x) => torch.index_fill(x, 1, L([0, 2]), -1.5),
  index_fill_neg: (x) => x.index_fill(0, L([-1]), 7),
  index_fill_: (x) => x.clone().index_fill_(1, L([1]), 0.5),
  take_along_dim: (x, i) => torch.take_along_dim(x, i, 1),
  take_along_dim_bc: (x, i) => x.take_along_dim(i, { dim: 0 }),
  take_along_dim_flat: (x, i) => torch.take_along_dim(x, i),
  err_hsplit_0d: () => torch.hsplit(L(1.0), 2),
  err_vsplit_rank: () => torch.vsplit(ones(3), 3),
  err_hsplit_div: () => torch.hsplit(ones(2, 3), 2),
  err_dsplit_rank: () => torch.dsplit(ones(2, 3), 2),
  err_hstack_empty: () => torch.hstack([]),
  err_vstack_empty: () => torch.vstack([]),
  err_dstack_empty: () => torch.dstack([]),
  err_column_stack_empty: () => torch.column_stack([]),
  err_meshgrid_dtype: () => torch.meshgrid(ones(2), torch.ones(2, { dtype: torch.float64 }), { indexing: 'ij' }),
  err_meshgrid_indexing: () => torch.meshgrid(ones(2), { indexing: 'zz' }),
  err_broadcast_shapes: () => L(torch.broadcast_shapes([2, 3], [4])),
  err_broadcast_to: () => torch.broadcast_to(ones(3), [2]),
  err_index_add_range: () => torch.index_add(torch.zeros(3), 0, L([5]), ones(1)),
  err_index_add_dtype: () => torch.index_add(torch.zeros(3), 0, L([0.5]), ones(1)),
  err_index_copy_range: () => torch.index_copy(torch.zeros(3), 0, L([5]), ones(1)),
  err_index_fill_range: () => torch.index_fill(torch.zeros(3), 0, L([5]), 1.0),
  err_take_along_dim_range: () => torch.take_along_dim(torch.zeros(3, 2), L([[5]]), 0),
  err_trace_rank: () => torch.trace(ones(3)),
  err_diag_rank: () => torch.diag(ones(2, 2, 2)),
  err_repeat_interleave_neg: () => torch.repeat_interleave(ones(2), L([1, -1])),
  rot90: (x) => torch.rot90(x),
  rot90_k2: (x) => x.rot90(2, [1, 2]),
  rot90_k3: (x) => torch.rot90(x, -1, [0, -1]),
  rot90_k0: (x) => torch.rot90(x, 4),
  fliplr: (x) => x.fliplr(),
  flipud: (x) => torch.flipud(x),
  tril_indices: () => torch.tril_indices(3, 4, -1),
  tril_indices_int: () => torch.tril_indices(3, 3, { dtype: torch.int32 }),
  triu_indices: () => torch.triu_indices(4, 3, 1),
  triu_indices_empty: () => torch.triu_indices(2, 2, 5),
  block_diag: (a, b, c) => torch.block_diag(a, b, c),
  block_diag_promote: (a, b) => torch.block_diag(a, b),
  cartesian_prod: (a, b) => torch.cartesian_prod(a, b),
  cartesian_prod_3: (a, b, c) => torch.cartesian_prod(a, b, c),
  vander: (x) => torch.vander(x),
  vander_n_inc: (x) => torch.vander(x, { N: 4, increasing: true }),
  vander_int: (x) => torch.vander(x, 3),
  select_scatter: (x, s) => torch.select_scatter(x, s, 0, 1),
  select_scatter_neg: (x, s) => x.select_scatter(s, -1, -1),
  err_rot90_dims: () => torch.rot90(ones(2, 2), 1, [0, 1, 2]),
  err_rot90_rank: () => torch.rot90(ones(2), 1, [0, 0]),
  err_rot90_same: () => torch.rot90(ones(2, 2), 1, [0, 0]),
  err_fliplr: () => torch.fliplr(ones(2)),
  err_flipud: () => torch.flipud(L(1.0)),
  err_tril_indices_dtype: () => torch.tril_indices(3, 3, { dtype: torch.float32 }),
  err_vander_rank: () => torch.vander(ones(2, 2)),
  err_vander_n: () => torch.vander(ones(2), -1),
  err_block_diag_rank: () => torch.block_diag(ones(2, 2, 2)),
  err_cartesian_prod: () => torch.cartesian_prod(ones(2, 2)),
  err_select_scatter_size: () => torch.select_scatter(torch.zeros(2, 2), ones(3), 0, 0),
  err_select_scatter_index: () => torch.select_scatter(torch.zeros(2, 2), ones(2), 0, 5),
};

describe('build fixtures (PyTorch 1.13)', () => {
  for (const c of loadFixtures('build')) it(c.name, () => runCase(c, fns[c.name]));
});

const f64 = (...s: number[]) => torch.randn(s, { dtype: torch.float64 });

describe('build gradcheck (float64)', () => {
  it('broadcast, stacks, splits, meshgrid', () => {
    expect(gradcheck((a) => torch.broadcast_to(a, [2, 3, 2]), [f64(3, 1)])).toBe(true);
    expect(gradcheck((a, b) => torch.broadcast_tensors(a, b)[0].mul(torch.broadcast_tensors(a, b)[1]), [f64(2, 1), f64(3)])).toBe(true);
    expect(gradcheck((a, b) => torch.hstack([a, b]), [f64(2, 1), f64(2, 2)])).toBe(true);
    expect(gradcheck((a, b) => torch.vstack([a, b]), [f64(3), f64(2, 3)])).toBe(true);
    expect(gradcheck((a, b) => torch.dstack([a, b]), [f64(3), f64(1, 3)])).toBe(true);
    expect(gradcheck((a, b) => torch.column_stack([a, b]), [f64(3), f64(3, 2)])).toBe(true);
    expect(gradcheck((a) => torch.hsplit(a, [1])[1], [f64(2, 3)])).toBe(true);
    expect(gradcheck((a, b) => torch.meshgrid(a, b, { indexing: 'xy' })[0].add(torch.meshgrid(a, b, { indexing: 'xy' })[1]), [f64(3), f64(2)])).toBe(true);
  });
  it('repeat_interleave, diag, diag_embed, diagflat, trace', () => {
    expect(gradcheck((a) => a.repeat_interleave(2, { dim: 1 }), [f64(2, 3)])).toBe(true);
    expect(gradcheck((a) => a.repeat_interleave(torch.tensor([2, 0, 1])), [f64(3)])).toBe(true);
    expect(gradcheck((a) => torch.diag(a, 1), [f64(3)])).toBe(true);
    expect(gradcheck((a) => torch.diag(a, -1), [f64(3, 4)])).toBe(true);
    expect(gradcheck((a) => torch.diag_embed(a, -1, 0, 2), [f64(2, 3)])).toBe(true);
    expect(gradcheck((a) => torch.diagflat(a), [f64(2, 2)])).toBe(true);
    expect(gradcheck((a) => torch.trace(a), [f64(3, 4)])).toBe(true);
  });
  it('index_add, index_copy, index_fill, take_along_dim', () => {
    const i = torch.tensor([0, 2, 0]);
    expect(gradcheck((a, s) => a.index_add(0, i, s, { alpha: 2 }), [f64(3, 2), f64(3, 2)])).toBe(true);
    expect(gradcheck((a, s) => a.index_copy(1, torch.tensor([2, 0]), s), [f64(2, 3), f64(2, 2)])).toBe(true);
    expect(gradcheck((a) => a.index_fill(1, torch.tensor([1]), 3), [f64(2, 3)])).toBe(true);
    expect(gradcheck((a) => torch.take_along_dim(a, torch.tensor([[2], [0]]), 0), [f64(3, 4)])).toBe(true);
  });
  it('rot90, fliplr, flipud, block_diag, cartesian_prod, vander, select_scatter', () => {
    expect(gradcheck((a) => torch.rot90(a, 3), [f64(2, 3)])).toBe(true);
    expect(gradcheck((a) => a.fliplr().flipud(), [f64(2, 3)])).toBe(true);
    expect(gradcheck((a, b) => torch.block_diag(a, b), [f64(2, 2), f64(3)])).toBe(true);
    expect(gradcheck((a, b) => torch.cartesian_prod(a, b), [f64(2), f64(3)])).toBe(true);
    expect(gradcheck((a) => torch.vander(a, { N: 4 }), [f64(3)])).toBe(true);
    expect(gradcheck((a, s) => torch.select_scatter(a, s, 1, 0), [f64(2, 3), f64(2)])).toBe(true);
  });
});
