// div: input / other (torch.div, divide, true_divide, Tensor.div, div_, the `/` and `//` operators).
// rounding_mode null is true division (integers give floats); 'trunc' and 'floor' keep the dtype.
import { bind } from '../args.js';
import { type DType, get_default_dtype, resultType } from '../dtype.js';
import { zeros_like } from '../creation.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer, floatOf, promote, type TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { lowerTrunc } from './trunc.js';

export type RoundingMode = 'trunc' | 'floor' | null;

/** PyTorch raises for integer division by zero; ORT would too, or die of SIGFPE for `%` (ORT-FACTS §5). */
export function checkIntDivisor(b: Tensor): void {
  if (!b.dtype.isInt) return;
  const d = b._data;
  for (let i = 0; i < d.length; i++) if (d[i] == 0) throw new RuntimeError('ZeroDivisionError');
}

/**
 * An integer divisor with -1 replaced by 1: Div/Mod of INT_MIN by -1 kills the process (SIGFPE),
 * so callers divide by `safe` and patch the `isM1` lanes themselves.
 */
export function safeIntDivisor(g: GraphBuilder, b: string, dt: DType): { isM1: string; safe: string } {
  const isM1 = g.op1('Equal', [b, g.scalar(dt, -1)]);
  return { isM1, safe: g.op1('Where', [isM1, g.scalar(dt, 1), b]) };
}

/** Lanes where a truncated remainder `mod` must move to the divisor's sign (floor semantics). */
export function lowerFloorAdjust(g: GraphBuilder, mod: string, b: string, dt: DType): string {
  const zero = g.scalar(dt, 0);
  const nonzero = g.op1('Not', [g.op1('Equal', [mod, zero])]);
  return g.op1('And', [nonzero, g.op1('Xor', [g.op1('Less', [b, zero]), g.op1('Less', [mod, zero])])]);
}

/** Integer division rounded toward zero or down; -1 divisors negate (INT_MIN wraps, as in C). */
function lowerIntDiv(g: GraphBuilder, a: string, b: string, dt: DType, mode: RoundingMode): string {
  const { isM1, safe } = safeIntDivisor(g, b, dt);
  let q = g.op1('Div', [a, safe]); // ORT's integer Div truncates
  if (mode === 'floor') {
    const r = g.op1('Sub', [a, g.op1('Mul', [q, safe])]);
    q = g.op1('Where', [lowerFloorAdjust(g, r, safe, dt), g.op1('Sub', [q, g.scalar(dt, 1)]), q]);
  }
  return g.op1('Where', [isM1, g.op1('Neg', [a]), q]);
}

/** PyTorch's div_floor_floating: (a - fmod(a, b)) / b, adjusted, so 1 // 0.1 is 9 as in PyTorch. */
function lowerFloatFloorDiv(g: GraphBuilder, a: string, b: string, dt: DType): string {
  const zero = g.scalar(dt, 0);
  const one = g.scalar(dt, 1);
  const mod = g.op1('Mod', [a, b], { fmod: 1 });
  let div = g.op1('Div', [g.op1('Sub', [a, mod]), b]);
  div = g.op1('Where', [lowerFloorAdjust(g, mod, b, dt), g.op1('Sub', [div, one]), div]);
  let fl = g.op1('Floor', [div]);
  fl = g.op1('Where', [g.op1('Greater', [g.op1('Sub', [div, fl]), g.scalar(dt, 0.5)]), g.op1('Add', [fl, one]), fl]);
  const q = g.op1('Div', [a, b]);
  const res = g.op1('Where', [g.op1('Equal', [div, zero]), g.op1('Mul', [q, zero]), fl]); // signed zero
  return g.op1('Where', [g.op1('Equal', [b, zero]), q, res]);
}

