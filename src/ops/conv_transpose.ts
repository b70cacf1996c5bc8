// conv_transpose: the N-d transposed-convolution primitive behind F.conv_transpose1d/2d and the
// input gradient of convolution (ONNX ConvTranspose for float32, zero-insertion + im2col for
// float64). pads may be negative (the output is then zero-extended).
import { float64 } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { type ConvAttrs, lowerConvTransposeIm2col, padCrop } from './_conv_lower.js';
import { convolution_nd } from './convolution.js';
import { permute } from './permute.js';
import { reshape } from './reshape.js';
import { sum } from './sum.js';

export interface ConvTransposeAttrs extends ConvAttrs {
  output_padding: readonly number[];
}

const spatial = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 2);

/** Output length of one spatial dim of a transposed convolution. */
export function convTransposeOutSize(len: number, k: number, s: number, pb: number, pe: number, d: number, op: number): number {
  return (len - 1) * s - pb - pe + d * (k - 1) + op + 1;
}

export const ConvTranspose = defineOp<ConvTransposeAttrs>({
  name: 'conv_transpose',
  backwardName: 'ConvolutionBackward0',
  infer: ([x, w], a) => {
    const n = a.kernel.length;
    const so = a.kernel.map((k, i) => convTransposeOutSize(x._shape[2 + i], k, a.stride[i], a.pads[i], a.pads[n + i], a.dilation[i], a.output_padding[i]));
    return [{ dtype: x.dtype, shape: [x._shape[0], w._shape[1] * a.groups, ...so] }];
  },
  lower: (g, [x, w, b], a, io) => {
    if (io.inputs[0].dtype === float64) return [lowerConvTransposeIm2col(g, x, w, b, a)];
    // output_padding is folded into the end pads (ORT rejects output_padding >= stride, which PyTorch
    // allows when below dilation). ConvTranspose takes non-negative pads: a negative pad means
    // "crop less", i.e. zero-extend the output afterwards.
    const n = a.kernel.length;
    const eff = a.pads.map((p, i) => (i < n ? p : p - a.output_padding[i - n]));
    const y = g.op1('ConvTranspose', b === undefined ? [x, w] : [x, w, b], {
      kernel_shape: a.kernel, strides: a.stride, pads: eff.map((p) => Math.max(p, 0)), dilations: a.dilation, group: a.groups,
    });
    return [eff.some((p) => p < 0) ? padCrop(g, y, eff.map((p) => Math.max(-p, 0))) : y];
  },
  parallel: ([x, w]) => {
    let macs = 1;
    for (const d of x._shape) macs *= d;
    for (let i = 1; i < w._shape.length; i++) macs *= w._shape[i];
    return x.dtype !== float64 && macs >= 1 << 18;
  },
  grad: (ctx, [gy]) => {
    const [x, w] = ctx.inputs;
    const a = ctx.attrs;
    const n = a.kernel.length;
    const G = a.groups;
    // The adjoint convolution over gy; output_padding positions lie past the full result (end pad − op).
    const pads = [...a.pads.slice(0, n), ...a.pads.slice(n).map((p, i) => p - a.output_padding[i])];
    const conv = { stride: a.stride, pads, dilation: a.dilation, groups: G, kernel: a.kernel };
    const gx = ctx.needs[0] ? convolution_nd(gy!, w, null, conv) : null;
    let gw: Tensor | null = null;
    if (ctx.needs[1]) {
      // Weight gradient: gy (batch as channels) convolved with x (batch as channels), stride/dilation swapped.
      const xs = ctx.inputMeta[0].shape;
      const [N, C] = xs;
      const gs = gy!._shape;
      const Og = gs[1] / G;
      const sx = xs.slice(2);
      const so = gs.slice(2);
      const gt = reshape(permute(reshape(gy!, [N, G, Og, ...so]), [2, 1, 0, ...spatial(n + 1).slice(1)]), [Og, G * N, ...so]);
      const xt = reshape(permute(reshape(x, [N, G, C / G, ...sx]), [1, 2, 0, ...spatial(n + 1).slice(1)]), [C, N, ...sx]);
      const res = convolution_nd(gt, xt, null, { stride: a.dilation, pads, dilation: a.stride, groups: G, kernel: sx });
      gw = permute(res, [1, 0, ...spatial(n)]);
    }
    const gb = ctx.needs[2] ? sum(gy!, [0, ...spatial(n)]) : null;
    return [gx, gw, gb];
  },
});

/**
 * The transposed-convolution primitive on normalised arguments (batched input [N, Cin, ...],
 * weight [Cin, Cout/groups, k...]). Public entry points are F.conv_transpose1d / 2d.
 * @example
 * conv_transpose_nd(x, w, null, { stride: [2, 2], pads: [1, 1, 1, 1], output_padding: [1, 1], dilation: [1, 1], groups: 1, kernel: [3, 3] });
 */
export function conv_transpose_nd(input: Tensor, weight: Tensor, bias: Tensor | null, a: ConvTransposeAttrs): Tensor {
  return apply1(ConvTranspose, bias ? [input, weight, bias] : [input, weight], a);
}
