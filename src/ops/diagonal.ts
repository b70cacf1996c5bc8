// diagonal: the k-th diagonal of two dims, a view (strides summed); the diagonal moves to the end.
import { bind } from '../args.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { makeView } from './_view.js';
import { viewBackward } from './as_strided.js';

interface DiagAttrs {
  offset: number;
  dim1: number;
  dim2: number;
}

function geometry(shape: readonly number[], strides: readonly number[], a: DiagAttrs) {
  const n1 = shape[a.dim1];
  const n2 = shape[a.dim2];
  const len = Math.max(0, a.offset >= 0 ? Math.min(n1, n2 - a.offset) : Math.min(n1 + a.offset, n2));
  const keep = shape.map((_, i) => i).filter((i) => i !== a.dim1 && i !== a.dim2);
  const shift = len === 0 ? 0 : a.offset >= 0 ? a.offset * strides[a.dim2] : -a.offset * strides[a.dim1];
  return { shape: [...keep.map((i) => shape[i]), len], strides: [...keep.map((i) => strides[i]), strides[a.dim1] + strides[a.dim2]], shift };
}

export const Diagonal = defineOp<DiagAttrs>({
  name: 'diagonal',
  view: true,
  infer: ([x], a) => [{ dtype: x.dtype, shape: geometry(x._shape, x._shape, a).shape }],
  lower: (g, [x], a, io) => {
    const r = io.inputs[0].rank;
    const perm = [...Array.from({ length: r }, (_, i) => i).filter((i) => i !== a.dim1 && i !== a.dim2), a.dim1, a.dim2];
    const xt = g.op1('Transpose', [x], { perm });
    const s = g.op1('Shape', [xt]);
    const n1 = g.op1('Gather', [s, g.int(r - 2)]);
    const n2 = g.op1('Gather', [s, g.int(r - 1)]);
    const lo = Math.max(-a.offset, 0);
    const hi = Math.max(a.offset, 0);
    const len = g.op1('Max', [g.op1('Min', [g.op1('Sub', [n1, g.int(lo)]), g.op1('Sub', [n2, g.int(hi)])]), g.int(0)]);
    const step = g.op1('Add', [n2, g.int(1)]);
    const start = g.op1('Add', [g.op1('Mul', [n2, g.int(lo)]), g.int(hi)]);
    const idx = g.op1('Add', [g.op1('Mul', [g.op1('Range', [g.int(0), len, g.int(1)]), step]), start]);
    const flat = g.op1('Reshape', [xt, g.ints([...Array(r - 2).fill(0), -1])]);
    return [g.op1('Gather', [flat, idx], { axis: r - 2 })];
  },
  eager: ([x], a) => {
    const m = geometry(x._shape, x._stridesOrDense, a);
    return [makeView(x, m.shape, m.strides, x._offset + m.shift)];
  },
  saves: { inputs: [] },
  grad: (ctx, [gy]) => [viewBackward(gy!, ctx.inputMeta[0].shape, (p) => diagonal(p, ctx.attrs), false)],
});

/**
 * torch.diagonal(input, offset=0, dim1=0, dim2=1): a view of the `offset`-th diagonal of dims
 * dim1 and dim2 (above the main one for offset > 0), appended as the last dim.
 * @example
 * torch.arange(9).reshape(3, 3).diagonal(); // [0, 4, 8]
 */
export function diagonal(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ offset?: number; dim1?: number; dim2?: number }>(['offset', 'dim1', 'dim2'], args);
  const r = input._shape.length;
  const dim1 = normDim(o.dim1 ?? 0, r);
  const dim2 = normDim(o.dim2 ?? 1, r);
  if (dim1 === dim2) throw new RuntimeError(`diagonal dimensions cannot be identical ${o.dim1 ?? 0}, ${o.dim2 ?? 1}`);
  return apply1(Diagonal, [input], { offset: o.offset ?? 0, dim1, dim2 });
}

declare module '../tensor.js' {
  interface Tensor {
    diagonal(offset?: number | { offset?: number; dim1?: number; dim2?: number }, dim1?: number, dim2?: number): Tensor;
  }
}
Tensor.prototype.diagonal = function (this: Tensor, ...args: unknown[]) {
  return diagonal(this, ...args);
};
