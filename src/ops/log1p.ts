// log1p: log(1 + x), accurate for small x (torch.log1p, Tensor.log1p, log1p_). Integer and bool input gives the default float dtype.
import { type DType, get_default_dtype } from '../dtype.js';
import type { GraphBuilder } from '../graph/builder.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { add } from './add.js';
import { asTensor, floatOf, sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { div } from './div.js';

/** log1p from Log: ONNX has no Log1p. Goldberg's trick: with u = 1 + x rounded, log(u) * x / (u - 1)
 * cancels the rounding error of u; where u - 1 is 0, log1p(x) = x to working precision. +inf passes through. */
export function lowerLog1p(g: GraphBuilder, x: string, dt: DType): string {
  const u = g.op1('Add', [x, g.scalar(dt, 1)]);
  const d = g.op1('Sub', [u, g.scalar(dt, 1)]);
  const r = g.op1('Mul', [g.op1('Log', [u]), g.op1('Div', [x, d])]);
  const small = g.op1('Equal', [d, g.scalar(dt, 0)]);
  const big = g.op1('IsInf', [x], { detect_negative: 0 });
  return g.op1('Where', [g.op1('Or', [small, big]), x, r]);
}

export const Log1p = defineOp({
  name: 'log1p',
  infer: sameInfer,
  elementwise: true,
  lower: (g, [x], _a, io) => [lowerLog1p(g, x, io.inputs[0].dtype)],
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [div(gy!, add(ctx.inputs[0], 1))],
});

/**
 * torch.log1p(input): log(1 + input), accurate even where input is tiny.
 * @example
 * torch.log1p(torch.tensor([1e-10, 1])); x.log1p();
 */
export function log1p(input: Tensor): Tensor {
  return apply1(Log1p, [asTensor(input, floatOf(input.dtype, get_default_dtype()))], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    log1p(): Tensor;
    log1p_(): Tensor;
  }
}
Tensor.prototype.log1p = function (this: Tensor) {
  return log1p(this);
};
Tensor.prototype.log1p_ = function (this: Tensor) {
  return inplace(this, () => log1p(this));
};
