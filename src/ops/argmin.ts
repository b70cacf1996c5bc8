// argmin: index of the smallest value (torch.argmin, Tensor.argmin). Shared pieces in argmax.ts.
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { argInfer, argKey, type ArgArgs, type ArgAttrs, argReduce, lowerArg } from './argmax.js';

export const Argmin = defineOp<ArgAttrs>({
  name: 'argmin',
  infer: argInfer,
  lower: (g, x, a, io) => [lowerArg(g, 'ArgMin', x[0], a, io.inputs[0].rank, io.inputs[0].dtype)],
  attrKey: argKey,
});

/**
 * torch.argmin(input, dim = flattened, keepdim = false): index of the first minimum (a NaN counts as smallest).
 * @example
 * x.argmin(); torch.argmin(x, 1, true);
 */
export function argmin(input: Tensor, ...args: unknown[]): Tensor {
  return argReduce('argmin', Argmin, input, args);
}

declare module '../tensor.js' {
  interface Tensor {
    argmin(...args: ArgArgs): Tensor;
  }
}
Tensor.prototype.argmin = function (this: Tensor, ...args: unknown[]) {
  return argmin(this, ...args);
};
