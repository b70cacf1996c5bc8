// Elementwise ops against PyTorch fixtures (test/fixtures/gen_elementwise.py), plus float64 gradchecks.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { checkCase, loadFixtures, type Case, opCall, thrownMessage } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

type Fn = (...xs: any[]) => Tensor;
const ns = torch as unknown as Record<string, Fn>;
const callFor = opCall;

const all = loadFixtures('elementwise') as (Case & { error?: string })[];

describe('elementwise parity with PyTorch', () => {
  for (const c of all.filter((k) => k.error === undefined)) it(c.name, () => checkCase(c, callFor(c)));
});

describe('elementwise errors match PyTorch', () => {
  for (const c of all.filter((k) => k.error !== undefined))
    it(c.name, () => {
      expect(thrownMessage(c, callFor(c))).toBe(c.error);
    });
});

const f64 = (a: number[] | number[][]) => torch.tensor(a, { dtype: torch.float64 });
const X = f64([[0.3, -1.2, 0.7], [1.1, 0.45, -0.6]]);
const P = f64([[0.3, 1.2, 0.7], [1.1, 0.45, 2.6]]);
const Y = f64([0.8, -0.35, 1.9]);

describe('float64 gradcheck', () => {
  const unary: [string, Tensor][] = [
    ['exp', X], ['log', P], ['log2', P], ['log1p', X.mul(0.5)], ['sqrt', P], ['rsqrt', P], ['reciprocal', X],
    ['sin', X], ['cos', X], ['tan', X], ['tanh', X], ['sigmoid', X], ['erf', X.mul(3)], ['abs', X], ['square', X],
  ];
  for (const [op, x] of unary) it(op, () => expect(gradcheck((t) => ns[op](t), [x])).toBe(true));
  it('erf across its approximation ranges', () => {
    expect(gradcheck((t) => torch.erf(t), [f64([-5.5, -4.2, -3.9, -0.5, -0.4, 0, 0.2, 0.46, 0.48, 2.2, 4.1, 6])])).toBe(true);
  });
  it('sign, floor, ceil, round, trunc have zero gradients', () => {
    for (const op of ['sign', 'floor', 'ceil', 'round', 'trunc']) expect(gradcheck((t) => ns[op](t), [X.add(0.01)])).toBe(true);
  });
  it('div, remainder, fmod (broadcast)', () => {
    expect(gradcheck((a, b) => torch.div(a, b), [X, Y])).toBe(true);
    expect(gradcheck((a, b) => torch.remainder(a, b), [X.mul(3), Y])).toBe(true);
    expect(gradcheck((a, b) => torch.fmod(a, b), [X.mul(3), Y])).toBe(true);
    expect(gradcheck((a, b) => torch.div(a, b, { rounding_mode: 'floor' }), [X, Y])).toBe(true);
  });
  it('pow: tensor exponent, scalar exponent, scalar base', () => {
    expect(gradcheck((a, b) => torch.pow(a, b), [P, Y])).toBe(true);
    expect(gradcheck((a) => torch.pow(a, 3), [X])).toBe(true);
    expect(gradcheck((b) => torch.pow(2.5, b), [Y])).toBe(true);
  });
  it('clamp with scalar and tensor bounds', () => {
    expect(gradcheck((a) => torch.clamp(a, -0.5, 0.9), [X])).toBe(true);
    expect(gradcheck((a, lo, hi) => torch.clamp(a, lo, hi), [X, f64([-0.2, -0.1, 0.1]), f64([[0.5], [0.9]])])).toBe(true);
  });
  it('minimum, maximum, where', () => {
    expect(gradcheck((a, b) => torch.minimum(a, b), [X, Y])).toBe(true);
    expect(gradcheck((a, b) => torch.maximum(a, b), [X, Y])).toBe(true);
    const cond = torch.tensor([[true, false, true], [false, true, true]]);
    expect(gradcheck((a, b) => torch.where(cond, a, b), [X, Y])).toBe(true);
  });
  it('double backward through sigmoid, tanh, exp, div', () => {
    const h = (t: Tensor) => {
      const y = torch.sigmoid(t).mul(torch.tanh(t)).add(torch.exp(t).div(t.add(3)));
      return torch.autograd.grad(y.sum(), [t], { create_graph: true })[0]!;
    };
    // gradcheck evaluates under no_grad; the inner gradient needs a graph.
    expect(gradcheck((t) => torch.enable_grad(() => h(t)), [X])).toBe(true);
  });
});

describe('elementwise API details', () => {
  it('pow gradient at exponent 0 is 0, not NaN', () => {
    const x = torch.tensor([0, 2, -1], { dtype: torch.float32, requires_grad: true });
    x.pow(0).sum().backward();
    expect(x.grad!.tolist()).toEqual([0, 0, 0]);
  });
  it('Tensor methods, aliases and grad_fn names', () => {
    const x = torch.tensor([1.5, -2.5], { requires_grad: true });
    expect(x.exp().grad_fn!.name()).toBe('ExpBackward0');
    expect(x.where(x.gt(0), 0).grad_fn!.name()).toBe('WhereBackward0');
    const y = torch.tensor([1, 2]);
    expect(y.greater(1).tolist()).toEqual([false, true]);
    expect(y.less_equal(1).tolist()).toEqual([true, false]);
    expect(y.not_equal(1).tolist()).toEqual([false, true]);
    expect(torch.greater_equal(y, 2).tolist()).toEqual([false, true]);
    expect(y.clip(null, 1).tolist()).toEqual([1, 1]);
  });
  it('in-place on a leaf requiring grad is refused; int tensors cannot hold float results', () => {
    const x = torch.tensor([1.5, 2.5], { requires_grad: true });
    expect(() => x.exp_()).toThrow('a leaf Variable that requires grad is being used in an in-place operation.');
    expect(() => torch.tensor([1, 2]).sqrt_()).toThrow("result type Float can't be cast to the desired output type Long");
  });
  it('in-place ops keep autograd history', () => {
    const x = torch.tensor([0.5, -1.5], { requires_grad: true });
    const y = x.mul(2);
    y.sigmoid_();
    y.sum().backward();
    const s = [0.5, -1.5].map((v) => 1 / (1 + Math.exp(-2 * v)));
    (x.grad!.tolist() as number[]).forEach((g, i) => expect(g).toBeCloseTo(2 * s[i] * (1 - s[i]), 6));
  });
});
