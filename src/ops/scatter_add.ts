// scatter_add: self with src added at positions given by index along dim (ONNX ScatterElements,
// reduction add; repeated indices accumulate).
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { normDim, sameShape } from '../shape.js';
import { Tensor } from '../tensor.js';
import { checkBounds, requireInt64 } from './_indices.js';
import { inplace } from './_inplace.js';
import { checkGatherShapes, gather } from './gather.js';
import { clone } from './clone.js';
import { reshape } from './reshape.js';
import { slice } from './slice.js';

export const ScatterAdd = defineOp<{ dim: number }>({
  name: 'scatter_add',
  infer: ([x]) => [{ dtype: x.dtype, shape: x._shape }],
  lower: (g, [x, idx, src], a) => [g.op1('ScatterElements', [x, idx, src], { axis: a.dim, reduction: 'add' })],
  saves: { inputs: [1] },
  grad: (ctx, [gy]) => [gy, null, ctx.needs[2] ? gather(gy!, ctx.attrs.dim, ctx.inputs[1]) : null],
});

/** src cut down to index's shape (ScatterElements wants equal shapes; PyTorch ignores the rest). */
export function srcForIndex(src: Tensor, index: Tensor): Tensor {
  let s = src;
  index._shape.forEach((n, k) => {
    if (s._shape[k] !== n) s = slice(s, k, 0, n);
  });
  return s;
}

/** The argument checks shared by scatter and scatter_add; returns the normalised dim. */
export function checkScatter(name: string, self: Tensor, dim: number, index: Tensor, src?: Tensor): number {
  const d = normDim(dim, self._shape.length);
  requireInt64(index, name);
  if (src !== undefined && src.dtype !== self.dtype) throw new RuntimeError(`${name}(): Expected self.dtype to be equal to src.dtype`);
  checkGatherShapes(self, d, index, src);
  checkBounds(index, d, self._shape.length ? self._shape[d] : 1);
  return d;
}

/**
 * torch.scatter_add(input, dim, index, src): a copy of input with src[i][j] added at
 * [index[i][j]][j] (for dim 0); repeated indices accumulate.
 * @example
 * torch.zeros(3).scatter_add(0, torch.tensor([0, 0, 2]), torch.ones(3)); // [2, 0, 1]
 */
export function scatter_add(input: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  const d = checkScatter('scatter_add', input, dim, index, src);
  if (index.numel() === 0) return clone(input);
  if (input._shape.length === 0) return reshape(apply1(ScatterAdd, [reshape(input, [1]), reshape(index, [1]), reshape(src, [1])], { dim: 0 }), []);
  const s = sameShape(src._shape, index._shape) ? src : srcForIndex(src, index);
  return apply1(ScatterAdd, [input, index, s], { dim: d });
}

declare module '../tensor.js' {
  interface Tensor {
    scatter_add(dim: number, index: Tensor, src: Tensor): Tensor;
    scatter_add_(dim: number, index: Tensor, src: Tensor): Tensor;
  }
}
Tensor.prototype.scatter_add = function (this: Tensor, dim: number, index: Tensor, src: Tensor) {
  return scatter_add(this, dim, index, src);
};
Tensor.prototype.scatter_add_ = function (this: Tensor, dim: number, index: Tensor, src: Tensor) {
  return inplace(this, () => scatter_add(this, dim, index, src));
};
