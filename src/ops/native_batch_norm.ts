// Batch normalization as fused primitives (PyTorch's native_batch_norm / native_batch_norm_backward):
// one ONNX graph computes the output, the saved statistics (mean, invstd per channel) and, in
// training mode, the updated running statistics (unbiased variance, as PyTorch; ORT's
// BatchNormalization uses the biased one, ORT-FACTS §4); one graph computes grad_input, grad_weight
// and grad_bias. Absent optional inputs (weight, bias, running stats) are passed as a 0-d
// placeholder the lowering ignores, so every input keeps a fixed position (and `saves` never holds
// the running statistics, which are updated in place right after the forward).
import { no_grad } from '../autograd/grad_mode.js';
import { tensor, zeros } from '../creation.js';
import type { DType } from '../dtype.js';
import { apply } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp, type Meta } from '../op.js';
import type { Tensor } from '../tensor.js';
import { noDoubleBackward } from './_common.js';
import { commitInplace } from './_inplace.js';
import { lowerReduce } from './_reduce.js';
import { to_dtype } from './to_dtype.js';

const placeholders = new Map<DType, Tensor>();
/** The stand-in for an absent optional input (never read by a lowering, never differentiated). */
export function placeholder(dtype: DType): Tensor {
  let t = placeholders.get(dtype);
  if (t === undefined) placeholders.set(dtype, (t = zeros([], { dtype })));
  return t;
}

/** `t` (or the placeholder when absent) in dtype. */
export function optInput(t: Tensor | null | undefined, dtype: DType): Tensor {
  if (!t) return placeholder(dtype);
  return t.dtype === dtype ? t : to_dtype(t, dtype);
}

/** Reshape of a per-channel [C] value to [1, C, 1, ...] of rank r. */
export function lowerChannel(g: GraphBuilder, v: string, rank: number): string {
  return g.op1('Reshape', [v, g.ints(Array.from({ length: rank }, (_, i) => (i === 1 ? -1 : 1)))]);
}

/** 1 / sqrt(v + eps) */
export function lowerInvstd(g: GraphBuilder, v: string, eps: number, dtype: DType): string {
  return g.op1('Reciprocal', [g.op1('Sqrt', [g.op1('Add', [v, g.scalar(dtype, eps)])])]);
}

/** Elements per statistic: Size(x) / Size(stat), as a 0-d value of dtype. */
export function lowerCount(g: GraphBuilder, x: string, stat: string, dtype: DType): string {
  return g.op1('Cast', [g.op1('Div', [g.op1('Size', [x]), g.op1('Size', [stat])])], { to: dtype.onnx });
}

const notDims = (rank: number): number[] => Array.from({ length: rank }, (_, i) => i).filter((i) => i !== 1);
const flat = (g: GraphBuilder, v: string): string => g.op1('Reshape', [v, g.ints([-1])]);
const perChannel = (x: Tensor): Meta => ({ dtype: x.dtype, shape: [x._shape[1]] });

type BNAttrs = { eps: number; hasW: boolean; hasB: boolean };
type BNTrainAttrs = BNAttrs & { hasRm: boolean; hasRv: boolean };
type BNBackAttrs = { training: boolean; hasW: boolean };

/**
 * [gy, x, mean, invstd, weight] → [grad_input, grad_weight, grad_bias]. Training mode (statistics
 * of the batch): gx = w·invstd·(gy − mean(gy) − x̂·mean(gy·x̂)); eval mode (running statistics,
 * constants): gx = gy·w·invstd. gw = Σ gy·x̂, gb = Σ gy over every dim but 1.
 */
