// max_pool_with_indices: N-d max pooling with PyTorch's per-plane indices (ONNX MaxPool, which
// has f32 and f64 kernels). ORT differs from PyTorch in two ways handled here (ORT-FACTS §4):
// its indices are flattened over N·C·H·W (we take them modulo the plane size) and it skips NaN
// (a window holding a NaN gives NaN, as in PyTorch). ORT's MaxPool with an indices output is
// slow (~15x the plain MaxPool), so the common non-overlapping case (stride == kernel, no
// padding/dilation, floor mode) takes its indices from an ArgMax over the windows instead.
// The gradient is the max_pool_with_indices_backward op: gy placed at the indices.
import { float32, float64, int64 } from '../dtype.js';
import { apply, apply1 } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp } from '../op.js';
import { numel } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { gather } from './gather.js';
import { reshape } from './reshape.js';

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

/**
 * 2-D windows tile the input without gaps or overlap: the ArgMax lowering applies. (Not 1-D: ORT
 * folds that window Reshape's one unknown dim into -1, which an empty batch cannot resolve.)
 */
const tiles = (a: PoolAttrs): boolean =>
  a.kernel.length === 2 && !a.ceil_mode && a.kernel.every((k, i) => a.stride[i] === k && a.padding[i] === 0 && a.dilation[i] === 1);
/**
 * No input position lies in two windows, so the backward may place instead of accumulate; without
 * padding and ceil mode, MaxUnpool's own output-size rule ((So-1)·s + k) never exceeds the input.
 */
const unpoolable = (a: PoolAttrs): boolean =>
  !a.ceil_mode && a.kernel.every((k, i) => a.stride[i] >= a.dilation[i] * (k - 1) + 1 && a.padding[i] === 0);

/** Pixels above which the pooling runs on a multi-threaded session. */
const PARALLEL_NUMEL = 1 << 17;

/**
 * A window containing a NaN yields NaN (PyTorch propagates it; ORT's MaxPool skips it). The exact
 * pattern Where(Greater(MaxPool(Cast(IsNaN(x))), 0), NaN, MaxPool(x)) is what export's optimizer
 * (export/onnx/optimize.ts) recognises and drops, so `pooled` must have no other reader.
 */
function nanGuard(g: GraphBuilder, x: string, pooled: string, attrs: Record<string, number | readonly number[]>, onnxType: number, dt: typeof float32): string {
  const nan = g.op1('MaxPool', [g.op1('Cast', [g.op1('IsNaN', [x])], { to: onnxType })], attrs);
  const hasNan = g.op1('Greater', [nan, g.scalar(dt, 0)]);
  return g.op1('Where', [hasNan, g.scalar(dt, NaN), pooled]);
}

