// argmax: index of the largest value (torch.argmax, Tensor.argmax). argmin.ts reuses the pieces.
import { bind } from '../args.js';
import { bool, type DType, int32, int64 } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { IndexError, RuntimeError } from '../errors.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp, type OpDef } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { lowerReduce, reducedShape } from './_reduce.js';

export interface ArgAttrs {
  /** null: over the flattened input */
  dim: number | null;
  keepdim: boolean;
}

export function argInfer(x: readonly Tensor[], a: ArgAttrs) {
  const s = x[0]._shape;
  const shape = a.dim === null ? (a.keepdim ? s.map(() => 1) : []) : reducedShape(s, [a.dim], a.keepdim);
  return [{ dtype: int64, shape }];
}

/**
 * ArgMax/ArgMin along an axis with PyTorch's NaN rule: ORT ignores NaN unless it comes first, but
 * PyTorch returns the first NaN's index; ties give the first index in both.
 */
export function lowerArgAxis(g: GraphBuilder, type: 'ArgMax' | 'ArgMin', x: string, axis: number, keepdims: boolean, dt: DType): string {
  const attrs = { axis, keepdims: keepdims ? 1 : 0 };
  const i = g.op1(type, [x], attrs);
  if (!dt.is_floating_point) return i;
  const nan = g.op1('Cast', [g.op1('IsNaN', [x])], { to: int32.onnx });
  const anyNan = g.op1('Cast', [lowerReduce(g, 'ReduceMax', nan, { dims: [axis], keepdim: keepdims })], { to: bool.onnx });
  return g.op1('Where', [anyNan, g.op1('ArgMax', [nan], attrs), i]);
}

/** argmax/argmin over a dim, or over the flattened input when dim is null. */
export function lowerArg(g: GraphBuilder, type: 'ArgMax' | 'ArgMin', x: string, a: ArgAttrs, rank: number, dt: DType): string {
  if (a.dim !== null) return lowerArgAxis(g, type, x, a.dim, a.keepdim, dt);
  const i = lowerArgAxis(g, type, g.op1('Reshape', [x, g.ints([-1])]), 0, false, dt);
  return a.keepdim ? g.op1('Reshape', [i, g.ints(new Array<number>(rank).fill(1))]) : i;
}

export const argKey = (a: ArgAttrs): string => `${a.dim}${a.keepdim ? 'k' : ''}`;

/** The argument handling shared by argmax and argmin. */
export function argReduce(name: string, op: OpDef<ArgAttrs>, input: Tensor, args: readonly unknown[]): Tensor {
  const o = bind<{ dim?: number | null; keepdim?: boolean }>(['dim', 'keepdim'], args);
  if (input.dtype === bool) throw new RuntimeError(`"${name}_cpu" not implemented for 'Bool'`);
  const s = input._shape;
  const keepdim = o.keepdim ?? false;
  if (o.dim == null) {
    if (s.includes(0)) throw new IndexError(`${name}(): Expected reduction dim to be specified for input.numel() == 0.`);
    return apply1(op, [input], { dim: null, keepdim });
  }
  const dim = normDim(o.dim, Math.max(s.length, 1));
  if (s.length === 0) return apply1(op, [input], { dim: null, keepdim });
  if (s[dim] === 0) throw new IndexError(`${name}(): Expected reduction dim ${dim} to have non-zero size.`);
  return apply1(op, [input], { dim, keepdim });
}

export const Argmax = defineOp<ArgAttrs>({
  name: 'argmax',
  infer: argInfer,
  lower: (g, x, a, io) => [lowerArg(g, 'ArgMax', x[0], a, io.inputs[0].rank, io.inputs[0].dtype)],
  attrKey: argKey,
});

/**
 * torch.argmax(input, dim = flattened, keepdim = false): index of the first maximum (a NaN counts as largest).
 * @example
 * x.argmax(); torch.argmax(x, 1, true); x.argmax({ dim: -1 });
 */
export function argmax(input: Tensor, ...args: unknown[]): Tensor {
  return argReduce('argmax', Argmax, input, args);
}

export type ArgArgs = [dim?: number | null | { dim?: number | null; keepdim?: boolean }, keepdim?: boolean];
declare module '../tensor.js' {
  interface Tensor {
    argmax(...args: ArgArgs): Tensor;
  }
}
Tensor.prototype.argmax = function (this: Tensor, ...args: unknown[]) {
  return argmax(this, ...args);
};
