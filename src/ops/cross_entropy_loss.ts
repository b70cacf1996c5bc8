// cross_entropy_loss: log_softmax + nll_loss over class indices in ONE onnxruntime call
// (ONNX SoftmaxCrossEntropyLoss, whose weight/ignore_index/mean rules equal PyTorch's), with label
// smoothing added in the same graph. Its gradient is the analytic op below, also one call.
// The common case (no weight, no smoothing, no target equal to ignore_index) lowers to the cheaper
// LogSoftmax + GatherElements, and its gradient to Softmax minus 1 at the target.
// F.cross_entropy (torchlike/nn/functional/loss.ts) checks arguments and calls this.
import { activeTracer, apply1 } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { nllInfer, nllKey, nllParts, nllScale, type NllAttrs } from './_nll_common.js';

/** The number of classes (Shape of axis 1) as a 0-d float of dtype code `to`. */
function classCount(g: GraphBuilder, x: string, to: number): string {
  return g.op1('Cast', [g.op1('Squeeze', [g.op1('Shape', [x], { start: 1, end: 2 })])], { to });
}

/** NllAttrs plus `plain`: unweighted, unsmoothed, and no target equals ignore_index (set by _cross_entropy_loss). */
export interface CeAttrs extends NllAttrs {
  plain?: boolean;
}
const ceKey = (a: CeAttrs): string => nllKey(a) + (a.plain ? '|p' : '');

/** -log_softmax(x)[target] per sample, [N, 1, ...] (plain case). */
function plainLoss(g: GraphBuilder, x: string, t: string): string {
  return g.op1('GatherElements', [g.op1('LogSoftmax', [x], { axis: 1 }), g.op1('Unsqueeze', [t, g.ints([1])])], { axis: 1 });
}

export const CrossEntropyLoss = defineOp<CeAttrs>({
  name: 'cross_entropy_loss',
  backwardName: 'NllLossBackward0',
  infer: nllInfer,
  lower: (g, x, a, io) => {
    const dt = io.inputs[0].dtype;
    const rank = io.inputs[0].rank;
    if (a.plain) {
      const picked = plainLoss(g, x[0], x[1]);
      if (a.reduction === 'none') return [g.op1('Neg', [g.op1('Squeeze', [picked, g.ints([1])])])];
      return [g.op1('Neg', [g.op1(a.reduction === 'mean' ? 'ReduceMean' : 'ReduceSum', [picked], { keepdims: 0 })])];
    }
    const [loss, logp] = g.op('SoftmaxCrossEntropyLoss', x, { reduction: a.reduction, ignore_index: a.ignore_index }, 2);
    if (a.smoothing === 0) return [loss];
    // PyTorch: (1-ε)·nll + ε/C · Σ_c -w_c·logp_c, masked, reduced like nll (same denominator).
    const p = nllParts(g, x[0], x[1], a.weighted ? x[2] : null, a, dt, rank);
    const wlogp = p.wb === null ? logp : g.op1('Mul', [logp, p.wb]);
    const smooth = g.op1('Mul', [g.op1('Neg', [g.op1('ReduceSum', [wlogp, g.ints([1])], { keepdims: 1 })]), p.mask]);
    let red: string;
    if (a.reduction === 'none') red = g.op1('Squeeze', [smooth, g.ints([1])]);
    else {
      red = g.op1('ReduceSum', [smooth], { keepdims: 0 });
      if (a.reduction === 'mean') red = g.op1('Div', [red, g.op1('ReduceSum', [p.wt], { keepdims: 0 })]);
    }
    const eps = g.scalar(dt, a.smoothing);
    const c = classCount(g, x[0], dt.onnx);
    const nllPart = g.op1('Mul', [loss, g.scalar(dt, 1 - a.smoothing)]);
    return [g.op1('Add', [nllPart, g.op1('Mul', [red, g.op1('Div', [eps, c])])])];
  },
  attrKey: ceKey,
  saves: { inputs: [0, 1, 2] },
  grad: (ctx, [gy]) => [ctx.needs[0] ? cross_entropy_loss_backward(gy!, ctx.inputs, ctx.attrs) : null, null, null],
});

