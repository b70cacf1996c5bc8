// Reductions and the matmul family against PyTorch fixtures (gen_reduce.py), float64 gradchecks
// and PyTorch's error messages.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { type Case, checkCase, loadFixtures } from '../helpers/fixtures.js';
import { fixtureCall } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

const T = torch as unknown as Record<string, (...a: unknown[]) => Tensor | Tensor[]>;
const special: Record<string, (...a: unknown[]) => Tensor | Tensor[]> = {
  vector_norm: torch.linalg.vector_norm as never,
  var: torch.var as never,
};

const fnFor = (c: Case) => fixtureCall(c, T, special);

describe('reduce fixtures (PyTorch 1.13)', () => {
  for (const c of loadFixtures('reduce')) it(c.name, () => checkCase(c, fnFor(c)));
});

const f64 = (...s: number[]) => torch.randn(s, { dtype: torch.float64 });

describe('reduce gradcheck (float64)', () => {
  it('amax, amin, max, min (with and without dim)', () => {
    const x = f64(3, 4);
    expect(gradcheck((a) => a.amax(1), [x])).toBe(true);
    expect(gradcheck((a) => a.amin({ dim: [0, 1], keepdim: true }), [x])).toBe(true);
    expect(gradcheck((a) => a.max(), [x])).toBe(true);
    expect(gradcheck((a) => a.min(0).values, [x])).toBe(true);
    expect(gradcheck((a) => a.max(1, true)[0], [x])).toBe(true);
  });
  it('prod (also with a zero)', () => {
    expect(gradcheck((a) => a.prod(1), [f64(3, 4)])).toBe(true);
    const z = torch.tensor([[1.5, 0, 2], [0.5, -2, 3]], { dtype: torch.float64 });
    expect(gradcheck((a) => a.prod(), [z])).toBe(true);
    expect(gradcheck((a) => a.prod(1, true), [z])).toBe(true);
  });
  it('var, std, logsumexp', () => {
    const x = f64(3, 4);
    expect(gradcheck((a) => a.var(1), [x])).toBe(true);
    expect(gradcheck((a) => a.std({ dim: 0, correction: 0, keepdim: true }), [x])).toBe(true);
    expect(gradcheck((a) => torch.var_mean(a, 1), [x])).toBe(true);
    expect(gradcheck((a) => a.logsumexp([0, 1]), [x])).toBe(true);
  });
  it('norm for p = 2, 1, 3, 1.5, inf, -inf', () => {
    const x = torch.tensor([[0.3, -1.2, 0.7], [1.1, 0.4, -0.6]], { dtype: torch.float64 });
    for (const p of [2, 1, 3, 1.5, 0.5, Infinity, -Infinity]) expect(gradcheck((a) => a.norm(p, 1), [x])).toBe(true);
    expect(gradcheck((a) => torch.linalg.vector_norm(a), [x])).toBe(true);
  });
  it('einsum', () => {
    expect(gradcheck((a, b) => torch.einsum('ij,jk->ik', a, b), [f64(2, 3), f64(3, 4)])).toBe(true);
    expect(gradcheck((a, b) => torch.einsum('ik,j->ij', a, b), [f64(2, 3), f64(4)])).toBe(true);
    expect(gradcheck((a, b) => torch.einsum('...ij,...jk->...ik', a, b), [f64(2, 1, 2, 3), f64(3, 3, 4)])).toBe(true);
  });
  it('cumsum', () => {
    expect(gradcheck((a) => a.cumsum(1), [f64(3, 4)])).toBe(true);
  });
  it('dot, mv, outer, addmm, baddbmm, linear', () => {
    expect(gradcheck((a, b) => torch.dot(a, b), [f64(4), f64(4)])).toBe(true);
    expect(gradcheck((a, b) => torch.mv(a, b), [f64(3, 4), f64(4)])).toBe(true);
    expect(gradcheck((a, b) => torch.outer(a, b), [f64(3), f64(2)])).toBe(true);
    expect(gradcheck((c, a, b) => torch.addmm(c, a, b, { beta: 0.5, alpha: 2 }), [f64(3), f64(2, 4), f64(4, 3)])).toBe(true);
    expect(gradcheck((c, a, b) => torch.baddbmm(c, a, b), [f64(2, 2, 3), f64(2, 2, 4), f64(2, 4, 3)])).toBe(true);
    expect(gradcheck((x, w, b) => torch.linear(x, w, b), [f64(3, 4), f64(2, 4), f64(2)])).toBe(true);
    expect(gradcheck((x, w, b) => torch.linear(x, w, b), [f64(2, 3, 4), f64(2, 4), f64(2)])).toBe(true);
  });
  it('double backward through prod, logsumexp, norm', () => {
    const x = torch.tensor([[0.5, 2, -1], [3, 0.25, 1]], { dtype: torch.float64 });
    const gradOf = (f: (a: Tensor) => Tensor) => (a: Tensor) =>
      torch.enable_grad(() => torch.autograd.grad(f(a).sum(), [a], { create_graph: true })[0]!);
    expect(gradcheck(gradOf((a) => a.prod(1)), [x])).toBe(true);
    expect(gradcheck(gradOf((a) => a.logsumexp(1)), [x])).toBe(true);
    expect(gradcheck(gradOf((a) => a.norm(3, 0)), [x])).toBe(true);
  });
});

