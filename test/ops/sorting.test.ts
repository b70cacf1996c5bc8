// The sorting group against PyTorch fixtures (gen_sorting.py): sort/argsort/msort/topk values,
// indices and gradients, NaN ordering, equal/isclose/allclose, PyTorch's error messages; float64
// gradchecks.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { type Case, decInputs, loadFixtures, runCase } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

type Fn = (...a: unknown[]) => Tensor | Tensor[];
const T = torch as unknown as Record<string, Fn>;

/** The torchlike call for a fixture: torch.<fn>(...inputs, kwargs) or input.<fn>(...rest, kwargs) for "m.<fn>". */
function fnFor(c: Case): Fn {
  const name = c.name.split('/')[0];
  const tail = Object.keys(c.kwargs).length ? [c.kwargs] : [];
  if (name.startsWith('m.')) {
    const m = name.slice(2);
    return (x, ...rest) => (x as unknown as Record<string, Fn>)[m](...rest, ...tail);
  }
  const f = T[name];
  if (typeof f !== 'function') throw new Error(`no torch.${name}`);
  return (...xs) => f(...xs, ...tail);
}

describe('sorting fixtures (PyTorch 1.13)', () => {
  for (const c of loadFixtures('sorting')) {
    const fn = fnFor(c);
    // Error cases carry their inputs: runCase calls the twin with none, so bind them here.
    it(c.name, () => runCase(c, c.error ? () => fn(...decInputs(c, false)) : fn));
  }
});

const f64 = (...s: number[]) => torch.randn(s, { dtype: torch.float64 });

describe('sorting gradcheck (float64)', () => {
  it('sort, argsort-picked values, msort', () => {
    expect(gradcheck((a) => a.sort(1).values, [f64(3, 4)])).toBe(true);
    expect(gradcheck((a) => torch.sort(a, { dim: 0, descending: true }).values, [f64(3, 4)])).toBe(true);
    expect(gradcheck((a) => torch.msort(a), [f64(3, 2)])).toBe(true);
  });
  it('topk', () => {
    expect(gradcheck((a) => a.topk(2).values, [f64(3, 4)])).toBe(true);
    expect(gradcheck((a) => torch.topk(a, 2, { dim: 0, largest: false }).values, [f64(3, 4)])).toBe(true);
  });
  it('kthvalue', () => {
    expect(gradcheck((a) => a.kthvalue(2).values, [f64(3, 4)])).toBe(true);
    expect(gradcheck((a) => torch.kthvalue(a, 1, { dim: 0, keepdim: true }).values, [f64(3, 4)])).toBe(true);
  });
  it('double backward through sort', () => {
    const x = f64(2, 3);
    const gradOf = (a: Tensor) => torch.enable_grad(() => torch.autograd.grad(a.sort(1).values.pow(3).sum(), [a], { create_graph: true })[0]!);
    expect(gradcheck(gradOf, [x])).toBe(true);
  });
});

describe('sorting: API details', () => {
  it('sort and topk return [values, indices] with field names', () => {
    const x = torch.tensor([3, 1, 2]);
    const [v, i] = x.sort();
    expect(v.tolist()).toEqual([1, 2, 3]);
    expect(x.sort().indices.tolist()).toEqual(i.tolist());
    expect(torch.topk(x, 1).values.tolist()).toEqual([3]);
  });
  it('topk with sorted = false still returns the k largest', () => {
    const x = torch.tensor([0.5, 3, -1, 2, 7]);
    expect(torch.topk(x, 3, { sorted: false }).values.tolist()).toEqual([7, 3, 2]);
  });
  it('topk ties come in index order; float16 and int8 sort', () => {
    expect(torch.topk(torch.tensor([1, 2, 2, 2, 1, 0, 2]), 3).indices.tolist()).toEqual([1, 2, 3]);
    expect(torch.sort(torch.tensor([2, NaN, -1], { dtype: torch.float16 })).values.tolist()).toEqual([-1, 2, NaN]);
    expect(torch.sort(torch.tensor([2, -3, 1], { dtype: torch.int8 }), { descending: true }).indices.tolist()).toEqual([0, 2, 1]);
  });
  it('a strided view sorts like its dense copy', () => {
    const x = torch.randn(4, 5).t();
    expect(torch.equal(x.sort(1).values, x.contiguous().sort(1).values)).toBe(true);
  });
});
