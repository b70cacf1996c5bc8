// masked_select: the elements where mask is true, as a 1-D tensor. The output size depends on
// the mask, so the shape rule reads it (as nonzero's does); the ONNX lowering finds the positions
// in the graph (NonZero, transposed from ONNX's [rank, nnz] to GatherND's [nnz, rank]), so an
// exported graph follows the mask at run time instead of freezing the example's positions.
import { zeros } from '../creation.js';
import { bool } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { broadcastShapes } from '../shape.js';
import { Tensor } from '../tensor.js';
import { expand } from './expand.js';
import { nonzero, nonzeroFlat } from './nonzero.js';
import { reshape } from './reshape.js';
import { scatter_add } from './scatter_add.js';

/** input and mask of one shape (rank ≥ 1) → input's elements where mask is true. */
export const MaskedSelect = defineOp({
  name: 'masked_select',
  infer: ([x, m]) => [{ dtype: x.dtype, shape: [nonzeroFlat(m).length] }],
  lower: (g, [x, m]) => [g.op1('GatherND', [x, g.op1('Transpose', [g.op1('NonZero', [m])], { perm: [1, 0] })])],
  // A copy of the selected elements, in row-major order.
  eager: ([x, m], _a, [o]) => {
    const src = x._data as unknown as ArrayLike<unknown>;
    const out = new x.dtype.array(o.shape[0]) as unknown as unknown[];
    let k = 0;
    for (const p of nonzeroFlat(m)) out[k++] = src[p];
    return [new Tensor(out as never, o.shape, x.dtype)];
  },
  saves: { inputs: [1] },
  // The selected positions get gy; the rest zero.
  grad: (ctx, [gy]) => {
    const s = ctx.inputMeta[0].shape;
    const pos = reshape(nonzero(reshape(ctx.inputs[1], [-1])), [-1]);
    const flat = scatter_add(zeros([s.reduce((p, q) => p * q, 1)], { dtype: gy!.dtype }), 0, pos, gy!);
    return [reshape(flat, s), null];
  },
});

/**
 * torch.masked_select(input, mask): a 1-D tensor of input's elements where the bool mask
 * (broadcast with input) is true, in row-major order.
 * @example
 * x.masked_select(x.gt(0)); // the positive elements
 */
export function masked_select(input: Tensor, mask: Tensor): Tensor {
  if (mask.dtype !== bool) throw new RuntimeError('masked_select: expected BoolTensor for mask');
  const shape = broadcastShapes(input._shape, mask._shape);
  // 0-d: as 1-D (GatherND needs an indexed dim).
  const full = shape.length === 0 ? [1] : shape;
  return apply1(MaskedSelect, [reshapeTo(expand(input, shape), full), reshapeTo(expand(mask, shape), full)], undefined);
}

const reshapeTo = (t: Tensor, s: readonly number[]): Tensor => (t._shape.length === s.length ? t : reshape(t, s));

declare module '../tensor.js' {
  interface Tensor {
    masked_select(mask: Tensor): Tensor;
  }
}
Tensor.prototype.masked_select = function (this: Tensor, mask: Tensor) {
  return masked_select(this, mask);
};
