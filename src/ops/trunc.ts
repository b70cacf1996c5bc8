// trunc: rounds toward zero (torch.trunc, fix, Tensor.trunc, trunc_). ONNX has no Trunc node.
import { bool, type DType } from '../dtype.js';
import { zeros_like } from '../creation.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { inplace } from './_inplace.js';

/** ONNX nodes for trunc(x) on floats: ceil below zero, floor above (NaN and ±inf pass through). */
export function lowerTrunc(g: GraphBuilder, x: string, dt: DType): string {
  const neg = g.op1('Less', [x, g.scalar(dt, 0)]);
  return g.op1('Where', [neg, g.op1('Ceil', [x]), g.op1('Floor', [x])]);
}

export const Trunc = defineOp({
  name: 'trunc',
  infer: sameInfer,
  lower: (g, [x], _a, io) => [io.inputs[0].dtype.isInt ? g.op1('Identity', [x]) : lowerTrunc(g, x, io.inputs[0].dtype)],
  saves: { inputs: [] },
  // Piecewise constant: zero gradient, as PyTorch.
  grad: (_ctx, [gy]) => [zeros_like(gy!)],
});

/**
 * torch.trunc(input): the integer part, rounding toward zero. Integer tensors are returned as a copy.
 * @example
 * torch.trunc(torch.tensor([-1.7, 2.5])); // tensor([-1., 2.])
 */
export function trunc(input: Tensor): Tensor {
  if (input.dtype === bool) throw new RuntimeError(`"trunc_vml_cpu" not implemented for 'Bool'`);
  return apply1(Trunc, [input], undefined);
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
