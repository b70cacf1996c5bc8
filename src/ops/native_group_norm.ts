// Group normalization as fused primitives (PyTorch's native_group_norm / native_group_norm_backward):
// the input [N, C, ...] is viewed as [N, G, C/G·...] inside the graph; one ONNX graph for
// [y, mean, invstd] (statistics [N, G]), one for [grad_input, grad_weight, grad_bias].
import type { DType } from '../dtype.js';
import { apply } from '../dispatch.js';
import { NotImplementedError } from '../errors.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp, type Meta } from '../op.js';
import type { Tensor } from '../tensor.js';
import { lowerChannel, lowerInvstd, optInput } from './native_batch_norm.js';
import { lowerReduce } from './sum.js';

type GNAttrs = { G: number; eps: number; hasW: boolean; hasB: boolean };
type GNBackAttrs = { G: number; hasW: boolean };

const grouped = (g: GraphBuilder, v: string, G: number): string => g.op1('Reshape', [v, g.ints([0, G, -1])]);
/** [N, G] statistic → [N, G, 1] */
const stat3 = (g: GraphBuilder, v: string): string => g.op1('Reshape', [v, g.ints([0, 0, 1])]);
const ungrouped = (g: GraphBuilder, v: string, like: string): string => g.op1('Reshape', [v, g.op1('Shape', [like])]);
const groupDim = { dims: [2], keepdim: true };

/**
 * [gy, x, mean, invstd, weight] → [grad_input, grad_weight, grad_bias]: with ĝ = gy·w per channel,
 * gx = invstd·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)) within each group; gw = Σ gy·x̂, gb = Σ gy over all dims but 1.
 */
export const NativeGroupNormBackward = defineOp<GNBackAttrs>({
  name: 'native_group_norm_backward',
  backwardName: 'NativeGroupNormBackwardBackward0',
  infer: ([gy, x]) => {
    const ws: Meta = { dtype: gy.dtype, shape: [x._shape[1]] };
    return [{ dtype: gy.dtype, shape: x._shape }, ws, ws];
  },
  lower: (g, [gy, x, mean, invstd, w], a, io) => {
    const r = io.inputs[1].rank;
    const inv3 = stat3(g, invstd);
    const xhatG = g.op1('Mul', [g.op1('Sub', [grouped(g, x, a.G), stat3(g, mean)]), inv3]);
    const xhat = ungrouped(g, xhatG, x);
    const chan = { dims: Array.from({ length: r }, (_, i) => i).filter((i) => i !== 1), keepdim: false };
    const gb = lowerReduce(g, 'ReduceSum', gy, chan);
    const gw = lowerReduce(g, 'ReduceSum', g.op1('Mul', [gy, xhat]), chan);
    const gh = grouped(g, a.hasW ? g.op1('Mul', [gy, lowerChannel(g, w, r)]) : gy, a.G);
    const m1 = lowerReduce(g, 'ReduceMean', gh, groupDim);
    const m2 = lowerReduce(g, 'ReduceMean', g.op1('Mul', [gh, xhatG]), groupDim);
    const gxG = g.op1('Mul', [inv3, g.op1('Sub', [g.op1('Sub', [gh, m1]), g.op1('Mul', [xhatG, m2])])]);
    return [ungrouped(g, gxG, x), gw, gb];
  },
  attrKey: (a) => `${a.G}${a.hasW ? 'w' : ''}`,
  grad: () => {
    throw new NotImplementedError('double backward of native_group_norm is not implemented');
  },
});

/** [x, weight, bias] → [y, mean [N, G], invstd [N, G]]. */
export const NativeGroupNorm = defineOp<GNAttrs>({
  name: 'native_group_norm',
  backwardName: 'NativeGroupNormBackward0',
  infer: ([x], a) => {
    const s: Meta = { dtype: x.dtype, shape: [x._shape[0], a.G] };
    return [{ dtype: x.dtype, shape: x._shape }, s, s];
  },
  lower: (g, [x, w, b], a, io) => {
    const r = io.inputs[0].rank;
    const xg = grouped(g, x, a.G);
    const mean = lowerReduce(g, 'ReduceMean', xg, groupDim);
    const d = g.op1('Sub', [xg, mean]);
    const inv = lowerInvstd(g, lowerReduce(g, 'ReduceMean', g.op1('Mul', [d, d]), groupDim), a.eps, io.inputs[0].dtype);
    let y = ungrouped(g, g.op1('Mul', [d, inv]), x);
    if (a.hasW) y = g.op1('Mul', [y, lowerChannel(g, w, r)]);
    if (a.hasB) y = g.op1('Add', [y, lowerChannel(g, b, r)]);
    const nG = g.ints([0, -1]);
    return [y, g.op1('Reshape', [mean, nG]), g.op1('Reshape', [inv, nG])];
  },
  attrKey: (a) => `${a.G}|${a.eps}|${+a.hasW}${+a.hasB}`,
  saves: { inputs: [0, 1], outputs: [1, 2] },
  grad: (ctx, [gy]) => {
    const res: (Tensor | null)[] = [null, null, null];
    if (!gy) return res;
    const a = ctx.attrs;
    const [gx, gw, gb] = apply(NativeGroupNormBackward, [gy, ctx.inputs[0], ctx.outputs[1], ctx.outputs[2], ctx.inputs[1]], { G: a.G, hasW: a.hasW });
    res[0] = ctx.needs[0] ? gx : null;
    res[1] = a.hasW && ctx.needs[1] ? gw : null;
    res[2] = a.hasB && ctx.needs[2] ? gb : null;
    return res;
  },
});

/**
 * native_group_norm(input [N, C, ...], weight, bias, num_groups, eps) → [output, mean, rstd]
 * (checks are F.group_norm's). One onnxruntime call.
 */
export function native_group_norm(input: Tensor, weight: Tensor | null | undefined, bias: Tensor | null | undefined, num_groups: number, eps: number): [Tensor, Tensor, Tensor] {
  const dt: DType = input.dtype;
  const [y, mean, rstd] = apply(NativeGroupNorm, [input, optInput(weight, dt), optInput(bias, dt)], { G: num_groups, eps, hasW: !!weight, hasB: !!bias });
  return [y, mean, rstd];
}
