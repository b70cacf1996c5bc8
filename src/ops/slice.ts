// slice: x[start:end:step] along one dim, a view (ONNX Slice when exported); narrow, select,
// split, the subscript helper and roll are written with it. Its gradient scatters into zeros (slice_scatter).
import { zeros } from '../creation.js';
import { int64 } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { IndexError, ValueError } from '../errors.js';
import { defineOp } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { slice_scatter } from './slice_scatter.js';
import { makeView } from './_view.js';

export interface SliceAttrs {
  dim: number;
  /** normalised: 0 <= start <= end <= size */
  start: number;
  end: number;
  step: number;
}

/** Python's slice normalisation for a positive step: clamps start/end into [0, size]. */
export function normSlice(size: number, start: number | null | undefined, end: number | null | undefined, step = 1): { start: number; end: number; len: number } {
  if (step === 0) throw new ValueError('slice step cannot be zero');
  if (step < 0) throw new ValueError('step must be greater than zero');
  const clamp = (v: number) => Math.min(Math.max(v < 0 ? v + size : v, 0), size);
  const s = start == null ? 0 : clamp(start);
  const e = Math.max(end == null ? size : clamp(end), s);
  return { start: s, end: e, len: Math.ceil((e - s) / step) };
}

/** int64 [1] input carrying a start/end (an input, not an attr, so one session serves all offsets). */
export const int64Vec = (v: number): Tensor => {
  if (v >= 0 && v < SMALL) return (smallVecs[v] ??= new Tensor(BigInt64Array.of(BigInt(v)), [1], int64));
  return new Tensor(BigInt64Array.of(BigInt(v)), [1], int64);
};
/** A slice to the end of its dim says so in exported graphs (INT64_MAX), so x[1:] keeps a dynamic axis dynamic. */
const TO_END = new Tensor(BigInt64Array.of(2n ** 63n - 1n), [1], int64);
const endVec = (end: number, size: number): Tensor => (end === size ? TO_END : int64Vec(end));
// Offsets are inputs that no op writes: the small ones are shared (a view op allocates less).
const SMALL = 1024;
const smallVecs: Tensor[] = [];

export const Slice = defineOp<SliceAttrs>({
  name: 'slice',
  view: true,
  infer: ([x], a) => {
    const shape = x._shape.slice();
    shape[a.dim] = Math.ceil((a.end - a.start) / a.step);
    return [{ dtype: x.dtype, shape }];
  },
  lower: (g, [x, s, e], a) => [g.op1('Slice', [x, s, e, g.ints([a.dim]), g.ints([a.step])])],
  eager: ([x], a, [o]) => {
    const st = x._stridesOrDense.slice();
    const off = x._offset + a.start * st[a.dim];
    st[a.dim] *= a.step;
    return [makeView(x, o.shape, st, off)];
  },
  attrKey: (a) => `${a.dim},${a.step}`,
  saves: { inputs: [] },
  grad: (ctx, [gy]) => {
    const m = ctx.inputMeta[0];
    const a = ctx.attrs;
    return [slice_scatter(zeros([...m.shape], { dtype: gy!.dtype }), gy!, a.dim, a.start, a.end, a.step), null, null];
  },
});

/**
 * x[start:end:step] along `dim` (PyTorch's aten::slice; negative start/end count from the end).
 * Returns `input` itself when the slice covers the whole dim.
 * @example
 * torch.slice(x, 1, 0, null, 2); // x[:, ::2]
 */
export function slice(input: Tensor, dim = 0, start: number | null = null, end: number | null = null, step = 1): Tensor {
  if (input._shape.length === 0) throw new IndexError('slice() cannot be applied to a 0-dim tensor.');
  const d = normDim(dim, input._shape.length);
  const n = input._shape[d];
  const s = normSlice(n, start, end, step);
  if (s.start === 0 && s.len === n && (step === 1 || n <= 1)) return input;
  return apply1(Slice, [input, int64Vec(s.start), endVec(s.end, n)], { dim: d, start: s.start, end: s.end, step });
}

/** slice() that always returns a new view, even of the whole dim (what narrow and x[:] return in PyTorch). */
export function sliceView(input: Tensor, dim = 0, start: number | null = null, end: number | null = null, step = 1): Tensor {
  if (input._shape.length === 0) throw new IndexError('slice() cannot be applied to a 0-dim tensor.');
  const d = normDim(dim, input._shape.length);
  const n = input._shape[d];
  const s = normSlice(n, start, end, step);
  return apply1(Slice, [input, int64Vec(s.start), endVec(s.end, n)], { dim: d, start: s.start, end: s.end, step });
}
