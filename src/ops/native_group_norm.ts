// Group normalization as fused primitives (PyTorch's native_group_norm / native_group_norm_backward):
// the input [N, C, ...] is viewed as [N, G, C/G·...] inside the graph; one ONNX graph for
// [y, mean, invstd] (statistics [N, G]), one for [grad_input, grad_weight, grad_bias].
// float32: y is InstanceNormalization of the [N, G, -1] view (as PyTorch exports group_norm); it has
// no statistics outputs, so mean/invstd are ReduceMean/Sub/Mul/Sqrt/Reciprocal beside it (an exported
// graph reads only y, and its unread statistics nodes are dropped). float64: all composite (ORT has
// no float64 InstanceNormalization kernel, ORT-FACTS §1).
import { type DType, float32 } from '../dtype.js';
import { apply } from '../dispatch.js';
import { f, type GraphBuilder } from '../graph/builder.js';
import { defineOp, type Meta } from '../op.js';
import type { Tensor } from '../tensor.js';
import { noDoubleBackward } from './_common.js';
import { lowerNormInputGrad, lowerNormStats, normGrad } from './_norm.js';
import { lowerChannel, optInput } from './native_batch_norm.js';
import { lowerReduce } from './_reduce.js';

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
    return [ungrouped(g, lowerNormInputGrad(g, gh, xhatG, inv3, groupDim), x), gw, gb];
  },
  attrKey: (a) => `${a.G}${a.hasW ? 'w' : ''}`,
  grad: noDoubleBackward('native_group_norm'),
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
    const dt = io.inputs[0].dtype;
    const xg = grouped(g, x, a.G);
    const { mean, d, inv } = lowerNormStats(g, xg, groupDim, a.eps, dt);
    const perGroup = (v: number): string => g.constant(dt, [a.G], new dt.array(a.G).fill(v as never));
    const yg = dt === float32 ? g.op1('InstanceNormalization', [xg, perGroup(1), perGroup(0)], { epsilon: f(a.eps) }) : g.op1('Mul', [d, inv]);
    let y = ungrouped(g, yg, x);
    if (a.hasW) y = g.op1('Mul', [y, lowerChannel(g, w, r)]);
    if (a.hasB) y = g.op1('Add', [y, lowerChannel(g, b, r)]);
    const nG = g.ints([0, -1]);
    return [y, g.op1('Reshape', [mean, nG]), g.op1('Reshape', [inv, nG])];
  },
  attrKey: (a) => `${a.G}|${a.eps}|${+a.hasW}${+a.hasB}`,
  saves: { inputs: [0, 1], outputs: [1, 2] },
  grad: normGrad(NativeGroupNormBackward, (a: GNAttrs) => ({ G: a.G, hasW: a.hasW })),
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
