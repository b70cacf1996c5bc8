// max_pool_with_indices: N-d max pooling with PyTorch's per-plane indices (ONNX MaxPool, which
// has f32 and f64 kernels). ORT differs from PyTorch in two ways handled here (ORT-FACTS §4):
// its indices are flattened over N·C·H·W (we take them modulo the plane size) and it skips NaN
// (a window holding a NaN gives NaN, as in PyTorch). The gradient scatters gy through the indices.
import { int64 } from '../dtype.js';
import { zeros } from '../creation.js';
import { apply } from '../dispatch.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { reshape } from './reshape.js';
import { scatter_add } from './scatter_add.js';

export interface PoolAttrs {
  kernel: readonly number[];
  stride: readonly number[];
  /** symmetric padding, one per spatial dim */
  padding: readonly number[];
  dilation: readonly number[];
  ceil_mode: boolean;
}

/** PyTorch's pooling output length (pooling_output_shape): ceil mode never starts a window in the right padding. */
export function poolOutSize(len: number, k: number, s: number, p: number, d: number, ceil: boolean): number {
  const num = len + 2 * p - d * (k - 1) - 1 + (ceil ? s - 1 : 0);
  let out = Math.floor(num / s) + 1;
  if (ceil && (out - 1) * s >= len + p) out--;
  return out;
}

export const MaxPool = defineOp<PoolAttrs>({
  name: 'max_pool_with_indices',
  backwardName: 'MaxPool2DWithIndicesBackward0',
  infer: ([x], a) => {
    const so = a.kernel.map((k, i) => poolOutSize(x._shape[2 + i], k, a.stride[i], a.padding[i], a.dilation[i], a.ceil_mode));
    const shape = [x._shape[0], x._shape[1], ...so];
    return [{ dtype: x.dtype, shape }, { dtype: int64, shape }];
  },
  lower: (g, [x], a, io) => {
    const dt = io.inputs[0].dtype;
    const attrs = { kernel_shape: a.kernel, strides: a.stride, pads: [...a.padding, ...a.padding], dilations: a.dilation, ceil_mode: a.ceil_mode ? 1 : 0 };
    const [y, flat] = g.op('MaxPool', [x], attrs, 2);
    const plane = g.op1('ReduceProd', [g.op1('Shape', [x], { start: 2 })], { keepdims: 0 });
    const idx = g.op1('Mod', [flat, plane]);
    // A window containing a NaN yields NaN (PyTorch propagates it; ORT's MaxPool skips it).
    const nan = g.op1('MaxPool', [g.op1('Cast', [g.op1('IsNaN', [x])], { to: dt.onnx })], attrs);
    const hasNan = g.op1('Greater', [nan, g.scalar(dt, 0)]);
    return [g.op1('Where', [hasNan, g.scalar(dt, NaN), y]), idx];
  },
  saves: { inputs: [], outputs: [1] },
  grad: (ctx, [gy]) => {
    const s = ctx.inputMeta[0].shape;
    const idx = ctx.outputs[1];
    const [n, c] = s;
    const flat = zeros([n, c, s.slice(2).reduce((p, q) => p * q, 1)], { dtype: gy!.dtype });
    const g = scatter_add(flat, 2, reshape(idx, [n, c, -1]), reshape(gy!, [n, c, -1]));
    return [reshape(g, s)];
  },
});

/**
 * N-d max pooling on a batched input [N, C, ...] with normalised arguments; returns [values,
 * indices] (indices into each flattened H·W plane, as PyTorch). Public: F.max_pool1d/2d.
 * @example
 * const [y, idx] = max_pool_with_indices(x, { kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], ceil_mode: false });
 */
export function max_pool_with_indices(input: Tensor, a: PoolAttrs): [Tensor, Tensor] {
  const [y, i] = apply(MaxPool, [input], a);
  return [y, i];
}
