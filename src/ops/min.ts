// min: torch.min in its three forms (see max.ts, which holds the shared pieces).
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { lowerMaxMin, tieGrad } from './amax.js';
import { type DimAttrs, dimInfer, dimKey, lowerArgReduce, maxMin, selectGrad, type ValuesIndices } from './max.js';
import { minimum } from './minimum.js';
import { reducedShape, type ReduceAttrs } from './sum.js';

export const MinAll = defineOp<ReduceAttrs>({
  name: 'min',
  backwardName: 'MinBackward1',
  infer: (x, a) => [{ dtype: x[0].dtype, shape: reducedShape(x[0]._shape, a.dims, false) }],
  lower: (g, x, a, io) => [lowerMaxMin(g, 'ReduceMin', x[0], a, io.inputs[0].dtype)],
  attrKey: (a) => a.dims.join(','),
  saves: { inputs: [0], outputs: [0] },
  grad: (ctx, [gy]) => [tieGrad(ctx, gy!, true)],
});

export const MinDim = defineOp<DimAttrs>({
  name: 'min.dim',
  backwardName: 'MinBackward0',
  infer: dimInfer,
  lower: (g, x, a, io) => lowerArgReduce(g, 'ArgMin', x[0], a, io.inputs[0].dtype),
  attrKey: dimKey,
  saves: { inputs: [], outputs: [1] },
  grad: (ctx, [gv]) => [selectGrad(ctx, gv!)],
});

/**
 * torch.min(input) → the smallest value; torch.min(input, dim, keepdim) → [values, indices]
 * (also `.values`/`.indices`); torch.min(input, other) → torch.minimum. NaN propagates.
 * @example
 * x.min(); const [v, i] = x.min(1); torch.min(a, b);
 */
export function min(input: Tensor): Tensor;
export function min(input: Tensor, other: Tensor): Tensor;
export function min(input: Tensor, dim: number, keepdim?: boolean): ValuesIndices;
export function min(input: Tensor, opts: { dim: number; keepdim?: boolean }): ValuesIndices;
export function min(input: Tensor, ...args: unknown[]): Tensor | ValuesIndices {
  return maxMin('min', { all: MinAll, dim: MinDim, binary: minimum }, input, args);
}

declare module '../tensor.js' {
  interface Tensor {
    min(): Tensor;
    min(other: Tensor): Tensor;
    min(dim: number, keepdim?: boolean): ValuesIndices;
    min(opts: { dim: number; keepdim?: boolean }): ValuesIndices;
  }
}
Tensor.prototype.min = function (this: Tensor, ...args: unknown[]) {
  return maxMin('min', { all: MinAll, dim: MinDim, binary: minimum }, this, args);
} as never;
