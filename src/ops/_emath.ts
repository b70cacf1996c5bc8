// Shared pieces of the elementwise-math ops (asin.ts, sinh.ts, expm1.ts ...): the float-unary
// public function and Tensor methods, and graph fragments for float64, where ORT has no kernel for
// Asin/Acos/Atan/Sinh/Cosh/Asinh/Acosh/Atanh/Tan (measured: every one of them lacks float64).
import { type DType, float64, get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import type { OpDef } from '../op.js';
import { Tensor } from '../tensor.js';
import { asTensor, floatOf } from './_common.js';
import { inplace } from './_inplace.js';
import { lowerLog1p } from './log1p.js';

/** The public function of a float unary op: integer and bool input gives the default float dtype. */
export function floatUnary(op: OpDef<void>): (input: Tensor) => Tensor {
  return (input: Tensor) => apply1(op, [asTensor(input, floatOf(input.dtype, get_default_dtype()))], undefined);
}

/** Installs Tensor.<name>() and Tensor.<name>_() for a unary function. */
export function unaryMethods(name: string, fn: (x: Tensor) => Tensor): void {
  const p = Tensor.prototype as unknown as Record<string, unknown>;
  p[name] = function (this: Tensor) {
    return fn(this);
  };
  p[name + '_'] = function (this: Tensor) {
    return inplace(this, () => fn(this));
  };
}

/** Installs Tensor.<name>(other, ...) and Tensor.<name>_(other, ...) for a function of self and more arguments. */
export function binaryMethods(name: string, fn: (x: Tensor, ...rest: never[]) => Tensor): void {
  const p = Tensor.prototype as unknown as Record<string, unknown>;
  p[name] = function (this: Tensor, ...rest: never[]) {
    return fn(this, ...rest);
  };
  p[name + '_'] = function (this: Tensor, ...rest: never[]) {
    return inplace(this, () => fn(this, ...rest));
  };
}

type G = GraphBuilder;
const k = (g: G, dt: DType, v: number) => g.scalar(dt, v);

/**
 * expm1 from Exp and Log (Kahan): with u = e^x rounded, (u − 1)·x / log u cancels u's rounding error.
 * Beyond |x| = 1, u − 1 loses at most a few ulps, and the product could overflow: u − 1 there.
 */
export function gExpm1(g: G, x: string, dt: DType): string {
  const u = g.op1('Exp', [x]);
  const um1 = g.op1('Sub', [u, k(g, dt, 1)]);
  const r = g.op1('Div', [g.op1('Mul', [um1, x]), g.op1('Log', [u])]);
  const one = g.op1('Equal', [u, k(g, dt, 1)]);
  const keepU = g.op1('Greater', [g.op1('Abs', [x]), k(g, dt, 1)]);
  return g.op1('Where', [one, x, g.op1('Where', [keepU, um1, r])]);
}

// Cephes atan.c (S. Moshier): atan(x) = x + x·z·P(z)/Q(z), z = x², after reduction to |x| ≤ 0.66.
const AP = [-8.750608600031904122785e-1, -1.615753718733365076637e1, -7.500855792314704667340e1, -1.228866684490136173410e2, -6.485021904942025371773e1];
const AQ = [2.485846490142306297962e1, 1.650270098316988542046e2, 4.328810604912902668951e2, 4.853903996359136964868e2, 1.945506571482613964425e2];
const MOREBITS = 6.123233995736765886130e-17;
const T3P8 = 2.41421356237309504880;

function poly(g: G, z: string, cs: number[], monic: boolean): string {
  let acc = monic ? g.op1('Add', [z, k(g, float64, cs[0])]) : k(g, float64, cs[0]);
  for (let i = 1; i < cs.length; i++) acc = g.op1('Add', [g.op1('Mul', [acc, z]), k(g, float64, cs[i])]);
  return acc;
}

/** float64 atan from float64 nodes (Cephes' reduction and rational approximation, ~1e-16). */
export function gAtan64(g: G, x: string): string {
  const c = (v: number) => k(g, float64, v);
  const ax = g.op1('Abs', [x]);
  const big = g.op1('Greater', [ax, c(T3P8)]);
  const mid = g.op1('Greater', [ax, c(0.66)]);
  const xr = g.op1('Where', [big, g.op1('Neg', [g.op1('Reciprocal', [ax])]),
    g.op1('Where', [mid, g.op1('Div', [g.op1('Sub', [ax, c(1)]), g.op1('Add', [ax, c(1)])]), ax])]);
  const y0 = g.op1('Where', [big, c(Math.PI / 2), g.op1('Where', [mid, c(Math.PI / 4), c(0)])]);
  const more = g.op1('Where', [big, c(MOREBITS), g.op1('Where', [mid, c(0.5 * MOREBITS), c(0)])]);
  const z = g.op1('Mul', [xr, xr]);
  const rz = g.op1('Div', [g.op1('Mul', [z, poly(g, z, AP, false)]), poly(g, z, AQ, true)]);
  const r = g.op1('Add', [y0, g.op1('Add', [g.op1('Add', [g.op1('Mul', [xr, rz]), xr]), more])]);
  // sign back; NaN stays NaN (the comparisons above are false for NaN: y0 = 0, xr = NaN)
  return g.op1('Where', [g.op1('Less', [x, c(0)]), g.op1('Neg', [r]), r]);
}

/** atan in either float dtype. */
export function gAtan(g: G, x: string, dt: DType): string {
  return dt === float64 ? gAtan64(g, x) : g.op1('Atan', [x]);
}

/** log1p in a graph (log1p.ts's lowering). */
export function gLog1p(g: G, x: string, dt: DType): string {
  return lowerLog1p(g, x, dt);
}

/** x is negative or −0 (for NaN: false). */
export function gSignbit(g: G, x: string, dt: DType): string {
  const neg = g.op1('Less', [x, k(g, dt, 0)]);
  const negZero = g.op1('And', [g.op1('Equal', [x, k(g, dt, 0)]), g.op1('Less', [g.op1('Div', [k(g, dt, 1), x]), k(g, dt, 0)])]);
  return g.op1('Or', [neg, negZero]);
}