describe('reduce errors (PyTorch messages)', () => {
  const E = torch.zeros(0, 3);
  const x = torch.ones(2, 3);
  it('empty reductions without identity', () => {
    expect(() => torch.max(E)).toThrow("max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
    expect(() => torch.min(E, 0)).toThrow('min(): Expected reduction dim 0 to have non-zero size.');
    expect(torch.max(E, 1).values.shape).toEqual([0]);
    expect(() => torch.amax(E)).toThrow("amax(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
    expect(() => torch.amin(E, 0)).toThrow('amin(): Expected reduction dim 0 to have non-zero size.');
    expect(() => torch.argmax(E)).toThrow('argmax(): Expected reduction dim to be specified for input.numel() == 0.');
    expect(() => torch.argmin(E, 0)).toThrow('argmin(): Expected reduction dim 0 to have non-zero size.');
    expect(() => torch.linalg.vector_norm(E, Infinity)).toThrow(
      'linalg.vector_norm cannot compute the inf norm on an empty tensor because the operation does not have an identity',
    );
    expect(torch.prod(E).item()).toBe(1);
    expect(torch.linalg.vector_norm(E).item()).toBe(0);
  });
  it('dtype errors', () => {
    expect(() => torch.tensor([1, 2]).var()).toThrow('std and var only support floating point and complex dtypes');
    expect(() => torch.tensor([1, 2]).norm()).toThrow('norm(): input dtype should be either floating point or complex. Got Long instead.');
    expect(() => torch.linalg.vector_norm(torch.tensor([1, 2]))).toThrow('linalg.vector_norm: Expected a floating point or complex tensor as input. Got Long');
    expect(() => torch.tensor([true, false]).argmax()).toThrow(`"argmax_cpu" not implemented for 'Bool'`);
    expect(() => torch.dot(torch.ones(3), torch.ones(3, { dtype: torch.float64 }))).toThrow('dot : expected both vectors to have same dtype, but found Float and Double');
    expect(() => torch.linear(x, torch.ones(4, 3, { dtype: torch.float64 }))).toThrow('expected scalar type Float but found Double');
  });
  it('shape errors', () => {
    expect(() => torch.dot(x, x)).toThrow('1D tensors expected, but got 2D and 2D tensors');
    expect(() => torch.dot(torch.ones(3), torch.ones(4))).toThrow(
      'inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, but got 3 and 4 elements respectively',
    );
    expect(() => torch.mv(x, x)).toThrow('vector + matrix @ vector expected, got 1, 2, 2');
    expect(() => torch.mv(x, torch.ones(4))).toThrow('size mismatch, got input (2), mat (2x3), vec (4)'); // PyTorch 2.x wording, as matmul
    expect(() => torch.outer(x, x)).toThrow('outer: Expected 1-D argument self, but got 2-D');
    expect(() => torch.addmm(torch.ones(2, 2), x, x)).toThrow('mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)');
    expect(() => torch.addmm(torch.ones(3), torch.ones(3), x)).toThrow('mat1 must be a matrix, got 1-D tensor');
    expect(() => torch.addmm(torch.ones(3, 2), x, x.T)).toThrow(
      'The expanded size of the tensor (2) must match the existing size (3) at non-singleton dimension 0.  Target sizes: [2, 2].  Tensor sizes: [3, 2]',
    );
    expect(() => torch.linear(x, torch.ones(4, 5))).toThrow('mat1 and mat2 shapes cannot be multiplied (2x3 and 5x4)');
    expect(() => torch.linear(x, torch.ones(4, 3), torch.ones(5))).toThrow(
      'The expanded size of the tensor (4) must match the existing size (5) at non-singleton dimension 1.  Target sizes: [2, 4].  Tensor sizes: [5]',
    );
    expect(() => torch.amax(x, [0, 0])).toThrow('dim 0 appears multiple times in the list of dims');
    expect(() => torch.cumsum(torch.ones(2), 1)).toThrow('Dimension out of range (expected to be in range of [-1, 0], but got 1)');
    expect(() => torch.norm(x, 'abc' as never)).toThrow("only valid string values are 'fro' and 'nuc', found abc");
  });
  it('max/min return values and indices, also as fields', () => {
    const r = torch.tensor([[1, 5, 2], [7, 0, 7]], { dtype: torch.float32 }).max(1);
    const [v, i] = r;
    expect(v.tolist()).toEqual([5, 7]);
    expect(i.tolist()).toEqual([1, 0]);
    expect(r.values).toBe(v);
    expect(r.indices).toBe(i);
  });
});
