// torch.quantile / nanquantile against PyTorch fixtures (gen_quantile.py): every interpolation,
// scalar and vector q, dim/keepdim, NaN rows; float64 gradchecks; PyTorch's errors.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import { checkCase, fixtureCall, loadFixtures } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

const cases = loadFixtures('quantile');

describe('quantile fixtures (PyTorch 1.13)', () => {
  it('has the generator\'s cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));
  for (const c of cases.filter((k) => !k.error)) it(c.name, () => checkCase(c, fixtureCall(c, torch)));
});

describe('quantile: PyTorch\'s errors', () => {
  const x = torch.randn(3, 5);
  const calls: Record<string, () => unknown> = {
    'quantile/q_range': () => torch.quantile(x, 1.5),
    'quantile/q_2d': () => torch.quantile(x, torch.ones(2, 2)),
    'quantile/int': () => torch.quantile(torch.arange(4), 0.5),
    'quantile/q_dtype': () => torch.quantile(x, torch.tensor([0.5], { dtype: torch.float64 })),
    'quantile/interp': () => torch.quantile(x, 0.5, { interpolation: 'foo' as never }),
    'quantile/empty': () => torch.quantile(torch.zeros(0), 0.5),
  };
  for (const c of cases.filter((k) => k.error)) it(c.name, () => expect(calls[c.name]).toThrow(c.error!.message));
});

describe('quantile: float64 gradchecks', () => {
  const f64 = (...s: number[]) => torch.randn(s, { dtype: torch.float64 });
  it('linear, midpoint, lower; vector q; nanquantile', () => {
    expect(gradcheck((x) => torch.quantile(x, 0.3), [f64(7)])).toBe(true);
    expect(gradcheck((x) => torch.quantile(x, torch.tensor([0.2, 0.9], { dtype: torch.float64 }), { dim: 1, interpolation: 'midpoint' }), [f64(3, 6)])).toBe(true);
    expect(gradcheck((x) => torch.quantile(x, 0.5, { dim: 0, keepdim: true, interpolation: 'lower' }), [f64(5, 2)])).toBe(true);
    expect(gradcheck((x) => torch.nanquantile(x, 0.4, { dim: 1 }), [f64(2, 5)])).toBe(true);
  });
});
