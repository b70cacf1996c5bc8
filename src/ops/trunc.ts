// trunc: rounds toward zero (torch.trunc, fix, Tensor.trunc, trunc_). ONNX has no Trunc node.
import type { DType } from '../dtype.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';
import { applyRounding, roundingFields } from './_rounding.js';

/** ONNX nodes for trunc(x) on floats: ceil below zero, floor above (NaN and ±inf pass through). */
export function lowerTrunc(g: GraphBuilder, x: string, dt: DType): string {
  const neg = g.op1('Less', [x, g.scalar(dt, 0)]);
  return g.op1('Where', [neg, g.op1('Ceil', [x]), g.op1('Floor', [x])]);
}

export const Trunc = defineOp({ name: 'trunc', ...roundingFields(lowerTrunc) });

/**
 * torch.trunc(input): the integer part, rounding toward zero. Integer tensors are returned as a copy.
 * @example
 * torch.trunc(torch.tensor([-1.7, 2.5])); // tensor([-1., 2.])
 */
export function trunc(input: Tensor): Tensor {
  return applyRounding(Trunc, 'trunc', input);
}

/** torch.fix: alias of trunc. */
export const fix = trunc;

declare module '../tensor.js' {
  interface Tensor {
    trunc(): Tensor;
    trunc_(): Tensor;
    fix(): Tensor;
    fix_(): Tensor;
  }
}
Tensor.prototype.trunc = function (this: Tensor) {
  return trunc(this);
};
Tensor.prototype.fix = Tensor.prototype.trunc;
Tensor.prototype.trunc_ = function (this: Tensor) {
  return inplace(this, () => trunc(this));
};
Tensor.prototype.fix_ = Tensor.prototype.trunc_;
