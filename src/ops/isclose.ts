// isclose: |input - other| <= atol + rtol * |other| elementwise (bool), equal values (infinities
// included) always close, NaN close to NaN only with equal_nan; PyTorch's formula in one op
// whose lowering is a few ONNX nodes. allclose.ts reduces it.
import { bind } from '../args.js';
import { bool, type DType, float32, get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer } from './_common.js';

export interface IscloseAttrs {
  rtol: number;
  atol: number;
  equal_nan: boolean;
}

/** The closeness test on two same-dtype values of dtype `dt` (bool result). */
export function lowerIsclose(g: GraphBuilder, a: string, b: string, at: IscloseAttrs, dt: DType): string {
  // Equal has every kernel; the arithmetic runs in the dtype (ints in the default float, halves in float32).
  let close = g.op1('Equal', [a, b]);
  if (at.equal_nan && dt.is_floating_point) close = g.op1('Or', [close, g.op1('And', [g.op1('IsNaN', [a]), g.op1('IsNaN', [b])])]);
  if (at.rtol === 0 && at.atol === 0) return close;
  const ct = dt.is_floating_point ? (dt.isHalf ? float32 : dt) : get_default_dtype();
  const [x, y] = ct === dt ? [a, b] : [a, b].map((v) => g.op1('Cast', [v], { to: ct.onnx }));
  const allowed = g.op1('Add', [g.scalar(ct, at.atol), g.op1('Abs', [g.op1('Mul', [g.scalar(ct, at.rtol), y])])]);
  const actual = g.op1('Abs', [g.op1('Sub', [x, y])]);
  // isfinite(actual) & actual <= allowed; LessOrEqual is false for NaN, and inf <= allowed only when allowed is inf.
  const finite = g.op1('Not', [g.op1('Or', [g.op1('IsNaN', [actual]), g.op1('IsInf', [actual])])]);
  return g.op1('Or', [close, g.op1('And', [finite, g.op1('LessOrEqual', [actual, allowed])])]);
}

export const Isclose = defineOp<IscloseAttrs>({
  name: 'isclose',
  infer: (x) => broadcastInfer(x, bool),
  lower: (g, [a, b], at, io) => [lowerIsclose(g, a, b, at, io.inputs[0].dtype)],
});

type IscloseOpts = { rtol?: number; atol?: number; equal_nan?: boolean };

/** isclose's checks, shared with allclose: same dtype, non-negative tolerances. */
export function iscloseArgs(input: Tensor, other: Tensor, args: readonly unknown[]): IscloseAttrs {
  const o = bind<IscloseOpts>(['rtol', 'atol', 'equal_nan'], args);
  if (input.dtype !== other.dtype) throw new RuntimeError(`${input.dtype.scalarName} did not match ${other.dtype.scalarName}`);
  const rtol = o.rtol ?? 1e-5;
  const atol = o.atol ?? 1e-8;
  if (rtol < 0) throw new RuntimeError(`rtol must be greater than or equal to zero, but got ${rtol}`);
  if (atol < 0) throw new RuntimeError(`atol must be greater than or equal to zero, but got ${atol}`);
  return { rtol, atol, equal_nan: o.equal_nan ?? false };
}

/**
 * torch.isclose(input, other, rtol = 1e-05, atol = 1e-08, equal_nan = false): elementwise
 * |input - other| <= atol + rtol * |other| (broadcasting), as a bool tensor.
 * @example
 * torch.isclose(torch.tensor([1, 2.0001]), torch.tensor([1, 2]), { rtol: 1e-3 }); // [true, true]
 */
export function isclose(input: Tensor, other: Tensor, rtol?: number, atol?: number, equal_nan?: boolean): Tensor;
export function isclose(input: Tensor, other: Tensor, opts: IscloseOpts): Tensor;
export function isclose(input: Tensor, other: Tensor, ...args: unknown[]): Tensor {
  return apply1(Isclose, [input, other], iscloseArgs(input, other, args));
}

declare module '../tensor.js' {
  interface Tensor {
    isclose(other: Tensor, rtol?: number, atol?: number, equal_nan?: boolean): Tensor;
    isclose(other: Tensor, opts: IscloseOpts): Tensor;
  }
}
Tensor.prototype.isclose = function (this: Tensor, other: Tensor, ...args: unknown[]) {
  return isclose(this, other, ...(args as [IscloseOpts]));
} as never;