export const NativeBatchNormBackward = defineOp<BNBackAttrs>({
  name: 'native_batch_norm_backward',
  backwardName: 'NativeBatchNormBackwardBackward0',
  infer: ([gy, x]) => [{ dtype: gy.dtype, shape: x._shape }, perChannel(x), perChannel(x)],
  lower: (g, [gy, x, mean, invstd, w], a, io) => {
    const r = io.inputs[1].rank;
    const dt = io.inputs[1].dtype;
    const red = { dims: notDims(r), keepdim: false };
    const xhat = g.op1('Mul', [g.op1('Sub', [x, lowerChannel(g, mean, r)]), lowerChannel(g, invstd, r)]);
    const gb = lowerReduce(g, 'ReduceSum', gy, red);
    const gw = lowerReduce(g, 'ReduceSum', g.op1('Mul', [gy, xhat]), red);
    const k = lowerChannel(g, a.hasW ? g.op1('Mul', [invstd, w]) : invstd, r);
    if (!a.training) return [g.op1('Mul', [gy, k]), gw, gb];
    const n = lowerCount(g, x, mean, dt);
    const mgy = lowerChannel(g, g.op1('Div', [gb, n]), r);
    const mgyx = lowerChannel(g, g.op1('Div', [gw, n]), r);
    const gx = g.op1('Mul', [k, g.op1('Sub', [g.op1('Sub', [gy, mgy]), g.op1('Mul', [xhat, mgyx])])]);
    return [gx, gw, gb];
  },
  attrKey: (a) => (a.training ? 't' : 'e') + (a.hasW ? 'w' : ''),
  grad: noDoubleBackward('native_batch_norm'),
});

function bnGrad(ctx: { inputs: readonly Tensor[]; outputs: readonly Tensor[]; needs: readonly boolean[]; attrs: BNAttrs }, gy: Tensor | null, mean: Tensor, invstd: Tensor, training: boolean): (Tensor | null)[] {
  const nulls = ctx.needs.map(() => null as Tensor | null);
  if (!gy) return nulls;
  const a = ctx.attrs;
  const [gx, gw, gb] = apply(NativeBatchNormBackward, [gy, ctx.inputs[0], mean, invstd, ctx.inputs[1]], { training, hasW: a.hasW });
  nulls[0] = ctx.needs[0] ? gx : null;
  nulls[1] = a.hasW && ctx.needs[1] ? gw : null;
  nulls[2] = a.hasB && ctx.needs[2] ? gb : null;
  return nulls;
}

/**
 * Training mode: [x, weight, bias, running_mean, running_var, coef] → [y, save_mean, save_invstd,
 * new_running_mean?, new_running_var?], coef = [1 − momentum, momentum, momentum·n/(n − 1)]
 * (the lowering recomputes the last from the input's shape when n differs: exported graphs).
 */
export const NativeBatchNorm = defineOp<BNTrainAttrs>({
  name: 'native_batch_norm',
  backwardName: 'NativeBatchNormBackward0',
  infer: ([x], a) => {
    const out: Meta[] = [{ dtype: x.dtype, shape: x._shape }, perChannel(x), perChannel(x)];
    if (a.hasRm) out.push(perChannel(x));
    if (a.hasRv) out.push(perChannel(x));
    return out;
  },
  lower: (g, [x, w, b, rm, rv, coef], a, io) => {
    const r = io.inputs[0].rank;
    const dt = io.inputs[0].dtype;
    const red = { dims: notDims(r), keepdim: true };
    const meanK = lowerReduce(g, 'ReduceMean', x, red);
    const d = g.op1('Sub', [x, meanK]);
    const varK = lowerReduce(g, 'ReduceMean', g.op1('Mul', [d, d]), red);
    const invK = lowerInvstd(g, varK, a.eps, dt);
    let y = g.op1('Mul', [d, invK]);
    if (a.hasW) y = g.op1('Mul', [y, lowerChannel(g, w, r)]);
    if (a.hasB) y = g.op1('Add', [y, lowerChannel(g, b, r)]);
    const mean = flat(g, meanK);
    const outs = [y, mean, flat(g, invK)];
    const c = (i: number) => g.op1('Gather', [coef, g.int(i)], { axis: 0 });
    if (a.hasRm) outs.push(g.op1('Add', [g.op1('Mul', [rm, c(0)]), g.op1('Mul', [mean, c(1)])]));
    if (a.hasRv) {
      // The unbiased factor momentum·n/(n − 1) for this input's n (read from its shape, so that an
      // exported graph is right at any batch size). coef[2] holds it as computed in double for the
      // call's own n; where ours is within a few ulp of it (always, eagerly) coef[2] is used, so
      // eager results are exactly the double-computed ones.
      const n = lowerCount(g, x, mean, dt);
      const c2 = c(2);
      const ours = g.op1('Div', [g.op1('Mul', [c(1), n]), g.op1('Sub', [n, g.scalar(dt, 1)])]);
      const near = g.op1('LessOrEqual', [g.op1('Abs', [g.op1('Sub', [ours, c2])]), g.op1('Mul', [g.op1('Abs', [c2]), g.scalar(dt, 1e-6)])]);
      const k = g.op1('Where', [near, c2, ours]);
      outs.push(g.op1('Add', [g.op1('Mul', [rv, c(0)]), g.op1('Mul', [flat(g, varK), k])]));
    }
    return outs;
  },
  attrKey: (a) => `${a.eps}|${+a.hasW}${+a.hasB}${+a.hasRm}${+a.hasRv}`,
  saves: { inputs: [0, 1], outputs: [1, 2] },
  grad: (ctx, [gy]) => bnGrad(ctx, gy, ctx.outputs[1], ctx.outputs[2], true),
});

