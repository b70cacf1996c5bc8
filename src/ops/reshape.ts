// reshape / view: a view with a new shape when the strides allow (no ORT call), a copy otherwise
// (reshape) or PyTorch's error (view); flatten, unflatten, squeeze and unsqueeze are written with it.
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { inferSize, numel } from '../shape.js';
import { viewStrides } from '../strided.js';
import { Tensor } from '../tensor.js';
import { makeView } from './_view.js';
import { clone } from './clone.js';

/**
 * shape: the requested shape (may hold one -1). spec: what the ONNX graph asks for: 0 where a
 * dim is copied from the input at the same position, so exported graphs keep dynamic axes dynamic
 * (`x.view(x.size(0), -1)` stays valid for any batch size).
 */
interface ReshapeAttrs {
  shape: readonly number[];
  spec: readonly number[];
  /** the view's strides when the caller chose them (squeeze/unsqueeze keep PyTorch's); else computed */
  strides?: readonly number[];
  /** the grad_fn name when not ViewBackward0 (squeeze, unsqueeze) */
  via?: string;
}

export const Reshape = defineOp<ReshapeAttrs>({
  name: 'reshape',
  view: true,
  backwardName: (a) => a.via ?? 'ViewBackward0',
  infer: (x, a) => [{ dtype: x[0].dtype, shape: inferSize(a.shape, numel(x[0]._shape)) }],
  lower: (g, x, a) => [g.op1('Reshape', [x[0], g.ints(a.spec)])],
  // A view: shares memory and the version counter with its input.
  eager: ([x], a, [out]) => [makeView(x, out.shape, a.strides ?? viewStrides(x._shape, x._stridesOrDense, out.shape)!, x._offset)],
  attrKey: (a) => a.spec.join(','),
  saves: { inputs: [] },
  grad: (ctx, [gy]) => [reshape(gy!, ctx.inputMeta[0].shape)],
});

/**
 * torch.reshape(input, shape): same data, new shape; one dim may be -1.
 * @example
 * x.reshape(2, -1); x.view([4, 3]);
 */
export function reshape(input: Tensor, shape: readonly number[], strides?: readonly number[], via?: string): Tensor {
  if (strides === undefined && !input._contig && viewStrides(input._shape, input._stridesOrDense, inferSize(shape, numel(input._shape))) === null) input = clone(input, { memory_format: 'contiguous' });
  return applyReshape(input, shape, strides, via);
}

const VIEW_ERROR = 'view size is not compatible with input tensor\'s size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.';

/**
 * Tensor.view(*shape): the same memory seen with a new shape; PyTorch's error when the strides
 * don't allow it (use reshape, which copies then).
 * @example
 * torch.zeros(4, 3).view(2, -1); x.t().view(-1); // the second throws
 */
export function view(input: Tensor, shape: readonly number[]): Tensor {
  if (!input._contig && viewStrides(input._shape, input._stridesOrDense, inferSize(shape, numel(input._shape))) === null) throw new RuntimeError(VIEW_ERROR);
  return applyReshape(input, shape);
}

function applyReshape(input: Tensor, shape: readonly number[], strides?: readonly number[], via?: string): Tensor {
  const s = input._shape;
  if (numel(s) === 0 && shape.filter((d) => d === -1).length === 1 && shape.some((d) => d === 0))
    throw new RuntimeError(
      `cannot reshape tensor of 0 elements into shape [${shape.join(', ')}] because the unspecified dimension size -1 can be any value and is ambiguous`,
    );
  const spec = shape.map((d, i) => (d !== -1 && i < s.length && d === s[i] && d !== 0 ? 0 : d));
  // One dim the graph may not copy is left for ONNX to infer, so a single dynamic axis that moves
  // (unsqueeze(0), flatten(0, 1)) stays dynamic too.
  if (!spec.includes(-1) && numel(s) > 0) {
    const k = spec.findIndex((d) => d > 1);
    if (k >= 0) spec[k] = -1;
  }
  const a: ReshapeAttrs = { shape, spec };
  if (strides !== undefined) a.strides = strides;
  if (via !== undefined) a.via = via;
  return apply1(Reshape, [input], a);
}

declare module '../tensor.js' {
  interface Tensor {
    reshape(...shape: (number | number[])[]): Tensor;
    view(...shape: (number | number[])[]): Tensor;
    view_as(other: Tensor): Tensor;
    reshape_as(other: Tensor): Tensor;
  }
}
// Not sizeArgs: a bad dim gets reshape's own message ('invalid shape dimension -2').
const shapeOf = (shape: (number | number[])[]): number[] =>
  shape.length === 1 && (Array.isArray(shape[0]) || ArrayBuffer.isView(shape[0])) ? Array.from(shape[0] as number[]) : (shape as number[]);
Tensor.prototype.reshape = function (this: Tensor, ...shape: (number | number[])[]) {
  return reshape(this, shapeOf(shape));
};
Tensor.prototype.view = function (this: Tensor, ...shape: (number | number[])[]) {
  return view(this, shapeOf(shape));
};
Tensor.prototype.view_as = function (this: Tensor, other: Tensor) {
  return view(this, other._shape);
};
Tensor.prototype.reshape_as = function (this: Tensor, other: Tensor) {
  return reshape(this, other._shape);
};
