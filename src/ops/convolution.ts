// convolution: the N-d convolution primitive behind F.conv1d/conv2d (ONNX Conv for float32,
// an im2col lowering for float64, which ORT's Conv lacks). Arguments arrive normalised by the
// F functions (torchlike/nn/functional/conv.ts); pads may be asymmetric and negative (crop).
import { float64 } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { type ConvAttrs, lowerConvIm2col, padCrop } from './_conv_lower.js';
import { conv_transpose_nd } from './conv_transpose.js';
import { permute } from './permute.js';
import { reshape } from './reshape.js';
import { sum } from './sum.js';

/** Multiply-adds above which a convolution gets a multi-threaded session. */
const PARALLEL_MACS = 1 << 18;

/** Output length of one spatial dim. */
export function convOutSize(len: number, k: number, s: number, pb: number, pe: number, d: number): number {
  return Math.floor((len + pb + pe - d * (k - 1) - 1) / s) + 1;
}

const spatial = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 2);

export const Convolution = defineOp<ConvAttrs>({
  name: 'convolution',
  backwardName: 'ConvolutionBackward0',
  infer: ([x, w], a) => {
    const n = a.kernel.length;
    const so = a.kernel.map((k, i) => convOutSize(x._shape[2 + i], k, a.stride[i], a.pads[i], a.pads[n + i], a.dilation[i]));
    return [{ dtype: x.dtype, shape: [x._shape[0], w._shape[0], ...so] }];
  },
  lower: (g, [x, w, b], a, io) => {
    if (io.inputs[0].dtype === float64) return [lowerConvIm2col(g, x, w, b, a)];
    // ONNX Conv takes non-negative pads only: crop first where a pad is negative.
    const xc = a.pads.some((p) => p < 0) ? padCrop(g, x, a.pads.map((p) => Math.min(p, 0))) : x;
    const pads = a.pads.map((p) => Math.max(p, 0));
    return [g.op1('Conv', b === undefined ? [xc, w] : [xc, w, b], { kernel_shape: a.kernel, strides: a.stride, pads, dilations: a.dilation, group: a.groups })];
  },
  parallel: ([x, w], [y]) => {
    let macs = w._shape[1];
    for (const d of y.shape) macs *= d;
    for (let i = 2; i < w._shape.length; i++) macs *= w._shape[i];
    return x.dtype !== float64 && macs >= PARALLEL_MACS;
  },
  grad: (ctx, [gy]) => {
    const [x, w] = ctx.inputs;
    const a = ctx.attrs;
    const n = a.kernel.length;
    const xs = ctx.inputMeta[0].shape;
    const G = a.groups;
    // Input positions the last window never reaches (floor division): output_padding of the adjoint.
    const r = a.kernel.map((k, i) => (xs[2 + i] + a.pads[i] + a.pads[n + i] - a.dilation[i] * (k - 1) - 1) % a.stride[i]);
    const gx = ctx.needs[0] ? conv_transpose_nd(gy!, w, null, { ...a, output_padding: r }) : null;
    let gw: Tensor | null = null;
    if (ctx.needs[1]) {
      // Weight gradient: a convolution of the input (batch as channels) with gy (batch as channels),
      // stride and dilation swapped; the end pad drops the unreached remainder so exactly k taps come out.
      const [N, C] = xs;
      const gs = gy!._shape;
      const O = gs[1];
      const sx = xs.slice(2);
      const so = gs.slice(2);
      const xt = reshape(permute(reshape(x, [N, G, C / G, ...sx]), [2, 1, 0, ...spatial(n + 1).slice(1)]), [C / G, G * N, ...sx]);
      const gt = reshape(permute(reshape(gy!, [N, G, O / G, ...so]), [1, 2, 0, ...spatial(n + 1).slice(1)]), [O, N, ...so]);
      const pads = [...a.pads.slice(0, n), ...a.pads.slice(n).map((p, i) => p - r[i])];
      const res = convolution_nd(xt, gt, null, { stride: a.dilation, pads, dilation: a.stride, groups: G, kernel: so });
      gw = permute(res, [1, 0, ...spatial(n)]);
    }
    const gb = ctx.needs[2] ? sum(gy!, [0, ...spatial(n)]) : null;
    return [gx, gw, gb];
  },
});

/**
 * The convolution primitive on normalised arguments (batched input [N, C, ...], weight
 * [O, C/groups, k...]). Public entry points are F.conv1d / F.conv2d.
 * @example
 * convolution_nd(x, w, b, { stride: [1, 1], pads: [1, 1, 1, 1], dilation: [1, 1], groups: 1, kernel: [3, 3] });
 */
export function convolution_nd(input: Tensor, weight: Tensor, bias: Tensor | null, a: ConvAttrs): Tensor {
  return apply1(Convolution, bias ? [input, weight, bias] : [input, weight], a);
}