/** Eval mode (running statistics): [x, weight, bias, running_mean, running_var] → [y, invstd]. */
export const NativeBatchNormEval = defineOp<BNAttrs>({
  name: '_native_batch_norm_legit_no_training',
  backwardName: 'NativeBatchNormBackward0',
  infer: ([x]) => [{ dtype: x.dtype, shape: x._shape }, perChannel(x)],
  lower: (g, [x, w, b, rm, rv], a, io) => {
    const r = io.inputs[0].rank;
    const inv = lowerInvstd(g, rv, a.eps, io.inputs[0].dtype);
    let y = g.op1('Mul', [g.op1('Sub', [x, lowerChannel(g, rm, r)]), lowerChannel(g, inv, r)]);
    if (a.hasW) y = g.op1('Mul', [y, lowerChannel(g, w, r)]);
    if (a.hasB) y = g.op1('Add', [y, lowerChannel(g, b, r)]);
    return [y, inv];
  },
  attrKey: (a) => `${a.eps}|${+a.hasW}${+a.hasB}`,
  saves: { inputs: [0, 1, 3], outputs: [1] },
  grad: (ctx, [gy]) => bnGrad(ctx, gy, ctx.inputs[3], ctx.outputs[1], false),
});

/**
 * native_batch_norm(input [N, C, ...], weight, bias, running_mean, running_var, training, momentum,
 * eps) → [output, save_mean, save_invstd]. Training mode normalises with the batch statistics and
 * updates the running ones in place (running = (1 − momentum)·running + momentum·batch, unbiased
 * variance) in the same onnxruntime call; eval mode uses the running statistics.
 */
export function native_batch_norm(
  input: Tensor,
  weight: Tensor | null | undefined,
  bias: Tensor | null | undefined,
  running_mean: Tensor | null | undefined,
  running_var: Tensor | null | undefined,
  training: boolean,
  momentum: number,
  eps: number,
): [Tensor, Tensor, Tensor] {
  const dt = input.dtype;
  const base = { eps, hasW: !!weight, hasB: !!bias };
  const w = optInput(weight, dt);
  const b = optInput(bias, dt);
  if (!training) {
    const rm = optInput(running_mean, dt);
    const [y, invstd] = apply(NativeBatchNormEval, [input, w, b, rm, optInput(running_var, dt)], base);
    return [y, rm, invstd];
  }
  const hasRm = !!running_mean;
  const hasRv = !!running_var;
  const n = input.numel() / input._shape[1];
  const coef = hasRm || hasRv ? tensor([1 - momentum, momentum, (momentum * n) / (n - 1)], { dtype: dt }) : placeholder(dt);
  const outs = apply(NativeBatchNorm, [input, w, b, optInput(running_mean, dt), optInput(running_var, dt), coef], { ...base, hasRm, hasRv });
  no_grad(() => {
    let i = 3;
    if (hasRm) commitInplace(running_mean!, outs[i++]);
    if (hasRv) commitInplace(running_var!, outs[i++]);
  });
  return [outs[0], outs[1], outs[2]];
}
