// Elementwise math (asin … atan2, expm1, special functions, bitwise ops) against PyTorch fixtures
// (test/fixtures/gen_emath.py), plus float64 gradchecks.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { checkCase, loadFixtures, type Case, opCall, thrownMessage } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

type Fn = (...xs: any[]) => Tensor;
const ns = torch as unknown as Record<string, Fn>;
const callFor = opCall;

const all = loadFixtures('emath') as (Case & { error?: string })[];

describe('emath parity with PyTorch', () => {
  for (const c of all.filter((k) => k.error === undefined)) it(c.name, () => checkCase(c, callFor(c)));
});

describe('emath errors match PyTorch', () => {
  for (const c of all.filter((k) => k.error !== undefined))
    it(c.name, () => {
      expect(thrownMessage(c, callFor(c))).toBe(c.error);
    });
});

const f64 = (a: number[] | number[][]) => torch.tensor(a, { dtype: torch.float64 });
const X = f64([[0.3, -1.2, 0.7], [1.1, 0.45, -0.6]]);
const U = f64([[0.3, -0.8, 0.7], [0.1, 0.45, -0.6]]);
const G1 = f64([[1.3, 2.2, 1.7], [5.1, 1.45, 3.6]]);
const P = f64([[0.3, 1.2, 0.7], [1.1, 0.45, 2.6]]);
const Y = f64([0.8, -0.35, 1.9]);

describe('emath float64 gradcheck', () => {
  const unary: [string, Tensor][] = [
    ['asin', U], ['acos', U], ['atan', X.mul(2)], ['sinh', X], ['cosh', X], ['asinh', X.mul(3)], ['acosh', G1], ['atanh', U],
    ['expm1', X], ['exp2', X], ['log10', P],
  ];
  for (const [op, x] of unary) it(op, () => expect(gradcheck((t) => ns[op](t), [x])).toBe(true));
  it('atan2 (broadcast)', () => expect(gradcheck((a, b) => torch.atan2(a, b), [X, Y])).toBe(true));
  it('binary composites (broadcast)', () => {
    for (const op of ['logaddexp', 'logaddexp2', 'hypot', 'fmax', 'fmin', 'copysign']) expect(gradcheck((a, b) => ns[op](a, b), [X, Y]), op).toBe(true);
    expect(gradcheck((a, b) => torch.xlogy(a, b), [X, P])).toBe(true);
    expect(gradcheck((a, b) => torch.float_power(a, b), [P, Y])).toBe(true);
  });
  it('lerp, addcmul, addcdiv', () => {
    expect(gradcheck((a, b, w) => torch.lerp(a, b, w), [X, Y, f64([0.2, 0.7, 1.3])])).toBe(true);
    expect(gradcheck((a, b, c) => torch.addcmul(a, b, c, { value: 0.5 }), [X, Y, P])).toBe(true);
    expect(gradcheck((a, b, c) => torch.addcdiv(a, b, c, { value: -2 }), [X, Y, P])).toBe(true);
  });
  it('unary composites', () => {
    for (const op of ['frac', 'deg2rad', 'rad2deg', 'nan_to_num']) expect(gradcheck((t) => ns[op](t), [X.mul(1.3)]), op).toBe(true);
  });
});
