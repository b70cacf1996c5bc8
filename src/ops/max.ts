// max: torch.max in its three forms — over everything (a value), over one dim (values and
// indices, like PyTorch's namedtuple), and against another tensor (maximum). min.ts reuses this.
import { bind } from '../args.js';
import { arange } from '../creation.js';
import { bool, type DType, int32, int64 } from '../dtype.js';
import { apply, apply1 } from '../dispatch.js';
import { IndexError, TorchTypeError } from '../errors.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp, type GradCtx, type OpDef } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { checkNonEmpty, lowerMaxMin, reduceDims, tieGrad } from './amax.js';
import { lowerArgAxis } from './argmax.js';
import { eq } from './eq.js';
import { maximum } from './maximum.js';
import { reshape } from './reshape.js';
import { reducedShape, type ReduceAttrs } from './sum.js';
import { where } from './where.js';
import { zeros_like } from '../creation.js';

/** (values, indices) of max/min over a dim: an array that also has PyTorch's field names. */
export type ValuesIndices = [Tensor, Tensor] & { values: Tensor; indices: Tensor };

export function valuesIndices(values: Tensor, indices: Tensor): ValuesIndices {
  return Object.assign([values, indices] as [Tensor, Tensor], { values, indices });
}

export interface DimAttrs {
  dim: number;
  keepdim: boolean;
}

/** argmax/argmin (NaN-aware) then GatherElements, so a NaN in the slice is the value, as in PyTorch. */
export function lowerArgReduce(g: GraphBuilder, type: 'ArgMax' | 'ArgMin', x: string, a: DimAttrs, dt: DType): string[] {
  const xi = dt === bool ? g.op1('Cast', [x], { to: int32.onnx }) : x;
  const idx = lowerArgAxis(g, type, xi, a.dim, true, dt);
  const v = g.op1('GatherElements', [x, idx], { axis: a.dim });
  if (a.keepdim) return [v, idx];
  const ax = g.ints([a.dim]);
  return [g.op1('Squeeze', [v, ax]), g.op1('Squeeze', [idx, ax])];
}

/** Gradient of max/min over a dim: the output gradient goes to the selected index only. */
export function selectGrad(ctx: GradCtx<DimAttrs>, gv: Tensor): Tensor {
  const shape = ctx.inputMeta[0].shape;
  const { dim } = ctx.attrs;
  const kept = reducedShape(shape, [dim], true);
  const pos = reshape(arange(shape[dim]), shape.map((s, i) => (i === dim ? s : 1)));
  const hit = eq(pos, reshape(ctx.outputs[1], kept));
  return where(hit, reshape(gv, kept), zeros_like(ctx.inputMeta[0]));
}

/** Shape rule of max/min over a dim: values and int64 indices. */
export const dimInfer = (x: readonly Tensor[], a: DimAttrs) => {
  const shape = reducedShape(x[0]._shape, [a.dim], a.keepdim);
  return [{ dtype: x[0].dtype, shape }, { dtype: int64, shape }];
};
export const dimKey = (a: DimAttrs): string => a.dim + (a.keepdim ? 'k' : '');

export const MaxAll = defineOp<ReduceAttrs>({
  name: 'max',
  backwardName: 'MaxBackward1',
  infer: (x, a) => [{ dtype: x[0].dtype, shape: reducedShape(x[0]._shape, a.dims, false) }],
  lower: (g, x, a, io) => [lowerMaxMin(g, 'ReduceMax', x[0], a, io.inputs[0].dtype)],
  attrKey: (a) => a.dims.join(','),
  saves: { inputs: [0], outputs: [0] },
  grad: (ctx, [gy]) => [tieGrad(ctx, gy!, true)],
});

export const MaxDim = defineOp<DimAttrs>({
  name: 'max.dim',
  backwardName: 'MaxBackward0',
  infer: dimInfer,
  lower: (g, x, a, io) => lowerArgReduce(g, 'ArgMax', x[0], a, io.inputs[0].dtype),
  attrKey: dimKey,
  saves: { inputs: [], outputs: [1] },
  grad: (ctx, [gv]) => [selectGrad(ctx, gv!)],
});

/** The argument handling shared by max and min. */
export function maxMin(
  name: 'max' | 'min',
  ops: { all: OpDef<ReduceAttrs>; dim: OpDef<DimAttrs>; binary: (a: Tensor, b: Tensor) => Tensor },
  input: Tensor,
  args: readonly unknown[],
): Tensor | ValuesIndices {
  if (args[0] instanceof Tensor) return ops.binary(input, args[0]);
  const o = bind<{ dim?: number | null; keepdim?: boolean }>(['dim', 'keepdim'], args);
  const rank = input._shape.length;
  if (o.dim == null) {
    const dims = reduceDims(undefined, rank);
    checkNonEmpty(name, input._shape, undefined, dims);
    return apply1(ops.all, [input], { dims, keepdim: false });
  }
  if (typeof o.dim !== 'number')
    throw new TorchTypeError(`${name}() received an invalid combination of arguments - got (Tensor, ${Array.isArray(o.dim) ? 'list' : typeof o.dim}), but expected one of:`);
  const dim = normDim(o.dim, Math.max(rank, 1));
  const keepdim = o.keepdim ?? false;
  if (rank === 0) {
    // A 0-d tensor reduces over its single element: lift to 1-D and back.
    const [v, i] = apply(ops.dim, [reshape(input, [1])], { dim: 0, keepdim: false });
    return valuesIndices(v, i);
  }
  if (input._shape[dim] === 0) throw new IndexError(`${name}(): Expected reduction dim ${dim} to have non-zero size.`);
  const [v, i] = apply(ops.dim, [input], { dim, keepdim });
  return valuesIndices(v, i);
}

/**
 * torch.max(input) → the largest value; torch.max(input, dim, keepdim) → [values, indices]
 * (also `.values`/`.indices`); torch.max(input, other) → torch.maximum. NaN propagates.
 * @example
 * x.max(); const [v, i] = x.max(1); x.max({ dim: 0, keepdim: true }).indices; torch.max(a, b);
 */
export function max(input: Tensor): Tensor;
export function max(input: Tensor, other: Tensor): Tensor;
export function max(input: Tensor, dim: number, keepdim?: boolean): ValuesIndices;
export function max(input: Tensor, opts: { dim: number; keepdim?: boolean }): ValuesIndices;
export function max(input: Tensor, ...args: unknown[]): Tensor | ValuesIndices {
  return maxMin('max', { all: MaxAll, dim: MaxDim, binary: maximum }, input, args);
}

declare module '../tensor.js' {
  interface Tensor {
    max(): Tensor;
    max(other: Tensor): Tensor;
    max(dim: number, keepdim?: boolean): ValuesIndices;
    max(opts: { dim: number; keepdim?: boolean }): ValuesIndices;
  }
}
Tensor.prototype.max = function (this: Tensor, ...args: unknown[]) {
  return maxMin('max', { all: MaxAll, dim: MaxDim, binary: maximum }, this, args);
} as never;
