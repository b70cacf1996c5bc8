// all: are all elements true (non-zero)? (torch.all, Tensor.all). Pieces shared with any.ts.
import { bool } from '../dtype.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import type { DimArg } from './_reduce.js';
import { boolInfer, boolKey, boolReduce, lowerAny } from './any.js';
import type { ReduceAttrs } from './_reduce.js';

export const All = defineOp<ReduceAttrs>({
  name: 'all',
  infer: boolInfer,
  // all(x) = not any(not x); an empty slice gives true.
  lower: (g, [x], a) => [g.op1('Not', [lowerAny(g, g.op1('Not', [g.op1('Cast', [x], { to: bool.onnx })]), a)])],
  attrKey: boolKey,
});

/**
 * torch.all(input, dim?, keepdim = false): true where every element is non-zero; a bool tensor.
 * @example
 * x.gt(0).all(); torch.all(x, 1, true);
 */
export function all(input: Tensor, ...args: unknown[]): Tensor {
  return boolReduce(All, input, args);
}

declare module '../tensor.js' {
  interface Tensor {
    all(dim?: DimArg | { dim?: DimArg; keepdim?: boolean }, keepdim?: boolean): Tensor;
  }
}
Tensor.prototype.all = function (this: Tensor, ...args: unknown[]) {
  return all(this, ...args);
};
