// ONNX lowerings shared by the convolution ops (src/ops/convolution.ts, conv_transpose.ts):
// explicit padding/cropping, and float64 convolution built from ops that have f64 kernels
// (ORT has no f64 Conv/ConvTranspose, ORT-FACTS §1). Everything here uses dynamic shapes
// (Shape/Slice/Reshape with 0 and -1), so one session still serves every input shape.
import type { GraphBuilder } from '../graph/builder.js';

/** Slice end meaning "to the end" (kept within 2^53 so g.ints encodes it exactly). */
export const BIG = Number.MAX_SAFE_INTEGER;

/** Attributes of a convolution: pads are [begin..., end...] over the spatial dims and may be negative (= crop). */
export interface ConvAttrs {
  stride: readonly number[];
  pads: readonly number[];
  dilation: readonly number[];
  groups: number;
  kernel: readonly number[];
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);

/** Zero-pads (positive) or crops (negative) the spatial dims of an N, C, ... tensor. */
export function padCrop(g: GraphBuilder, x: string, pads: readonly number[]): string {
  const n = pads.length / 2;
  let y = x;
  if (pads.some((p) => p > 0)) {
    const pos = pads.map((p) => Math.max(p, 0));
    y = g.op1('Pad', [y, g.ints([0, 0, ...pos.slice(0, n), 0, 0, ...pos.slice(n)])]);
  }
  if (pads.some((p) => p < 0)) {
    const starts = pads.slice(0, n).map((p) => Math.max(-p, 0));
    const ends = pads.slice(n).map((p) => (p < 0 ? p : BIG));
    y = g.op1('Slice', [y, g.ints(starts), g.ints(ends), g.ints(range(2, 2 + n))]);
  }
  return y;
}

/** Dims [start, end) of x's shape as an int64 vector. */
function dims(g: GraphBuilder, x: string, start: number, end?: number): string {
  return g.op1('Shape', [x], end === undefined ? { start } : { start, end });
}

/**
 * Convolution in any dtype that has Slice/Einsum kernels (used for float64): the kernel taps are
 * strided slices of the padded input (im2col), contracted with the weight per group by Einsum.
 */
export function lowerConvIm2col(g: GraphBuilder, x: string, w: string, b: string | undefined, a: ConvAttrs): string {
  const n = a.kernel.length;
  const xp = padCrop(g, x, a.pads);
  // One strided slice per kernel tap: [N, C, So...] each, stacked into [N, C, K, So...].
  const taps: string[] = [];
  const visit = (i: number, offs: number[]): void => {
    if (i === n) {
      const starts = offs.map((o, j) => o * a.dilation[j]);
      const ends = offs.map((o, j) => ((a.kernel[j] - 1 - o) * a.dilation[j] === 0 ? BIG : -(a.kernel[j] - 1 - o) * a.dilation[j]));
      const s = g.op1('Slice', [xp, g.ints(starts), g.ints(ends), g.ints(range(2, 2 + n)), g.ints(a.stride)]);
      taps.push(g.op1('Unsqueeze', [s, g.ints([2])]));
      return;
    }
    for (let o = 0; o < a.kernel[i]; o++) visit(i + 1, [...offs, o]);
  };
  visit(0, []);
  const p = taps.length === 1 ? taps[0] : g.op1('Concat', taps, { axis: 2 });
  // [N, So..., C, K] -> [N, So..., G, Cg*K]
  const pt = g.op1('Transpose', [p], { perm: [0, ...range(3, 3 + n), 1, 2] });
  const keep = new Array<number>(1 + n).fill(0);
  const pr = g.op1('Reshape', [pt, g.ints([...keep, a.groups, -1])]);
  // weight [O, Cg, k...] -> [Cg*K, G, Og]
  const w2 = g.op1('Reshape', [w, g.ints([0, -1])]);
  const wt = g.op1('Reshape', [g.op1('Transpose', [w2], { perm: [1, 0] }), g.ints([0, a.groups, -1])]);
  const sp = 'xyz'.slice(0, n);
  const e = g.op1('Einsum', [pr, wt], { equation: `n${sp}gc,cgo->n${sp}go` });
  const yl = g.op1('Reshape', [e, g.ints([...keep, -1])]);
  let y = g.op1('Transpose', [yl], { perm: [0, n + 1, ...range(1, n + 1)] });
  if (b !== undefined) y = g.op1('Add', [y, g.op1('Reshape', [b, g.ints([-1, ...new Array<number>(n).fill(1)])])]);
  return y;
}

/** Inserts stride-1 zeros between the elements of one axis: [.., L, ..] -> [.., (L-1)*s+1, ..]. */
function zeroInsert(g: GraphBuilder, x: string, rank: number, axis: number, s: number): string {
  if (s === 1) return x;
  const u = g.op1('Unsqueeze', [x, g.ints([axis + 1])]);
  const pads = new Array<number>(2 * (rank + 1)).fill(0);
  pads[rank + 1 + axis + 1] = s - 1;
  const p = g.op1('Pad', [u, g.ints(pads)]);
  const shape = g.op1('Concat', [dims(g, p, 0, axis), g.ints([-1]), dims(g, p, axis + 2)], { axis: 0 });
  const m = g.op1('Reshape', [p, shape]);
  return g.op1('Slice', [m, g.ints([0]), g.ints([-(s - 1)]), g.ints([axis])]);
}

/**
 * Transposed convolution without ConvTranspose (for float64): zero-insert the input by the stride,
 * then convolve with the flipped, group-transposed weight. output_padding extends the end.
 */
export function lowerConvTransposeIm2col(g: GraphBuilder, x: string, w: string, b: string | undefined, a: ConvAttrs & { output_padding: readonly number[] }): string {
  const n = a.kernel.length;
  let z = x;
  for (let i = 0; i < n; i++) z = zeroInsert(g, z, n + 2, 2 + i, a.stride[i]);
  // weight [G*Cg, Og, k...] -> [G*Og, Cg, k...], spatially flipped
  const cg = g.op1('Div', [dims(g, w, 0, 1), g.ints([a.groups])]);
  const w1 = g.op1('Reshape', [w, g.op1('Concat', [g.ints([a.groups]), cg, dims(g, w, 1)], { axis: 0 })]);
  const w2 = g.op1('Transpose', [w1], { perm: [0, 2, 1, ...range(3, 3 + n)] });
  const w3 = g.op1('Reshape', [w2, g.op1('Concat', [g.ints([-1]), cg, dims(g, w, 2)], { axis: 0 })]);
  const wf = g.op1('Slice', [w3, g.ints(new Array<number>(n).fill(-1)), g.ints(new Array<number>(n).fill(-BIG)), g.ints(range(2, 2 + n)), g.ints(new Array<number>(n).fill(-1))]);
  const ext = a.kernel.map((k, i) => a.dilation[i] * (k - 1));
  const pads = [...ext.map((e, i) => e - a.pads[i]), ...ext.map((e, i) => e - a.pads[n + i] + a.output_padding[i])];
  return lowerConvIm2col(g, z, wf, b, { stride: new Array<number>(n).fill(1), pads, dilation: a.dilation, groups: a.groups, kernel: a.kernel });
}
