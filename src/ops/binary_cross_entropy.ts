// binary_cross_entropy: -w·(y·log x + (1-y)·log(1-x)) with each log clamped to >= -100, as
// PyTorch does. A primitive (not log + clamp) because PyTorch's gradient
// w·(x-y)/max(x(1-x), 1e-12) stays finite at x = 0 or 1, where the composite's would be NaN.
import { apply1 } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import type { Reduction } from './_nll_common.js';

export interface BceAttrs {
  reduction: Reduction;
  /** is inputs[2] a weight (broadcast to the input's shape)? */
  weighted: boolean;
}
const key = (a: BceAttrs): string => a.reduction + (a.weighted ? 'w' : '');

/** max(log(v), -100) */
const clampedLog = (g: GraphBuilder, v: string, dt: Parameters<GraphBuilder['scalar']>[0]): string =>
  g.op1('Max', [g.op1('Log', [v]), g.scalar(dt, -100)]);

function reduce(g: GraphBuilder, v: string, a: BceAttrs): string {
  if (a.reduction === 'none') return v;
  return g.op1(a.reduction === 'sum' ? 'ReduceSum' : 'ReduceMean', [v], { keepdims: 0 });
}

export const BinaryCrossEntropy = defineOp<BceAttrs>({
  name: 'binary_cross_entropy',
  infer: (x, a) => [{ dtype: x[0].dtype, shape: a.reduction === 'none' ? x[0]._shape : [] }],
  lower: (g, [x, y, w], a, io) => {
    const dt = io.inputs[0].dtype;
    const one = g.scalar(dt, 1);
    const pos = g.op1('Mul', [y, clampedLog(g, x, dt)]);
    const neg = g.op1('Mul', [g.op1('Sub', [one, y]), clampedLog(g, g.op1('Sub', [one, x]), dt)]);
    let l = g.op1('Neg', [g.op1('Add', [pos, neg])]);
    if (a.weighted) l = g.op1('Mul', [l, w]);
    return [reduce(g, l, a)];
  },
  attrKey: key,
  grad: (ctx, [gy]) => [
    ctx.needs[0] ? bceBackward(gy!, ctx.inputs, ctx.attrs, 'input') : null,
    ctx.needs[1] ? bceBackward(gy!, ctx.inputs, ctx.attrs, 'target') : null,
    null,
  ],
});

interface BceBackAttrs extends BceAttrs {
  wrt: 'input' | 'target';
}

/**
 * wrt input: gy·w·(x-y)/max(x(1-x), 1e-12); wrt target: gy·w·(log(1-x) - log x) (logs clamped);
 * divided by numel for 'mean'.
 */
export const BinaryCrossEntropyBackward = defineOp<BceBackAttrs>({
  name: 'binary_cross_entropy_backward',
  infer: (x) => [{ dtype: x[1].dtype, shape: x[1]._shape }],
  lower: (g, [gy, x, y, w], a, io) => {
    const dt = io.inputs[1].dtype;
    const one = g.scalar(dt, 1);
    const omx = g.op1('Sub', [one, x]);
    let d =
      a.wrt === 'input'
        ? g.op1('Div', [g.op1('Sub', [x, y]), g.op1('Max', [g.op1('Mul', [x, omx]), g.scalar(dt, 1e-12)])])
        : g.op1('Sub', [clampedLog(g, omx, dt), clampedLog(g, x, dt)]);
    if (a.weighted) d = g.op1('Mul', [d, w]);
    d = g.op1('Mul', [d, gy]);
    if (a.reduction === 'mean') {
      const n = g.op1('Cast', [g.op1('Size', [x])], { to: dt.onnx });
      d = g.op1('Div', [d, n]);
    }
    return [d];
  },
  attrKey: (a) => key(a) + a.wrt,
});

function bceBackward(gy: Tensor, [x, y, w]: readonly Tensor[], a: BceAttrs, wrt: 'input' | 'target'): Tensor {
  const attrs = { ...a, wrt };
  return apply1(BinaryCrossEntropyBackward, a.weighted ? [gy, x, y, w] : [gy, x, y], attrs);
}

/**
 * The primitive behind F.binary_cross_entropy: input and target of one shape and dtype, optional
 * weight already expanded to that shape.
 * @example
 * _binary_cross_entropy(probs, target, null, 'mean');
 */
export function _binary_cross_entropy(input: Tensor, target: Tensor, weight: Tensor | null, reduction: Reduction): Tensor {
  const a: BceAttrs = { reduction, weighted: weight !== null };
  return apply1(BinaryCrossEntropy, weight === null ? [input, target] : [input, target, weight], a);
}
