// Scans and statistics against PyTorch fixtures (gen_scans.py), float64 gradchecks and
// PyTorch's error messages.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { type Case, checkCase, dec, decInputs, isEnc, loadFixtures } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

const T = torch as unknown as Record<string, (...a: unknown[]) => Tensor | Tensor[]>;

/** The torchlike call for a fixture: torch.<fn>(...inputs, kwargs) or input.<fn>(...rest, kwargs) for "m.<fn>". */
function fnFor(c: Case): (...xs: unknown[]) => Tensor | Tensor[] {
  const name = c.name.split('/')[0];
  // tensor keywords (fweights, aweights) are stored as encoded tensors
  const kw = Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, isEnc(v) ? dec(v) : v]));
  const tail = Object.keys(kw).length ? [kw] : [];
  if (name.startsWith('m.')) {
    const m = name.slice(2);
    return (x, ...rest) => (x as unknown as Record<string, (...a: unknown[]) => Tensor>)[m](...rest, ...tail);
  }
  const f = T[name];
  if (typeof f !== 'function') throw new Error(`no torch.${name}`);
  return (...xs) => f(...xs, ...tail);
}

describe('scans fixtures (PyTorch 1.13)', () => {
  for (const c of loadFixtures('scans'))
    it(c.name, () => {
      const fn = fnFor(c);
      if (!c.error) return checkCase(c, fn);
      let thrown: unknown = null;
      try {
        fn(...decInputs(c, false));
      } catch (e) {
        thrown = e;
      }
      expect(thrown, `${c.name} should throw`).toBeInstanceOf(Error);
      expect((thrown as Error).message).toBe(c.error.message);
      expect((thrown as Error).name).toBe(c.error.type);
    });
});

const f64 = (...s: number[]) => torch.randn(s, { dtype: torch.float64 });
const t64 = (v: unknown) => torch.tensor(v as number[], { dtype: torch.float64 });

describe('scans gradcheck (float64)', () => {
  it('cumsum, cumprod (also with zeros, once and twice along a row)', () => {
    expect(gradcheck((a) => a.cumsum(1), [f64(3, 4)])).toBe(true);
    expect(gradcheck((a) => a.cumprod(0), [f64(3, 4)])).toBe(true);
    const z = t64([[1.5, 0, 2, 3], [0.5, -2, 0, 3], [0, 0, 1, 2], [0.7, 1.1, -0.4, 0]]);
    expect(gradcheck((a) => a.cumprod(1), [z])).toBe(true);
    expect(gradcheck((a) => a.cumprod(0), [z])).toBe(true);
    expect(gradcheck((a) => torch.cumprod(a, 0), [t64(1.3)])).toBe(true);
  });
  it('cumprod double backward (the gradient is made of ops)', () => {
    const x = t64([[1.5, 0.3, 2, -3], [0.5, -2, 0.9, 3]]).requires_grad_();
    const [g] = torch.autograd.grad(x.cumprod(1).sum(), [x], { create_graph: true }) as Tensor[];
    expect(g.requires_grad).toBe(true);
    // second derivative, as PyTorch 1.13 computes it for this x
    const GG = [[-3, -3, -3.15, 4.05], [-5.2, 7.05, -7, -2.35]];
    const [gg] = torch.autograd.grad(g.sum(), [x]) as Tensor[];
    (gg.tolist() as number[][]).forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(GG[i][j], 10)));
  });
  it('cummax, cummin, logcumsumexp', () => {
    expect(gradcheck((a) => a.cummax(1).values, [f64(3, 5)])).toBe(true);
    expect(gradcheck((a) => torch.cummin(a, 0)[0], [f64(4, 3)])).toBe(true);
    expect(gradcheck((a) => a.logcumsumexp(1), [f64(3, 5)])).toBe(true);
    expect(gradcheck((a) => torch.logcumsumexp(a, 0), [f64(4, 2)])).toBe(true);
  });
});

describe('statistics gradcheck (float64)', () => {
  it('nansum, nanmean (gradients with NaN are checked against PyTorch in the fixtures)', () => {
    expect(gradcheck((a) => a.nansum(1), [f64(3, 4)])).toBe(true);
    expect(gradcheck((a) => a.nanmean(0), [f64(3, 4)])).toBe(true);
  });
  it('diff, trapezoid, cumulative_trapezoid', () => {
    expect(gradcheck((a) => a.diff(2, 0), [f64(4, 3)])).toBe(true);
    expect(gradcheck((a, b) => torch.diff(a, 1, -1, b), [f64(3, 4), f64(3, 2)])).toBe(true);
    expect(gradcheck((a) => torch.trapezoid(a, { dx: 0.5 }), [f64(3, 4)])).toBe(true);
    expect(gradcheck((a, b) => torch.trapezoid(a, b), [f64(3, 4), f64(4)])).toBe(true);
    expect(gradcheck((a, b) => torch.cumulative_trapezoid(a, b, { dim: 0 }), [f64(3, 4), f64(3, 4)])).toBe(true);
  });
  it('cov (with aweights), corrcoef', () => {
    const fw = torch.tensor([1, 2, 0, 3, 1]);
    expect(gradcheck((a) => torch.cov(a), [f64(3, 5)])).toBe(true);
    expect(gradcheck((a, w) => torch.cov(a, { fweights: fw, aweights: w.abs() }), [f64(3, 5), f64(5)])).toBe(true);
    expect(gradcheck((a) => torch.corrcoef(a), [f64(3, 5)])).toBe(true);
  });
});

describe('scans export', () => {
  it('cumprod, cummax, cummin, logcumsumexp name themselves in the export error', () => {
    const x = torch.randn(2, 3);
    for (const [name, f] of [
      ['cumprod', (a: Tensor) => a.cumprod(1)],
      ['cummax', (a: Tensor) => a.cummax(1).values],
      ['cummin', (a: Tensor) => a.cummin(1).values],
      ['logcumsumexp', (a: Tensor) => a.logcumsumexp(1)],
    ] as const) {
      const m = new (class extends torch.nn.Module {
        forward(a: Tensor) {
          return f(a);
        }
      })();
      expect(() => torch.onnx.export(m, [x], '/tmp/scans_never.onnx')).toThrow(`${name} cannot be exported to ONNX`);
    }
  });
});
