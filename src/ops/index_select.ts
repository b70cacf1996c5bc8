// index_select: entries of `dim` picked by a 1-D index (ONNX Gather). Its gradient adds the
// picked slices back into zeros (scatter_add), so repeated indices accumulate.
import { zeros } from '../creation.js';
import { int64 } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { IndexError, RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { asIndexTensor, indexValues, isIntIndex } from './_indices.js';
import { expand } from './expand.js';
import { reshape } from './reshape.js';
import { scatter_add } from './scatter_add.js';
import { to_dtype } from './to_dtype.js';

export const IndexSelect = defineOp<{ dim: number }>({
  name: 'index_select',
  infer: ([x, idx], a) => {
    const shape = x._shape.slice();
    if (shape.length) shape[a.dim] = idx._shape[0];
    return [{ dtype: x.dtype, shape }];
  },
  lower: (g, [x, idx], a, io) => [io.inputs[0].rank === 0 ? g.op1('Identity', [x]) : g.op1('Gather', [x, idx], { axis: a.dim })],
  saves: { inputs: [1] },
  grad: (ctx, [gy]) => {
    const m = ctx.inputMeta[0];
    if (m.shape.length === 0) return [gy, null];
    const d = ctx.attrs.dim;
    const bshape = m.shape.map((_, i) => (i === d ? -1 : 1));
    const idx = expand(reshape(ctx.inputs[1], bshape), gy!._shape);
    return [scatter_add(zeros([...m.shape], { dtype: gy!.dtype }), d, idx, gy!), null];
  },
});

/**
 * torch.index_select(input, dim, index): the entries index[0], index[1], ... of `dim` (index is a
 * 1-D int tensor or a number[]; repeats allowed).
 * @example
 * x.index_select(0, torch.tensor([2, 0])); // rows 2 and 0
 */
export function index_select(input: Tensor, dim: number, index: Tensor | readonly number[]): Tensor {
  let idx = asIndexTensor(index);
  if (!isIntIndex(idx)) throw new RuntimeError('index_select(): Expected dtype int32 or int64 for index');
  if (idx._shape.length > 1) throw new IndexError('index_select(): Index is supposed to be a vector');
  const d = normDim(dim, input._shape.length);
  const size = input._shape.length ? input._shape[d] : 1;
  for (const v of indexValues(idx)) if (v < 0 || v >= size) throw new IndexError('index out of range in self');
  if (idx._shape.length === 0) idx = reshape(idx, [1]);
  if (input._shape.length === 0 && idx._shape[0] !== 1) throw new IndexError('index_select(): Index to scalar can have only 1 value, got ' + idx._shape[0] + ' value(s)');
  return apply1(IndexSelect, [input, to_dtype(idx, int64)], { dim: d });
}

declare module '../tensor.js' {
  interface Tensor {
    index_select(dim: number, index: Tensor | readonly number[]): Tensor;
  }
}
Tensor.prototype.index_select = function (this: Tensor, dim: number, index: Tensor | readonly number[]) {
  return index_select(this, dim, index);
};
