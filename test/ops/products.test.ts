// Products and distances against PyTorch fixtures (gen_products.py), float64 gradchecks and
// PyTorch's error messages. All are composites of existing ops, so their gradients are those ops'.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { type Case, checkCase, decInputs, loadFixtures } from '../helpers/fixtures.js';
import { fixtureCall } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

const T = torch as unknown as Record<string, (...a: unknown[]) => Tensor | Tensor[]>;

const fnFor = (c: Case) => fixtureCall(c, T);

describe('products fixtures (PyTorch 1.13)', () => {
  const cases = loadFixtures('products');
  it('has the generator\'s cases', () => expect(cases.length).toBeGreaterThanOrEqual(50));
  for (const c of cases)
    it(c.name, () => {
      if (!c.error) return checkCase(c, fnFor(c));
      const xs = decInputs(c, false);
      expect(() => fnFor(c)(...xs), c.name).toThrow(c.error.message);
    });
});

const f64 = (...s: number[]) => torch.randn(s, { dtype: torch.float64 });

describe('products: float64 gradchecks', () => {
  it('tensordot, inner, kron, vdot, chain_matmul', () => {
    expect(gradcheck((a, b) => torch.tensordot(a, b, [[1, 0], [0, 1]]), [f64(3, 4, 2), f64(4, 3, 5)])).toBe(true);
    expect(gradcheck((a, b) => torch.inner(a, b), [f64(2, 3), f64(4, 3)])).toBe(true);
    expect(gradcheck((a, b) => torch.kron(a, b), [f64(2, 3), f64(3)])).toBe(true);
    expect(gradcheck((a, b) => torch.vdot(a, b), [f64(4), f64(4)])).toBe(true);
    expect(gradcheck((a, b, c) => torch.chain_matmul(a, b, c), [f64(2, 3), f64(3, 4), f64(4, 2)])).toBe(true);
  });
  it('addmv, addr, addbmm with beta and alpha', () => {
    expect(gradcheck((i, m, v) => torch.addmv(i, m, v, { beta: 0.5, alpha: 2 }), [f64(3), f64(3, 4), f64(4)])).toBe(true);
    expect(gradcheck((i, a, b) => torch.addr(i, a, b, { beta: 2, alpha: 0.5 }), [f64(3, 2), f64(3), f64(2)])).toBe(true);
    expect(gradcheck((i, a, b) => torch.addbmm(i, a, b, { beta: 0.25, alpha: 3 }), [f64(3, 5), f64(2, 3, 2), f64(2, 2, 5)])).toBe(true);
  });
  it('cross, cdist (p 1, 2, 3, inf), dist, pdist, pairwise_distance, cosine_similarity', () => {
    expect(gradcheck((a, b) => torch.cross(a, b, 1), [f64(4, 3), f64(4, 3)])).toBe(true);
    for (const p of [1, 2, 3, Infinity]) expect(gradcheck((a, b) => torch.cdist(a, b, p), [f64(4, 3), f64(3, 3)])).toBe(true);
    expect(gradcheck((a, b) => torch.dist(a, b, 2), [f64(3, 4), f64(4)])).toBe(true);
    expect(gradcheck((a) => torch.pdist(a), [f64(4, 3)])).toBe(true);
    expect(gradcheck((a, b) => torch.pairwise_distance(a, b), [f64(4, 3), f64(4, 3)])).toBe(true);
    expect(gradcheck((a, b) => torch.cosine_similarity(a, b, { dim: 1 }), [f64(4, 3), f64(4, 3)])).toBe(true);
  });
  it('cdist has gradient 0, not NaN, at a zero distance (as PyTorch)', () => {
    const a = torch.tensor([[1, 2]], { dtype: torch.float64, requires_grad: true });
    torch.cdist(a, a.detach()).sum().backward();
    expect(a.grad!.tolist()).toEqual([[0, 0]]);
  });
});
