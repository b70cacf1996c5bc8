// Layer normalization as fused primitives (PyTorch's native_layer_norm / native_layer_norm_backward):
// one ONNX graph for [y, mean, invstd] over the last k dims, one for [grad_input, grad_weight,
// grad_bias]. Written with ReduceMean/Sub/Mul/Sqrt/Reciprocal (float32 and float64 kernels at every
// export opset) rather than LayerNormalization (opset 17).
import type { DType } from '../dtype.js';
import { apply } from '../dispatch.js';
import { NotImplementedError } from '../errors.js';
import { defineOp, type Meta } from '../op.js';
import type { Tensor } from '../tensor.js';
import { lowerInvstd, optInput } from './native_batch_norm.js';
import { lowerReduce } from './sum.js';

type LNAttrs = { k: number; eps: number; hasW: boolean; hasB: boolean };
type LNBackAttrs = { k: number; hasW: boolean };

const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);
const statShape = (x: Tensor, k: number): number[] => x._shape.map((s, i) => (i < x._shape.length - k ? s : 1));

/**
 * [gy, x, mean, invstd, weight] → [grad_input, grad_weight, grad_bias]: with ĝ = gy·w,
 * gx = invstd·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)) over the normalised dims; gw = Σ gy·x̂, gb = Σ gy over the others.
 */
export const NativeLayerNormBackward = defineOp<LNBackAttrs>({
  name: 'native_layer_norm_backward',
  backwardName: 'NativeLayerNormBackwardBackward0',
  infer: ([gy, x], a) => {
    const ws: Meta = { dtype: gy.dtype, shape: x._shape.slice(x._shape.length - a.k) };
    return [{ dtype: gy.dtype, shape: x._shape }, ws, ws];
  },
  lower: (g, [gy, x, mean, invstd, w], a, io) => {
    const r = io.inputs[1].rank;
    const norm = { dims: range(r - a.k, r), keepdim: true };
    const lead = { dims: range(0, r - a.k), keepdim: false };
    const xhat = g.op1('Mul', [g.op1('Sub', [x, mean]), invstd]);
    const gb = lowerReduce(g, 'ReduceSum', gy, lead);
    const gw = lowerReduce(g, 'ReduceSum', g.op1('Mul', [gy, xhat]), lead);
    const gh = a.hasW ? g.op1('Mul', [gy, w]) : gy;
    const m1 = lowerReduce(g, 'ReduceMean', gh, norm);
    const m2 = lowerReduce(g, 'ReduceMean', g.op1('Mul', [gh, xhat]), norm);
    const gx = g.op1('Mul', [invstd, g.op1('Sub', [g.op1('Sub', [gh, m1]), g.op1('Mul', [xhat, m2])])]);
    return [gx, gw, gb];
  },
  attrKey: (a) => `${a.k}${a.hasW ? 'w' : ''}`,
  grad: () => {
    throw new NotImplementedError('double backward of native_layer_norm is not implemented');
  },
});

/** [x, weight, bias] → [y, mean, invstd]; statistics over the last k dims (shape [*, 1, ..., 1]). */
export const NativeLayerNorm = defineOp<LNAttrs>({
  name: 'native_layer_norm',
  backwardName: 'NativeLayerNormBackward0',
  infer: ([x], a) => {
    const s: Meta = { dtype: x.dtype, shape: statShape(x, a.k) };
    return [{ dtype: x.dtype, shape: x._shape }, s, s];
  },
  lower: (g, [x, w, b], a, io) => {
    const r = io.inputs[0].rank;
    const norm = { dims: range(r - a.k, r), keepdim: true };
    const mean = lowerReduce(g, 'ReduceMean', x, norm);
    const d = g.op1('Sub', [x, mean]);
    const inv = lowerInvstd(g, lowerReduce(g, 'ReduceMean', g.op1('Mul', [d, d]), norm), a.eps, io.inputs[0].dtype);
    let y = g.op1('Mul', [d, inv]);
    if (a.hasW) y = g.op1('Mul', [y, w]);
    if (a.hasB) y = g.op1('Add', [y, b]);
    return [y, mean, inv];
  },
  attrKey: (a) => `${a.k}|${a.eps}|${+a.hasW}${+a.hasB}`,
  saves: { inputs: [0, 1], outputs: [1, 2] },
  grad: (ctx, [gy]) => {
    const res: (Tensor | null)[] = [null, null, null];
    if (!gy) return res;
    const a = ctx.attrs;
    const [gx, gw, gb] = apply(NativeLayerNormBackward, [gy, ctx.inputs[0], ctx.outputs[1], ctx.outputs[2], ctx.inputs[1]], { k: a.k, hasW: a.hasW });
    res[0] = ctx.needs[0] ? gx : null;
    res[1] = a.hasW && ctx.needs[1] ? gw : null;
    res[2] = a.hasB && ctx.needs[2] ? gb : null;
    return res;
  },
});

/**
 * native_layer_norm(input, normalized_shape, weight, bias, eps) → [output, mean, rstd] (checks are
 * F.layer_norm's). One onnxruntime call.
 */
export function native_layer_norm(input: Tensor, normalized_shape: readonly number[], weight: Tensor | null | undefined, bias: Tensor | null | undefined, eps: number): [Tensor, Tensor, Tensor] {
  const dt: DType = input.dtype;
  const a = { k: normalized_shape.length, eps, hasW: !!weight, hasB: !!bias };
  const [y, mean, rstd] = apply(NativeLayerNorm, [input, optInput(weight, dt), optInput(bias, dt)], a);
  return [y, mean, rstd];
}
