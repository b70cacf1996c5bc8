// slice_scatter: input with input[start:end:step] along dim replaced by src (ONNX ScatterElements
// over computed positions). The gradient of slice, and the differentiable core of copy_.
import { bind } from '../args.js';
import { zeros } from '../creation.js';
import { int64 } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { fmtShape, normDim, sameShape } from '../shape.js';
import { Tensor } from '../tensor.js';
import { promote } from './_common.js';
import { normSlice, slice, type SliceAttrs } from './slice.js';

export const SliceScatter = defineOp<SliceAttrs>({
  name: 'slice_scatter',
  infer: ([x]) => [{ dtype: x.dtype, shape: x._shape }],
  lower: (g, [x, src, start], a, io) => {
    // positions along dim: start + step * arange(src.shape[dim]), broadcast to src's shape
    const shapeSrc = g.op1('Shape', [src]);
    const n = g.op1('Gather', [shapeSrc, g.int(a.dim)]);
    const r = g.op1('Range', [g.int(0), n, g.int(1)]);
    const pos = g.op1('Add', [g.op1('Mul', [r, g.int(a.step)]), start]);
    const bshape = Array.from({ length: io.inputs[0].rank }, (_, i) => (i === a.dim ? -1 : 1));
    const idx = g.op1('Expand', [g.op1('Reshape', [pos, g.ints(bshape)]), shapeSrc]);
    return [g.op1('ScatterElements', [x, idx, src], { axis: a.dim })];
  },
  attrKey: (a) => `${a.dim},${a.step}`,
  saves: { inputs: [] },
  grad: (ctx, [gy]) => {
    const a = ctx.attrs;
    const src = ctx.inputMeta[1];
    return [
      ctx.needs[0] ? slice_scatter(gy!, zeros([...src.shape], { dtype: gy!.dtype }), a.dim, a.start, a.end, a.step) : null,
      ctx.needs[1] ? slice(gy!, a.dim, a.start, a.end, a.step) : null,
      null,
    ];
  },
});

/**
 * torch.slice_scatter(input, src, dim=0, start=None, end=None, step=1): a copy of input with the
 * slice input[start:end:step] (along dim) replaced by src.
 * @example
 * torch.slice_scatter(torch.zeros(4, 4), torch.ones(2, 4), 0, 2); // rows 2 and 3 set to 1
 */
export function slice_scatter(input: Tensor, src: Tensor, ...args: unknown[]): Tensor {
  const { dim, start, end, step } = bind<{ dim: number; start: number | null; end: number | null; step: number }>(['dim', 'start', 'end', 'step'], args, { dim: 0, start: null, end: null, step: 1 });
  const d = normDim(dim, input._shape.length);
  const s = normSlice(input._shape[d], start, end, step);
  const want = input._shape.slice();
  want[d] = s.len;
  if (!sameShape(want, src._shape))
    throw new RuntimeError(`Expected src to have a size equal to the slice of self. src size = ${fmtShape(src._shape)}, slice size = ${fmtShape(want)}`);
  if (src.dtype !== input.dtype) src = promote([src], input.dtype)[0];
  const startT = new Tensor(BigInt64Array.of(BigInt(s.start)), [], int64);
  return apply1(SliceScatter, [input, src, startT], { dim: d, start: s.start, end: s.end, step });
}

declare module '../tensor.js' {
  interface Tensor {
    slice_scatter(src: Tensor, dim?: number, start?: number | null, end?: number | null, step?: number): Tensor;
  }
}
Tensor.prototype.slice_scatter = function (this: Tensor, src: Tensor, ...args: unknown[]) {
  return slice_scatter(this, src, ...args);
};
