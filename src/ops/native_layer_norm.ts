// Layer normalization as fused primitives (PyTorch's native_layer_norm / native_layer_norm_backward):
// one ONNX graph for [y, mean, invstd] over the last k dims, one for [grad_input, grad_weight,
// grad_bias]. float32 at opset ≥ 17: one LayerNormalization node, whose Mean and InvStdDev outputs
// are the statistics (its numbers match the composite's within 1e-6 and are no less accurate for
// inputs far from zero). Otherwise ReduceMean/Sub/Mul/Sqrt/Reciprocal: LayerNormalization needs
// opset 17, and for float64 its Mean/InvStdDev are float32 only (stash_type 11 has no ORT kernel),
// too coarse for float64 gradients.
import { type DType, float32 } from '../dtype.js';
import { apply } from '../dispatch.js';
import { f } from '../graph/builder.js';
import { defineOp, type Meta } from '../op.js';
import type { Tensor } from '../tensor.js';
import { noDoubleBackward } from './_common.js';
import { lowerNormInputGrad, lowerNormStats, normGrad } from './_norm.js';
import { optInput } from './native_batch_norm.js';
import { lowerReduce } from './_reduce.js';

/** `shape`: the normalized shape (LayerNormalization's Scale of ones when there is no weight). */
type LNAttrs = { k: number; shape: readonly number[]; eps: number; hasW: boolean; hasB: boolean };
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
    return [lowerNormInputGrad(g, gh, xhat, invstd, norm), gw, gb];
  },
  attrKey: (a) => `${a.k}${a.hasW ? 'w' : ''}`,
  grad: noDoubleBackward('native_layer_norm'),
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
    const dt = io.inputs[0].dtype;
    if (dt === float32 && g.opset >= 17) {
      const scale = a.hasW ? w : g.constant(dt, a.shape, new dt.array(a.shape.reduce((p, q) => p * q, 1)).fill(1 as never));
      return g.op('LayerNormalization', a.hasB ? [x, scale, b] : [x, scale], { axis: -a.k, epsilon: f(a.eps) }, 3);
    }
    const r = io.inputs[0].rank;
    const norm = { dims: range(r - a.k, r), keepdim: true };
    const { mean, d, inv } = lowerNormStats(g, x, norm, a.eps, dt);
    let y = g.op1('Mul', [d, inv]);
    if (a.hasW) y = g.op1('Mul', [y, w]);
    if (a.hasB) y = g.op1('Add', [y, b]);
    return [y, mean, inv];
  },
  // Sessions are per rank, not shape: the shape is in the key only where the graph holds it (no weight).
  attrKey: (a) => `${a.k}|${a.eps}|${+a.hasW}${+a.hasB}${a.hasW ? '' : '|' + a.shape.join(',')}`,
  saves: { inputs: [0, 1], outputs: [1, 2] },
  grad: normGrad(NativeLayerNormBackward, (a: LNAttrs) => ({ k: a.k, hasW: a.hasW })),
});

/**
 * native_layer_norm(input, normalized_shape, weight, bias, eps) → [output, mean, rstd] (checks are
 * F.layer_norm's). One onnxruntime call.
 */
export function native_layer_norm(input: Tensor, normalized_shape: readonly number[], weight: Tensor | null | undefined, bias: Tensor | null | undefined, eps: number): [Tensor, Tensor, Tensor] {
  const dt: DType = input.dtype;
  const a = { k: normalized_shape.length, shape: normalized_shape.slice(), eps, hasW: !!weight, hasB: !!bias };
  const [y, mean, rstd] = apply(NativeLayerNorm, [input, optInput(weight, dt), optInput(bias, dt)], a);
  return [y, mean, rstd];
}
