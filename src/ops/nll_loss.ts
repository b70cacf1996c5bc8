// nll_loss: negative log-likelihood over class indices (ONNX NegativeLogLikelihoodLoss: its weight,
// ignore_index and weighted-mean rules equal PyTorch's). The gradient is nll_loss_backward, one call.
// F.nll_loss (torchlike/nn/functional/loss.ts) checks arguments and calls this.
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { nllInfer, nllKey, nllParts, nllScale, type NllAttrs } from './_nll_common.js';

export const NllLoss = defineOp<NllAttrs>({
  name: 'nll_loss',
  backwardName: 'NllLossBackward0',
  infer: nllInfer,
  lower: (g, x, a) => [g.op1('NegativeLogLikelihoodLoss', x, { reduction: a.reduction, ignore_index: a.ignore_index })],
  attrKey: nllKey,
  saves: { inputs: [0, 1, 2] },
  grad: (ctx, [gy]) => [ctx.needs[0] ? nll_loss_backward(gy!, ctx.inputs, ctx.attrs) : null, null, null],
});

/** d loss/d input = -onehot(target)·w·scale (input 1, the forward input, gives the class count). */
export const NllLossBackward = defineOp<NllAttrs>({
  name: 'nll_loss_backward',
  infer: (x) => [{ dtype: x[0].dtype, shape: x[1]._shape }],
  lower: (g, [gy, shape, t, w], a, io) => {
    const dt = io.inputs[0].dtype;
    const p = nllParts(g, shape, t, a.weighted ? w : null, a, dt, io.inputs[1].rank);
    const picked = p.wb === null ? p.onehot : g.op1('Mul', [p.onehot, p.wb]);
    return [g.op1('Neg', [g.op1('Mul', [picked, nllScale(g, gy, p.wt, a)])])];
  },
  attrKey: nllKey,
  saves: { inputs: [2, 3] },
  // Linear in gy and constant in the input: d/dgy <ggx, ·> is nll_loss(ggx) (as PyTorch's formula).
  grad: (ctx, [ggx]) => [ctx.needs[0] ? _nll_loss(ggx!, ctx.inputs[2], ctx.attrs.weighted ? ctx.inputs[3] : null, ctx.attrs) : null, null, null, null],
});

export function nll_loss_backward(gy: Tensor, [x, t, w]: readonly Tensor[], a: NllAttrs): Tensor {
  return apply1(NllLossBackward, a.weighted ? [gy, x, t, w] : [gy, x, t], a);
}

/**
 * The primitive behind F.nll_loss: input [N, C, d...] log-probabilities, target [N, d...] int64
 * (validated by the caller), optional weight [C].
 * @example
 * _nll_loss(logp, target, null, { reduction: 'mean', ignore_index: -100, smoothing: 0 });
 */
export function _nll_loss(input: Tensor, target: Tensor, weight: Tensor | null, a: Omit<NllAttrs, 'weighted'>): Tensor {
  const attrs: NllAttrs = { ...a, smoothing: 0, weighted: weight !== null };
  return apply1(NllLoss, weight === null ? [input, target] : [input, target, weight], attrs);
}
