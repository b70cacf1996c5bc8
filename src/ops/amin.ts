// amin: the minimum over dims (torch.amin, Tensor.amin). Shared pieces live in amax.ts.
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { lowerMaxMin, reduceMaxMin, tieGrad } from './amax.js';
import { type DimArg, reduceInfer, reduceKey } from './_reduce.js';
import type { ReduceAttrs } from './_reduce.js';

export const Amin = defineOp<ReduceAttrs>({
  name: 'amin',
  infer: reduceInfer,
  lower: (g, x, a, io) => [lowerMaxMin(g, 'ReduceMin', x[0], a, io.inputs[0].dtype)],
  attrKey: reduceKey,
  saves: { inputs: [0], outputs: [0] },
  grad: (ctx, [gy]) => [tieGrad(ctx, gy!)],
});

/**
 * torch.amin(input, dim = all, keepdim = false): the minimum over dims; NaN propagates.
 * @example
 * torch.amin(x, 1); x.amin({ dim: [0, 1], keepdim: true });
 */
export function amin(input: Tensor, ...args: unknown[]): Tensor {
  return reduceMaxMin(Amin, 'amin', input, args);
}

declare module '../tensor.js' {
  interface Tensor {
    amin(dim?: DimArg | { dim?: DimArg; keepdim?: boolean }, keepdim?: boolean): Tensor;
  }
}
Tensor.prototype.amin = function (this: Tensor, ...args: unknown[]) {
  return amin(this, ...args);
};