/**
 * d loss/d x = scale · [(1-ε)·w_t·(softmax(x) - onehot) + ε/C·(softmax(x)·Σw - w)·mask],
 * scale = gy ('none', 'sum') or gy / Σ w_t ('mean').
 */
export const CrossEntropyLossBackward = defineOp<CeAttrs>({
  name: '_cross_entropy_loss_backward',
  infer: (x) => [{ dtype: x[1].dtype, shape: x[1]._shape }],
  lower: (g, [gy, x, t, w], a, io) => {
    const dt = io.inputs[1].dtype;
    const rank = io.inputs[1].rank;
    if (a.plain) {
      // softmax(x) - onehot(t), times gy ('sum'), gy / #targets ('mean') or gy per sample ('none').
      const sm = g.op1('Softmax', [x], { axis: 1 });
      const tu = g.op1('Unsqueeze', [t, g.ints([1])]);
      const minus1 = g.op1('Sub', [g.op1('GatherElements', [sm, tu], { axis: 1 }), g.scalar(dt, 1)]);
      const core = g.op1('ScatterElements', [sm, tu, minus1], { axis: 1 });
      let scale = gy;
      if (a.reduction === 'none') scale = g.op1('Unsqueeze', [gy, g.ints([1])]);
      else if (a.reduction === 'mean') scale = g.op1('Div', [gy, g.op1('Cast', [g.op1('Size', [t])], { to: dt.onnx })]);
      return [g.op1('Mul', [core, scale])];
    }
    const p = nllParts(g, x, t, a.weighted ? w : null, a, dt, rank);
    const sm = g.op1('Softmax', [x], { axis: 1 });
    const target = p.wb === null ? p.onehot : g.op1('Mul', [p.onehot, p.wb]);
    let core = g.op1('Sub', [g.op1('Mul', [sm, p.wt]), target]);
    if (a.smoothing !== 0) {
      const total = p.wb === null ? classCount(g, x, dt.onnx) : g.op1('ReduceSum', [p.wb], { keepdims: 0 });
      const spread = g.op1('Mul', [g.op1('Sub', [g.op1('Mul', [sm, total]), p.wb ?? g.scalar(dt, 1)]), p.mask]);
      const eps = g.op1('Div', [g.scalar(dt, a.smoothing), classCount(g, x, dt.onnx)]);
      core = g.op1('Add', [g.op1('Mul', [core, g.scalar(dt, 1 - a.smoothing)]), g.op1('Mul', [spread, eps])]);
    }
    return [g.op1('Mul', [core, nllScale(g, gy, p.wt, a)])];
  },
  attrKey: ceKey,
});

export function cross_entropy_loss_backward(gy: Tensor, [x, t, w]: readonly Tensor[], a: CeAttrs): Tensor {
  return apply1(CrossEntropyLossBackward, a.weighted ? [gy, x, t, w] : [gy, x, t], a);
}

/**
 * The primitive behind F.cross_entropy with class-index targets: input [N, C, d...] float,
 * target [N, d...] int64 (validated by the caller), optional weight [C] of input's dtype.
 * @example
 * _cross_entropy_loss(logits, target, null, { reduction: 'mean', ignore_index: -100, weighted: false, smoothing: 0 });
 */
export function _cross_entropy_loss(input: Tensor, target: Tensor, weight: Tensor | null, a: Omit<NllAttrs, 'weighted'>): Tensor {
  const attrs: CeAttrs = { ...a, weighted: weight !== null };
  // The plain lowering reads targets' values, so not while tracing (an exported graph must handle ignore_index).
  if (weight === null && a.smoothing === 0 && activeTracer() === null && !contains(target, a.ignore_index)) attrs.plain = true;
  return apply1(CrossEntropyLoss, weight === null ? [input, target] : [input, target, weight], attrs);
}

/** Does an int64 tensor hold the value v (a safe integer)? Compares 32-bit halves: no BigInt per element. */
function contains(t: Tensor, v: number): boolean {
  const d = t._data as BigInt64Array;
  const w = new Int32Array(d.buffer, d.byteOffset, d.length * 2);
  const b = new BigInt64Array([BigInt(v)]);
  const [lo, hi] = new Int32Array(b.buffer);
  for (let i = 0; i < w.length; i += 2) if (w[i] === lo && w[i + 1] === hi) return true;
  return false;
}
