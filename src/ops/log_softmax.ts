// log_softmax over one dim: ONNX LogSoftmax (numerically stable), its backward one primitive
// (PyTorch's _log_softmax_backward_data).
import { bind } from '../args.js';
import type { DType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { exp } from './exp.js';
import { mul } from './mul.js';
import { neg } from './neg.js';
import { castFor } from './softmax.js';
import { sub } from './sub.js';
import { sum } from './sum.js';

/** gy − e^y·Σ_dim gy */
export const LogSoftmaxBackward = defineOp<{ dim: number }>({
  name: '_log_softmax_backward_data',
  infer: (x) => sameInfer(x),
  lower: (g, [gy, y], a) => {
    const s = g.op1('ReduceSum', [gy, g.ints([a.dim])], { keepdims: 1 });
    return [g.op1('Sub', [gy, g.op1('Mul', [g.op1('Exp', [y]), s])])];
  },
  attrKey: (a) => String(a.dim),
  // Double backward: ∂/∂gy = ggx − Σ ggx·e^y; ∂/∂y = −ggx·e^y·Σ gy.
  grad: (ctx, [ggx]) => {
    const [gy, y] = ctx.inputs;
    const d = ctx.attrs.dim;
    const e = exp(y);
    return [ctx.needs[0] ? sub(ggx!, sum(mul(ggx!, e), d, true)) : null, ctx.needs[1] ? neg(mul(mul(ggx!, e), sum(gy, d, true))) : null];
  },
});

export const LogSoftmax = defineOp<{ dim: number }>({
  name: 'log_softmax',
  backwardName: 'LogSoftmaxBackward0',
  infer: sameInfer,
  lower: (g, x, a) => [g.op1('LogSoftmax', x, { axis: a.dim })],
  attrKey: (a) => String(a.dim),
  saves: { inputs: [], outputs: [0] },
  grad: (ctx, [gy]) => [apply1(LogSoftmaxBackward, [gy!, ctx.outputs[0]], ctx.attrs)],
});

/**
 * torch.log_softmax(input, dim, { dtype }): x − log Σ_dim e^x, computed stably.
 * @example
 * torch.log_softmax(x, 1); x.log_softmax(-1);
 */
export function log_softmax(input: Tensor, ...args: unknown[]): Tensor {
  const { dim, dtype } = bind<{ dim: number; dtype?: DType | string | null }>(['dim', 'dtype'], args);
  const x = castFor(input, dtype);
  if (x._shape.length === 0 && normDim(dim, 0) === 0) return apply1(LogSoftmax, [x.reshape(1)], { dim: 0 }).reshape([]);
  return apply1(LogSoftmax, [x], { dim: normDim(dim, x._shape.length) });
}

declare module '../tensor.js' {
  interface Tensor {
    log_softmax(dim: number, dtype?: DType | string | null): Tensor;
  }
}
Tensor.prototype.log_softmax = function (this: Tensor, ...args: unknown[]) {
  return log_softmax(this, ...args);
};
