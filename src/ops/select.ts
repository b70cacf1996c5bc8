// select: input[..., index, ...], removing `dim`: a view (ONNX Gather with a scalar index when
// exported). Tensor iteration (for (const row of x)) uses it.
import { zeros } from '../creation.js';
import { apply1 } from '../dispatch.js';
import { IndexError } from '../errors.js';
import { defineOp } from '../op.js';
import { normDim, fmtShape } from '../shape.js';
import { Tensor } from '../tensor.js';
import { makeView } from './_view.js';
import { slice_scatter } from './slice_scatter.js';
import { unsqueeze } from './unsqueeze.js';

/** index: normalised (≥ 0); given: as the caller wrote it (negative stays negative in exported graphs) */
export const Select = defineOp<{ dim: number; index: number; given: number }>({
  name: 'select',
  view: true,
  infer: ([x], a) => [{ dtype: x.dtype, shape: x._shape.filter((_, i) => i !== a.dim) }],
  lower: (g, [x], a) => [g.op1('Gather', [x, g.int(a.given)], { axis: a.dim })],
  eager: ([x], a, [o]) => {
    const st = x._stridesOrDense;
    return [makeView(x, o.shape, st.filter((_, i) => i !== a.dim), x._offset + a.index * st[a.dim])];
  },
  saves: { inputs: [] },
  grad: (ctx, [gy]) => {
    const { dim, index } = ctx.attrs;
    return [slice_scatter(zeros([...ctx.inputMeta[0].shape], { dtype: gy!.dtype }), unsqueeze(gy!, dim), dim, index, index + 1)];
  },
});

/**
 * torch.select(input, dim, index): the slice at `index` of `dim`, with that dim removed (a view).
 * Negative index counts from the end.
 * @example
 * x.select(0, -1); // the last row: x[-1]
 */
export function select(input: Tensor, dim: number, index: number): Tensor {
  if (input._shape.length === 0) throw new IndexError('select() cannot be applied to a 0-dim tensor.');
  const d = normDim(dim, input._shape.length);
  const size = input._shape[d];
  if (!Number.isInteger(index) || index < -size || index >= size)
    throw new IndexError(`select(): index ${index} out of range for tensor of size ${fmtShape(input._shape)} at dimension ${d}`);
  return apply1(Select, [input], { dim: d, index: index < 0 ? index + size : index, given: index });
}

declare module '../tensor.js' {
  interface Tensor {
    select(dim: number, index: number): Tensor;
  }
}
Tensor.prototype.select = function (this: Tensor, dim: number, index: number) {
  return select(this, dim, index);
};
