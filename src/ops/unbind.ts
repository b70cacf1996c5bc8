// unbind: every slice along a dim, with the dim removed: one op with a view per index (PyTorch's
// UnbindBackward0; its outputs may not be written in place while they require grad).
import { apply } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { makeView } from './_view.js';
import { stack } from './stack.js';

export const Unbind = defineOp<{ dim: number; n: number }>({
  name: 'unbind',
  view: 'multi',
  infer: ([x], a) => Array.from({ length: a.n }, () => ({ dtype: x.dtype, shape: x._shape.filter((_, i) => i !== a.dim) })),
  lower: (g, [x], a) => Array.from({ length: a.n }, (_, i) => g.op1('Gather', [x, g.int(i)], { axis: a.dim })),
  eager: ([x], a, outs) => {
    const st = x._stridesOrDense;
    const rest = st.filter((_, i) => i !== a.dim);
    return outs.map((o, i) => makeView(x, o.shape, rest, x._offset + i * st[a.dim]));
  },
  saves: { inputs: [] },
  grad: (ctx, gys) => [stack(gys as Tensor[], ctx.attrs.dim)],
});

/**
 * torch.unbind(input, dim=0): the tensors x.select(dim, i) for every i (views).
 * @example
 * const [a, b] = torch.tensor([[1, 2], [3, 4]]).unbind(1); // [1, 3], [2, 4]
 */
export function unbind(input: Tensor, dim: number | { dim?: number } = 0): Tensor[] {
  const dd = typeof dim === 'number' ? dim : (dim.dim ?? 0);
  if (input._shape.length === 0) throw new RuntimeError('Dimension specified as 0 but tensor has no dimensions');
  const d = normDim(dd, input._shape.length);
  const n = input._shape[d];
  return n === 0 ? [] : apply(Unbind, [input], { dim: d, n });
}

declare module '../tensor.js' {
  interface Tensor {
    unbind(dim?: number | { dim?: number }): Tensor[];
  }
}
Tensor.prototype.unbind = function (this: Tensor, dim?: number | { dim?: number }) {
  return unbind(this, dim);
};