/** The tiling case: values from MaxPool, per-plane indices from an ArgMax over [N, C, So..., K] windows. */
function lowerTiled(g: GraphBuilder, x: string, a: PoolAttrs, dt: typeof float32): string[] {
  const k = a.kernel;
  const attrs = { kernel_shape: k, strides: k };
  const y = nanGuard(g, x, g.op1('MaxPool', [x], attrs), attrs, dt.onnx, dt);
  const so = g.op1('Shape', [y], { start: 2 });
  const so0 = g.op1('Slice', [so, g.ints([0]), g.ints([1])]);
  // floor mode leaves a remainder the windows never reach: crop it
  const xc = g.op1('Slice', [x, g.ints([0, 0]), g.op1('Mul', [so, g.ints(k)]), g.ints([2, 3])]);
  const range0 = g.op1('Range', [g.int(0), g.op1('Squeeze', [so0]), g.int(1)]);
  const so1 = g.op1('Slice', [so, g.ints([1]), g.ints([2])]);
  const x6 = g.op1('Reshape', [xc, g.op1('Concat', [g.ints([0, 0]), so0, g.ints([k[0]]), so1, g.ints([k[1]])], { axis: 0 })]);
  const win = g.op1('Reshape', [g.op1('Transpose', [x6], { perm: [0, 1, 2, 4, 3, 5] }), g.ints([0, 0, 0, 0, k[0] * k[1]])]);
  // (reshaped to y's shape: ORT's ArgMax gets the output shape of an empty input wrong)
  const am = g.op1('Reshape', [g.op1('ArgMax', [win], { axis: -1, keepdims: 0 }), g.op1('Shape', [y])]);
  // window offset j -> (j / kw)·W + j % kw = j + floor(j / kw)·(W - kw), in float64 (exact, and
  // far cheaper than ORT's int64 Div/Gather)
  const W = g.op1('Shape', [x], { start: 3 });
  const j = g.op1('Cast', [am], { to: float64.onnx });
  const row = g.op1('Floor', [g.op1('Div', [j, g.scalar(float64, k[1])])]);
  const wSkip = g.op1('Cast', [g.op1('Sub', [W, g.ints([k[1]])])], { to: float64.onnx });
  const off = g.op1('Cast', [g.op1('Add', [j, g.op1('Mul', [row, wSkip])])], { to: int64.onnx });
  // window origin (ho·kh·W + wo·kw), [Ho, Wo]
  const range1 = g.op1('Range', [g.int(0), g.op1('Squeeze', [so1]), g.int(1)]);
  const base = g.op1('Add', [
    g.op1('Unsqueeze', [g.op1('Mul', [range0, g.op1('Mul', [W, g.ints([k[0]])])]), g.ints([1])]),
    g.op1('Mul', [range1, g.ints([k[1]])]),
  ]);
  return [y, g.op1('Add', [off, base])];
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
    if (tiles(a)) return lowerTiled(g, x, a, dt);
    const attrs = { kernel_shape: a.kernel, strides: a.stride, pads: [...a.padding, ...a.padding], dilations: a.dilation, ceil_mode: a.ceil_mode ? 1 : 0 };
    const [y, flat] = g.op('MaxPool', [x], attrs, 2);
    const plane = g.op1('ReduceProd', [g.op1('Shape', [x], { start: 2 })], { keepdims: 0 });
    const idx = g.op1('Mod', [flat, plane]);
    return [nanGuard(g, x, y, attrs, dt.onnx, dt), idx];
  },
  parallel: ([x]) => numel(x._shape) >= PARALLEL_NUMEL,
  // PyTorch saves self and the indices (self's version is checked, its shape sizes the gradient)
  saves: { inputs: [0], outputs: [1] },
  grad: (ctx, [gy]) => [max_pool_with_indices_backward(gy!, ctx.outputs[1], ctx.inputs[0], ctx.attrs)],
});

/**
 * max_pool_with_indices_backward(gy, indices, self): gy placed at the per-plane indices of a zero
 * tensor shaped like self. Disjoint unpadded windows use MaxUnpool (float32; indices made flat over
 * N·C·plane), others ScatterElements with add (a position can be the max of several windows).
 */
export const MaxPoolBackward = defineOp<PoolAttrs>({
  name: 'max_pool_with_indices_backward',
  backwardName: 'MaxPool2DWithIndicesBackwardBackward0',
  infer: ([gy, , x]) => [{ dtype: gy.dtype, shape: x._shape }],
  lower: (g, [gy, idx, x], a, io) => {
    const dt = io.inputs[0].dtype;
    const n = a.kernel.length;
    const sx = g.op1('Shape', [x]);
    const nc = g.op1('Slice', [sx, g.ints([0]), g.ints([2])]);
    if (unpoolable(a) && dt === float32) {
      const plane = g.op1('ReduceProd', [g.op1('Shape', [x], { start: 2 })], { keepdims: 1 });
      const planes = g.op1('Range', [g.int(0), g.op1('ReduceProd', [nc], { keepdims: 0 }), g.int(1)]);
      const origin = g.op1('Reshape', [g.op1('Mul', [planes, plane]), g.op1('Concat', [nc, g.ints(new Array<number>(n).fill(1))], { axis: 0 })]);
      return [g.op1('MaxUnpool', [gy, g.op1('Add', [idx, origin]), sx], { kernel_shape: a.kernel, strides: a.stride })];
    }
    const flat = g.ints([0, 0, -1]);
    const zeros = g.op1('Reshape', [g.op1('Expand', [g.scalar(dt, 0), sx]), flat]);
    const s = g.op1('ScatterElements', [zeros, g.op1('Reshape', [idx, flat]), g.op1('Reshape', [gy, flat])], { axis: 2, reduction: 'add' });
    return [g.op1('Reshape', [s, sx])];
  },
  saves: { inputs: [1] },
  grad: (ctx, [ggx]) => {
    const idx = ctx.inputs[1];
    const [n, c] = idx._shape;
    const gg = ctx.needs[0] ? reshape(gather(reshape(ggx!, [n, c, -1]), 2, reshape(idx, [n, c, -1])), idx._shape) : null;
    return [gg, null, null];
  },
});

/** The gradient of max pooling: gy placed at indices in a zero tensor shaped like input. */
export function max_pool_with_indices_backward(gy: Tensor, indices: Tensor, input: Tensor, a: PoolAttrs): Tensor {
  return apply1(MaxPoolBackward, [gy, indices, input], a);
}

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