export const Div = defineOp<{ mode: RoundingMode }>({
  name: 'div',
  infer: (x) => broadcastInfer(x),
  elementwise: true,
  lower: (g, [a, b], { mode }, io) => {
    const dt = io.inputs[0].dtype;
    if (dt.isInt) return [lowerIntDiv(g, a, b, dt, mode)];
    if (mode === 'floor') return [lowerFloatFloorDiv(g, a, b, dt)];
    const q = g.op1('Div', [a, b]);
    return [mode === 'trunc' ? lowerTrunc(g, q, dt) : q];
  },
  attrKey: (a) => a.mode ?? '',
  grad: (ctx, [gy]) => {
    const [a, b] = ctx.inputs;
    // Rounded quotients are piecewise constant: zero gradients, as PyTorch.
    if (ctx.attrs.mode !== null) return [ctx.needs[0] ? zeros_like(gy!) : null, ctx.needs[1] ? zeros_like(gy!) : null];
    return [ctx.needs[0] ? div(gy!, b) : null, ctx.needs[1] ? neg(mul(gy!, div(div(a, b), b))) : null];
  },
});

type DivOpts = { rounding_mode?: RoundingMode | string | null };

/**
 * torch.div(input, other, { rounding_mode }): true division (integers give floats), or quotient
 * rounded by 'trunc' or 'floor' (integers stay integers; integer division by zero throws).
 * @example
 * torch.div(a, b); a.div(2, { rounding_mode: 'floor' }); torch.divide(a, b, { rounding_mode: 'trunc' });
 */
export function div(input: TensorOrScalar, other: TensorOrScalar, ...args: (RoundingMode | DivOpts | undefined)[]): Tensor {
  const { rounding_mode: mode = null } = bind<DivOpts>(['rounding_mode'], args);
  if (mode !== null && mode !== 'trunc' && mode !== 'floor')
    throw new RuntimeError(`div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '${mode}'`);
  const common = resultType(...([input, other] as never[]));
  if (mode === null) {
    const [a, b] = promote([input, other], floatOf(common, get_default_dtype()));
    return apply1(Div, [a, b], { mode: null });
  }
  if (common.name === 'bool') throw new RuntimeError(`"div_${mode}_cpu" not implemented for 'Bool'`);
  const [a, b] = promote([input, other], common);
  checkIntDivisor(b);
  return apply1(Div, [a, b], { mode });
}

/** torch.divide: alias of div. */
export const divide = div;
/** torch.true_divide: div with rounding_mode null. */
export function true_divide(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return div(input, other);
}
/** torch.floor_divide: div with rounding_mode 'floor' (PyTorch ≥ 1.13 semantics). */
export function floor_divide(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return div(input, other, { rounding_mode: 'floor' });
}

type DivArg = RoundingMode | DivOpts | undefined;
declare module '../tensor.js' {
  interface Tensor {
    div(other: TensorOrScalar, opts?: DivArg): Tensor;
    div_(other: TensorOrScalar, opts?: DivArg): Tensor;
    divide(other: TensorOrScalar, opts?: DivArg): Tensor;
    divide_(other: TensorOrScalar, opts?: DivArg): Tensor;
    true_divide(other: TensorOrScalar): Tensor;
    true_divide_(other: TensorOrScalar): Tensor;
    floor_divide(other: TensorOrScalar): Tensor;
    floor_divide_(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.div = function (this: Tensor, other: TensorOrScalar, opts?: DivArg) {
  return div(this, other, opts);
};
Tensor.prototype.divide = Tensor.prototype.div;
Tensor.prototype.div_ = function (this: Tensor, other: TensorOrScalar, opts?: DivArg) {
  return inplace(this, () => div(this, other, opts));
};
Tensor.prototype.divide_ = Tensor.prototype.div_;
Tensor.prototype.true_divide = function (this: Tensor, other: TensorOrScalar) {
  return div(this, other);
};
Tensor.prototype.true_divide_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => div(this, other));
};
Tensor.prototype.floor_divide = function (this: Tensor, other: TensorOrScalar) {
  return floor_divide(this, other);
};
Tensor.prototype.floor_divide_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => floor_divide(this, other));
};
