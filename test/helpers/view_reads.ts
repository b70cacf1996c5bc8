// Ops reading strided tensors: for every named tensor of a view script, elementwise ops, reductions,
// matmul (2-D and batched, with transposed operands), contiguous/clone/cat must give what the plain
// row-major values predict. The expectations are computed here from the expected values and shape
// (recorded from PyTorch or from the reference model), never from torchlike.
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import type { Rec } from './view_check.js';
import type { Env } from './view_script.js';

const flat = (x: unknown): number[] => (Array.isArray(x) ? x.flatMap(flat) : [Number(x)]);
const prod = (xs: number[]) => xs.reduce((a, b) => a * b, 1);

/** got ≈ want with a per-element error scale (sum of |terms| for sums and products). */
function near(got: number[], want: number[], scale: number[], rtol: number): number {
  if (got.length !== want.length) return Math.min(got.length, want.length);
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    const g = got[i];
    if (Number.isNaN(w) ? !Number.isNaN(g) : !(g === w || Math.abs(g - w) <= rtol * (scale[i] + 1))) return i;
  }
  return -1;
}

/** Sums of the last dim (values row-major over shape). */
function sumLast(v: number[], shape: number[]): { s: number[]; a: number[] } {
  const n = shape[shape.length - 1];
  const rows = n === 0 ? prod(shape.slice(0, -1)) : v.length / n;
  const s: number[] = [];
  const a: number[] = [];
  for (let r = 0; r < rows; r++) {
    let t = 0;
    let u = 0;
    for (let k = 0; k < n; k++) {
      t += v[r * n + k];
      u += Math.abs(v[r * n + k]);
    }
    s.push(t);
    a.push(u);
  }
  return { s, a };
}

/** (..., m, k) @ (..., m, k)^T -> (..., m, m), and A^T @ A -> (..., k, k). */
function gram(v: number[], shape: number[], transposeFirst: boolean): { c: number[]; a: number[] } {
  const [m, k] = shape.slice(-2);
  const batch = prod(shape.slice(0, -2));
  const c: number[] = [];
  const a: number[] = [];
  const at = (b: number, i: number, j: number) => v[b * m * k + i * k + j];
  const p = transposeFirst ? k : m;
  const q = transposeFirst ? m : k;
  for (let b = 0; b < batch; b++)
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        let s = 0;
        let u = 0;
        for (let r = 0; r < q; r++) {
          const x = transposeFirst ? at(b, r, i) * at(b, r, j) : at(b, i, r) * at(b, j, r);
          s += x;
          u += Math.abs(x);
        }
        c.push(s);
        a.push(u);
      }
  return { c, a };
}

export function checkReads(env: Env, tensors: Record<string, Rec>): string[] {
  const out: string[] = [];
  for (const [name, r] of Object.entries(tensors)) {
    const t = env.get(name);
    if (!t || r.dtype === 'bool') continue;
    const v = r.values.map(Number);
    const shape = r.shape;
    // reads are only meaningful on a tensor that holds the expected values (the chain's own test reports the rest)
    let own: number[] = [];
    try {
      own = flat(t.tolist());
    } catch {
      /* reported below */
    }
    if (JSON.stringify(t.shape) !== JSON.stringify(shape) || near(own, v, v.map(Math.abs), 1e-6) >= 0) {
      out.push(`${name}: reads not checked: its shape/values differ from the expected ones`);
      continue;
    }
    const float = r.dtype === 'float32' || r.dtype === 'float64';
    const rtol = r.dtype === 'float32' ? 2e-6 : 1e-12;
    const abs = v.map(Math.abs);
    const check = (what: string, f: () => Tensor, want: number[], scale: number[], wantShape?: number[]) => {
      let got: Tensor;
      try {
        got = f();
      } catch (e) {
        out.push(`${name}: ${what} threw ${(e as Error).name}: ${(e as Error).message}`);
        return;
      }
      if (wantShape && JSON.stringify(got.shape) !== JSON.stringify(wantShape)) {
        out.push(`${name}: ${what} shape: torchlike ${JSON.stringify(got.shape)}, expected ${JSON.stringify(wantShape)}`);
        return;
      }
      const g = flat(got.tolist());
      const k = near(g, want, scale, rtol);
      if (k >= 0) out.push(`${name}: ${what} (first difference at ${k}): torchlike ${JSON.stringify(g)}, expected ${JSON.stringify(want)}`);
    };
    check('mul(1)', () => t.mul(1), v, abs, shape);
    check('add(itself)', () => t.add(t), v.map((x) => 2 * x), abs, shape);
    check('contiguous()', () => t.contiguous(), v, abs, shape);
    check('clone()', () => t.clone(), v, abs, shape);
    check('sum()', () => t.sum(), [v.reduce((a, b) => a + b, 0)], [abs.reduce((a, b) => a + b, 0)], []);
    if (shape.length >= 1) {
      check('cat([t, t], -1)', () => torch.cat([t, t], -1), (() => {
        const n = shape[shape.length - 1];
        const rows = n === 0 ? 0 : v.length / n;
        const o: number[] = [];
        for (let i = 0; i < rows; i++) o.push(...v.slice(i * n, (i + 1) * n), ...v.slice(i * n, (i + 1) * n));
        return o;
      })(), Array(2 * v.length).fill(0));
      const { s, a } = sumLast(v, shape);
      check('sum(-1)', () => t.sum(-1), s, a, shape.slice(0, -1));
    }
    if (float) {
      check('neg()', () => t.neg(), v.map((x) => -x), abs, shape);
      if (shape.length >= 2) {
        const [m, k] = shape.slice(-2);
        const g1 = gram(v, shape, false);
        check('matmul(t.mT)', () => t.matmul(t.mT), g1.c, g1.a, [...shape.slice(0, -2), m, m]);
        const g2 = gram(v, shape, true);
        check('mT.matmul(t)', () => t.mT.matmul(t), g2.c, g2.a, [...shape.slice(0, -2), k, k]);
        check('mT.contiguous().mT.matmul(t.mT)', () => t.mT.contiguous().mT.matmul(t.mT), g1.c, g1.a, [...shape.slice(0, -2), m, m]);
      }
    }
  }
  return out;
}
