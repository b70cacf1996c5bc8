// permute: reorders dims, a view with permuted strides (ONNX Transpose when exported).
// transpose, t, mT are written with it.
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { makeView } from './_view.js';

/** via: which function asked (its grad_fn name: TBackward0, TransposeBackward0, PermuteBackward0) */
export const Permute = defineOp<{ perm: readonly number[]; via?: 't' | 'transpose' }>({
  name: 'permute',
  backwardName: (a) => (a.via === 't' ? 'TBackward0' : a.via === 'transpose' ? 'TransposeBackward0' : 'PermuteBackward0'),
  view: true,
  infer: (x, a) => [{ dtype: x[0].dtype, shape: a.perm.map((p) => x[0]._shape[p]) }],
  lower: (g, x, a) => [g.op1('Transpose', x, { perm: a.perm })],
  eager: ([x], a, [o]) => {
    const st = x._stridesOrDense;
    return [makeView(x, o.shape, a.perm.map((p) => st[p]), x._offset)];
  },
  attrKey: (a) => a.perm.join(','),
  saves: { inputs: [] },
  grad: (ctx, [gy]) => {
    const inv = new Array<number>(ctx.attrs.perm.length);
    ctx.attrs.perm.forEach((p, i) => (inv[p] = i));
    return [permute(gy!, inv)];
  },
});

/**
 * torch.permute(input, dims): the same values with dims reordered.
 * @example
 * x.permute(2, 0, 1);
 */
export function permute(input: Tensor, dims: readonly number[], via?: 't' | 'transpose'): Tensor {
  const r = input._shape.length;
  if (dims.length !== r)
    throw new RuntimeError(`permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${r} is not equal to len(dims) = ${dims.length}`);
  const perm = dims.map((d) => normDim(d, r));
  if (new Set(perm).size !== r) throw new RuntimeError('permute(): duplicate dims are not allowed.');
  return apply1(Permute, [input], via === undefined ? { perm } : { perm, via });
}

/** torch.transpose(input, dim0, dim1) */
export function transpose(input: Tensor, dim0: number, dim1: number): Tensor {
  const r = input._shape.length;
  const a = normDim(dim0, r);
  const b = normDim(dim1, r);
  const perm = Array.from({ length: r }, (_, i) => (i === a ? b : i === b ? a : i));
  return permute(input, r === 0 ? [] : perm, 'transpose');
}

/** torch.t(input): transposes a ≤2-D tensor. */
export function t(input: Tensor): Tensor {
  const r = input._shape.length;
  if (r > 2) throw new RuntimeError(`t() expects a tensor with <= 2 dimensions, but self is ${r}D`);
  return permute(input, r === 0 ? [] : r === 1 ? [0] : [1, 0], 't');
}

declare module '../tensor.js' {
  interface Tensor {
    permute(...dims: (number | number[])[]): Tensor;
    transpose(dim0: number, dim1: number): Tensor;
    swapaxes(dim0: number, dim1: number): Tensor;
    t(): Tensor;
    /** x.T: all dims reversed. */
    readonly T: Tensor;
    /** x.mT: last two dims swapped. */
    readonly mT: Tensor;
  }
}
Tensor.prototype.permute = function (this: Tensor, ...dims: (number | number[])[]) {
  return permute(this, dims.length === 1 && Array.isArray(dims[0]) ? dims[0] : (dims as number[]));
};
Tensor.prototype.transpose = function (this: Tensor, d0: number, d1: number) {
  return transpose(this, d0, d1);
};
Tensor.prototype.swapaxes = Tensor.prototype.transpose;
Tensor.prototype.t = function (this: Tensor) {
  return t(this);
};
Object.defineProperty(Tensor.prototype, 'T', {
  get(this: Tensor) {
    return permute(this, this._shape.map((_, i) => this._shape.length - 1 - i));
  },
});
Object.defineProperty(Tensor.prototype, 'mT', {
  get(this: Tensor) {
    const r = this._shape.length;
    if (r < 2) throw new RuntimeError(`tensor.mT is only supported on matrices or batches of matrices. Got ${r}-D tensor.`);
    return transpose(this, -2, -1);
  },
});
