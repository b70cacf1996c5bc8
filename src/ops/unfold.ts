// Tensor.unfold: sliding windows along one dim, a view (windows overlap when step < size).
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { makeView } from './_view.js';
import { viewBackward } from './as_strided.js';

interface UnfoldAttrs {
  dim: number;
  size: number;
  step: number;
}

function unfoldShape(shape: readonly number[], a: UnfoldAttrs): number[] {
  if (shape.length === 0) return [a.size];
  const s = shape.slice();
  s[a.dim] = Math.floor((shape[a.dim] - a.size) / a.step) + 1;
  return [...s, a.size];
}

export const Unfold = defineOp<UnfoldAttrs>({
  name: 'unfold',
  view: true,
  infer: ([x], a) => [{ dtype: x.dtype, shape: unfoldShape(x._shape, a) }],
  lower: (g, [x], a, io) => {
    const r = io.inputs[0].rank;
    if (r === 0) return [g.op1('Reshape', [x, g.ints([1])])];
    const n = g.op1('Gather', [g.op1('Shape', [x]), g.int(a.dim)]);
    const nw = g.op1('Add', [g.op1('Div', [g.op1('Sub', [n, g.int(a.size)]), g.int(a.step)]), g.int(1)]);
    const starts = g.op1('Unsqueeze', [g.op1('Mul', [g.op1('Range', [g.int(0), nw, g.int(1)]), g.int(a.step)]), g.ints([1])]);
    const offs = g.op1('Unsqueeze', [g.op1('Range', [g.int(0), g.int(a.size), g.int(1)]), g.ints([0])]);
    const y = g.op1('Gather', [x, g.op1('Add', [starts, offs])], { axis: a.dim });
    if (a.dim === r - 1) return [y];
    // Gather put [windows, size] at dim; the window contents go last.
    const perm = Array.from({ length: r + 1 }, (_, i) => i).filter((i) => i !== a.dim + 1);
    return [g.op1('Transpose', [y], { perm: [...perm, a.dim + 1] })];
  },
  eager: ([x], a, [o]) => {
    if (x._shape.length === 0) return [makeView(x, [1], [1], x._offset)];
    const st = x._stridesOrDense.slice();
    const inner = st[a.dim];
    st[a.dim] *= a.step;
    return [makeView(x, o.shape, [...st, inner], x._offset)];
  },
  saves: { inputs: [] },
  grad: (ctx, [gy]) => [viewBackward(gy!, ctx.inputMeta[0].shape, (p: Tensor): Tensor => unfold(p, ctx.attrs.dim, ctx.attrs.size, ctx.attrs.step), true)],
});

/**
 * Tensor.unfold(dimension, size, step): every window of `size` elements along `dimension`,
 * starting `step` apart, as a new last dim (a view: windows share memory).
 * @example
 * torch.arange(5).unfold(0, 2, 1); // [[0, 1], [1, 2], [2, 3], [3, 4]]
 */
export function unfold(input: Tensor, dimension: number, size: number, step: number): Tensor {
  const r = input._shape.length;
  const dim = normDim(dimension, r);
  const n = r === 0 ? 1 : input._shape[dim];
  if (size > n) throw new RuntimeError(`maximum size for tensor at dimension ${dim} is ${n} but size is ${size}`);
  if (step <= 0) throw new RuntimeError(`step is ${step} but must be > 0`);
  return apply1(Unfold, [input], { dim, size, step });
}

declare module '../tensor.js' {
  interface Tensor {
    unfold(dimension: number, size: number, step: number): Tensor;
  }
}
Tensor.prototype.unfold = function (this: Tensor, dimension: number, size: number, step: number) {
  return unfold(this, dimension, size, step);
};
