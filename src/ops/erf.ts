// erf: the Gauss error function (torch.erf, special.erf, Tensor.erf, erf_). Integer and bool input gives the default float dtype.
import { float64, get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { asTensor, floatOf, sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { exp } from './exp.js';
import { mul } from './mul.js';

// W. J. Cody, "Rational Chebyshev approximations for the error function" (Math. Comp. 1969),
// the coefficients of Netlib's CALERF: about 1e-16 relative error in float64.
const A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
const B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
const C = [0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909,
  1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8];
const D = [15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963,
  4362.61909014324716, 3439.36767414372164, 1230.33935480374942];
const P = [0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
  6.58749161529837803e-4, 0.0163153871373020978];
const Q = [2.56852019228982242, 1.87295284992346725, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];
const SQRPI = 0.56418958354775628695; // 1/sqrt(pi)

/** Cody's num/den loop: xnum = lead·t, xden = t, then n steps of (· + coef)·t, then + the last pair. */
function ratio(g: GraphBuilder, t: string, num: number[], den: number[], lead: number, n: number): string {
  const c = (v: number) => g.scalar(float64, v);
  let xnum = g.op1('Mul', [t, c(lead)]);
  let xden = t;
  for (let i = 0; i < n; i++) {
    xnum = g.op1('Mul', [g.op1('Add', [xnum, c(num[i])]), t]);
    xden = g.op1('Mul', [g.op1('Add', [xden, c(den[i])]), t]);
  }
  return g.op1('Div', [g.op1('Add', [xnum, c(num[n])]), g.op1('Add', [xden, c(den[n])])]);
}

/** float64 erf from float64 nodes (ORT has no float64 Erf kernel, ORT-FACTS §1). */
function lowerErf64(g: GraphBuilder, x: string): string {
  const c = (v: number) => g.scalar(float64, v);
  const y = g.op1('Abs', [x]);
  const ysq = g.op1('Mul', [y, y]);
  // |x| <= 0.46875: erf = x·R(x²)
  const small = g.op1('Mul', [x, ratio(g, ysq, A, B, A[4], 3)]);
  // 0.46875 < |x| <= 4: erfc = e^(-x²)·R(|x|);  |x| > 4: erfc = e^(-x²)(1/√π − R(1/x²)/x²)/|x|
  const mid = ratio(g, y, C, D, C[8], 7);
  const inv = g.op1('Reciprocal', [ysq]);
  const tail = g.op1('Div', [g.op1('Sub', [c(SQRPI), g.op1('Mul', [inv, ratio(g, inv, P, Q, P[5], 4)])]), y]);
  const erfcAbs = g.op1('Mul', [g.op1('Exp', [g.op1('Neg', [ysq])]), g.op1('Where', [g.op1('LessOrEqual', [y, c(4)]), mid, tail])]);
  const erfAbs = g.op1('Sub', [c(1), erfcAbs]);
  const signed = g.op1('Where', [g.op1('Less', [x, c(0)]), g.op1('Neg', [erfAbs]), erfAbs]);
  return g.op1('Where', [g.op1('LessOrEqual', [y, c(0.46875)]), small, signed]);
}

export const Erf = defineOp({
  name: 'erf',
  infer: sameInfer,
  elementwise: true,
  lower: (g, [x], _a, io) => [io.inputs[0].dtype === float64 ? lowerErf64(g, x) : g.op1('Erf', [x])],
  saves: { inputs: [0] },
  // d/dx erf(x) = 2/√π · e^(-x²)
  grad: (ctx, [gy]) => {
    const x = ctx.inputs[0];
    return [mul(gy!, mul(exp(mul(mul(x, x), -1)), 2 * SQRPI))];
  },
});

/**
 * torch.erf(input): the error function 2/√π ∫₀ˣ e^(-t²) dt of each element.
 * @example
 * torch.erf(torch.tensor([0, -1, 0.5])); x.erf();
 */
export function erf(input: Tensor): Tensor {
  return apply1(Erf, [asTensor(input, floatOf(input.dtype, get_default_dtype()))], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    erf(): Tensor;
    erf_(): Tensor;
  }
}
Tensor.prototype.erf = function (this: Tensor) {
  return erf(this);
};
Tensor.prototype.erf_ = function (this: Tensor) {
  return inplace(this, () => erf(this));
};
