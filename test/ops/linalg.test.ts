// torch.linalg against PyTorch fixtures (gen_linalg.py), float64 gradchecks and PyTorch's errors.
// eigh/svd: LAPACK's signs of eigen/singular vectors are implementation-defined, so the "_inv"
// fixtures compare sign-invariant functions of the factors (see gen_linalg.py).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { type Case, loadFixtures, runCase } from '../helpers/fixtures.js';
import { fixtureOpts } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

const L = torch.linalg as unknown as Record<string, (...a: unknown[]) => Tensor | Tensor[]>;

const special: Record<string, (...a: any[]) => Tensor | Tensor[]> = {
  eigh_inv: (a: Tensor, o?: object) => {
    const [w, v] = torch.linalg.eigh(a, o as never);
    return [w, v.mul(v)];
  },
  svd_inv: (a: Tensor, o?: object) => {
    const [u, s, vh] = torch.linalg.svd(a, o as never);
    const k = s.shape[s.shape.length - 1];
    const u1 = u.narrow(-1, 0, k);
    const vh1 = vh.narrow(-2, 0, k);
    return [s, u1.mul(u1), vh1.mul(vh1), u1.mul(s.unsqueeze(-2)).matmul(vh1), torch.tensor([...u.shape, ...vh.shape])];
  },
  multi_dot: (a: Tensor, b: Tensor, c: Tensor) => torch.linalg.multi_dot([a, b, c]),
};

const opts = fixtureOpts;

function fnFor(c: Case): (...xs: unknown[]) => Tensor | Tensor[] {
  const name = c.name.split('/')[0];
  const o = opts(c.kwargs);
  const f = special[name] ?? L[name];
  if (typeof f !== 'function') throw new Error(`no torch.linalg.${name}`);
  if (c.error) {
    const xs = c.inputs.map((x) => (x && typeof x === 'object' && 'data' in (x as object) ? torch.tensor((x as { data: number[] }).data as number[], { dtype: (x as { dtype: string }).dtype as never }).reshape((x as { shape: number[] }).shape) : x));
    return () => f(...xs, ...(o ? [o] : []));
  }
  return (...xs) => f(...xs, ...(o ? [o] : []));
}

describe('linalg fixtures (PyTorch 1.13)', () => {
  for (const c of loadFixtures('linalg')) it(c.name, () => runCase(c, fnFor(c)));
});

const f64 = (...s: number[]) => torch.randn(s, { dtype: torch.float64 });
const wc = (n: number) => f64(n, n).add(torch.eye(n, { dtype: torch.float64 }).mul(3));

describe('linalg gradcheck (float64)', () => {
  it('inv, det, slogdet', () => {
    expect(gradcheck((a) => torch.linalg.inv(a), [wc(3)])).toBe(true);
    expect(gradcheck((a) => torch.linalg.det(a), [wc(3)])).toBe(true);
    expect(gradcheck((a) => torch.linalg.slogdet(a)[1], [wc(3)])).toBe(true);
  });
  it('solve, solve_triangular', () => {
    expect(gradcheck((a, b) => torch.linalg.solve(a, b), [wc(3), f64(3, 2)])).toBe(true);
    expect(gradcheck((a, b) => torch.linalg.solve_triangular(a.triu(), b, { upper: true }), [wc(3), f64(3, 2)])).toBe(true);
  });
  it('cholesky (of a symmetrized input)', () => {
    expect(gradcheck((a) => torch.linalg.cholesky(a.matmul(a.mT).add(torch.eye(3, { dtype: torch.float64 }))), [f64(3, 3)])).toBe(true);
  });
  it('qr', () => {
    const [q, r] = [0, 1];
    expect(gradcheck((a) => torch.linalg.qr(a)[q], [f64(4, 3)])).toBe(true);
    expect(gradcheck((a) => torch.linalg.qr(a)[r], [f64(4, 3)])).toBe(true);
  });
  it('eigh and svd (sign-invariant functions of the factors)', () => {
    expect(gradcheck((a) => { const [w, v] = torch.linalg.eigh(a.add(a.mT)); return [w, v.mul(v)]; }, [f64(3, 3)])).toBe(true);
    expect(gradcheck((a) => { const [u, s, vh] = torch.linalg.svd(a, false); return [s, u.mul(u), vh.mul(vh)]; }, [f64(4, 3)])).toBe(true);
    expect(gradcheck((a) => { const [u, s, vh] = torch.linalg.svd(a, false); return [s, u.mul(u), vh.mul(vh)]; }, [f64(2, 4)])).toBe(true);
    expect(gradcheck((a) => torch.linalg.pinv(a), [f64(4, 3)])).toBe(true);
    expect(gradcheck((a) => torch.linalg.matrix_norm(a, 'nuc'), [f64(3, 4)])).toBe(true);
  });
});

describe('linalg export', () => {
  it('eager-only ops refuse export, naming the op', () => {
    const path = join(tmpdir(), `linalg_inv_${process.pid}.onnx`);
    expect(() => torch.onnx.export((a: Tensor) => torch.linalg.inv(a), [torch.eye(3)], path)).toThrow('linalg_inv_ex cannot be exported to ONNX');
    expect(() => torch.onnx.export((a: Tensor) => torch.linalg.eigh(a)[0], [torch.eye(3)], path)).toThrow('linalg_eigh cannot be exported to ONNX');
  });
});

describe('linalg numerics', () => {
  it('svd of 40×30 reconstructs A with orthonormal factors', () => {
    const a = f64(40, 30);
    const [u, s, vh] = torch.linalg.svd(a, false);
    expect(u.mul(s.unsqueeze(-2)).matmul(vh).sub(a).abs().max().item()).toBeLessThan(1e-10);
    expect(u.mT.matmul(u).sub(torch.eye(30, { dtype: torch.float64 })).abs().max().item()).toBeLessThan(1e-10);
  });
  it('eigh of 30×30 reconstructs A', () => {
    const b = f64(30, 30);
    const a = b.add(b.mT);
    const [w, v] = torch.linalg.eigh(a);
    expect(v.mul(w.unsqueeze(-2)).matmul(v.mT).sub(a).abs().max().item()).toBeLessThan(1e-10);
  });
  it('full_matrices svd completes U and Vh to orthogonal matrices', () => {
    for (const [m, n] of [[5, 2], [2, 5]]) {
      const [u, , vh] = torch.linalg.svd(f64(m, n));
      expect(u.mT.matmul(u).sub(torch.eye(m, { dtype: torch.float64 })).abs().max().item()).toBeLessThan(1e-12);
      expect(vh.matmul(vh.mT).sub(torch.eye(n, { dtype: torch.float64 })).abs().max().item()).toBeLessThan(1e-12);
    }
  });
});
