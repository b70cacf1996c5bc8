// Creation functions against PyTorch (fixtures from gen_creation.py): torch.tensor's dtype
// inference, constant fills, arange/linspace/eye, *_like, dtype and requires_grad options.
import { describe, expect, it } from 'vitest';
import * as torch from '../torchlike/index.js';
import type { Tensor } from '../torchlike/index.js';
import { checkCase, loadFixtures } from './helpers/fixtures.js';

const { float32: F32, float64: F64, int32: I32, int64: I64, bool: B } = torch;
const meta = (t: Tensor) => [t.shape, String(t.dtype)];
const withGrad = (t: Tensor) => [t, t.requires_grad];
const x = () => torch.tensor([[1, 2], [3, 4]], { dtype: F64 });

const fns: Record<string, () => unknown> = {
  tensor_bools: () => torch.tensor([true, false, true]),
  tensor_ints: () => torch.tensor([1, 2, 3]),
  tensor_floats: () => torch.tensor([1.5, -2.25]),
  tensor_int_float_mix: () => torch.tensor([1, 2.5]),
  tensor_bool_int_mix: () => torch.tensor([true, 2]),
  tensor_nested_ints: () => torch.tensor([[1, 2], [3, 4], [5, 6]]),
  tensor_nested_floats: () => torch.tensor([[1.5], [2.5]]),
  tensor_3d: () => torch.tensor([[[1, 2]], [[3, 4]]]),
  tensor_empty: () => torch.tensor([]),
  tensor_empty_nested: () => torch.tensor([[]]),
  tensor_scalar_int: () => torch.tensor(3),
  tensor_scalar_float: () => torch.tensor(2.5),
  tensor_scalar_bool: () => torch.tensor(true),
  tensor_dtype_f64: () => torch.tensor([1, 2], { dtype: F64 }),
  tensor_dtype_i32_trunc: () => torch.tensor([1.7, -2.7], { dtype: I32 }),
  tensor_dtype_bool: () => torch.tensor([0, 0.5, 2], { dtype: B }),
  tensor_requires_grad: () => withGrad(torch.tensor([1, 2], { dtype: F32, requires_grad: true })),
  tensor_big_int: () => torch.tensor([2 ** 40, -(2 ** 40) - 1]),
  tensor_nan_inf: () => torch.tensor([NaN, Infinity, -Infinity]),

  zeros_varargs: () => torch.zeros(2, 3),
  zeros_list_f64: () => torch.zeros([2, 3], { dtype: F64 }),
  zeros_empty: () => torch.zeros(0, 4),
  zeros_0d: () => torch.zeros([]),
  ones_i64: () => torch.ones(3, { dtype: I64 }),
  ones_bool: () => torch.ones(2, 2, { dtype: B }),
  ones_requires_grad: () => {
    const t = torch.ones(2, { requires_grad: true });
    return [t, t.requires_grad, t.is_leaf];
  },
  full_int: () => torch.full([2, 2], 7),
  full_float: () => torch.full([3], 2.5),
  full_bool: () => torch.full([2], true),
  full_dtype: () => torch.full([2], 3, { dtype: F64 }),
  empty_meta: () => meta(torch.empty(2, 3)),
  empty_meta_i32: () => meta(torch.empty(4, { dtype: I32 })),

  arange_end: () => torch.arange(5),
  arange_start_end: () => torch.arange(1, 4),
  arange_int_step: () => torch.arange(0, 10, 3),
  arange_neg_step: () => torch.arange(10, 0, -3),
  arange_float_step: () => torch.arange(0, 1, 0.1),
  arange_half_step: () => torch.arange(1, 2.5, 0.5),
  arange_float_start: () => torch.arange(0.5, 3),
  arange_len_rule: () => torch.arange(1, 1.3, 0.1),
  arange_neg_float: () => torch.arange(-1, 1, 0.3),
  arange_f64: () => torch.arange(5, { dtype: F64 }),
  arange_long_float: () => torch.arange(0, 5, 0.1),
  arange_long_f64: () => torch.arange(-3, 7, 0.37, { dtype: F64 }),
  arange_empty: () => torch.arange(3, 3),
  arange_int_dtype_float: () => torch.arange(0, 4, { dtype: F32 }),

  linspace_5: () => torch.linspace(0, 1, 5),
  linspace_1: () => torch.linspace(2, 3, 1),
  linspace_0: () => torch.linspace(2, 3, 0),
  linspace_neg: () => torch.linspace(3, -2, 7),
  linspace_long: () => torch.linspace(-1, 1, 50),
  linspace_f64_long: () => torch.linspace(-1, 1, 37, { dtype: F64 }),
  linspace_odd_step: () => torch.linspace(0.1, 0.7, 23),
  linspace_i64: () => torch.linspace(0, 10, 4, { dtype: I64 }),

  eye_3: () => torch.eye(3),
  eye_2x4: () => torch.eye(2, 4),
  eye_i64: () => torch.eye(3, { dtype: I64 }),
  eye_0: () => torch.eye(0),

  zeros_like: () => torch.zeros_like(x()),
  ones_like_dtype: () => torch.ones_like(x(), { dtype: I32 }),
  full_like: () => torch.full_like(x(), 9),
  full_like_int_into_float: () => torch.full_like(torch.tensor([1, 2]), 2.7),
  empty_like_meta: () => meta(torch.empty_like(x())),
  zeros_like_requires_grad: () => withGrad(torch.zeros_like(x(), { requires_grad: true })),
};

/**
 * Known gap: for some float32 linspace inputs ATen's AVX2 kernel rounds a few elements of its
 * vector blocks differently from our emulation (up to 2 ulp); the others in the fixture are exact.
 */
const LINSPACE_ULP = new Set(['linspace_odd_step']);

describe('creation: parity with PyTorch', () => {
  for (const c of loadFixtures('creation'))
    it(c.name, () => {
      expect(fns[c.name], `no torchlike call for fixture ${c.name}`).toBeDefined();
      // Bit for bit, except float32 linspace with vector blocks (see LINSPACE_ULP).
      checkCase(c, fns[c.name] as () => Tensor, LINSPACE_ULP.has(c.name) ? { rtol: 2.6e-7, atol: 0 } : { rtol: 0, atol: 0 });
    });
});

describe('creation: PyTorch errors', () => {
  it.each([
    [() => torch.arange(0, 5, 0), 'step must be nonzero'],
    [() => torch.arange(5, 0, 1), 'upper bound and larger bound inconsistent with step sign'],
    [() => torch.tensor([[1, 2], [3]]), 'expected sequence of length 2 at dim 1 (got 1)'],
    [() => torch.linspace(0, 1, -1), 'number of steps must be non-negative'],
    [() => torch.zeros(2, -1), 'Trying to create tensor with negative dimension -1: [2, -1]'],
    [() => torch.zeros(2, { dtype: I64, requires_grad: true }), 'Only Tensors of floating point and complex dtype can require gradients'],
  ])('%#', (fn, msg) => {
    expect(fn).toThrow(msg);
  });
});
