// reshape / view: same memory, new shape (no ORT call); flatten, unflatten, squeeze and
// unsqueeze are written with it.
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { inferSize, numel } from '../shape.js';
import { Tensor } from '../tensor.js';

/**
 * shape: the requested shape (may hold one -1). spec: what the ONNX graph asks for: 0 where a
 * dim is copied from the input at the same position, so exported graphs keep dynamic axes dynamic
 * (`x.view(x.size(0), -1)` stays valid for any batch size).
 */
interface ReshapeAttrs {
  shape: readonly number[];
  spec: readonly number[];
}

export const Reshape = defineOp<ReshapeAttrs>({
  name: 'reshape',
  backwardName: 'ViewBackward0',
  infer: (x, a) => [{ dtype: x[0].dtype, shape: inferSize(a.shape, numel(x[0]._shape)) }],
  lower: (g, x, a) => [g.op1('Reshape', [x[0], g.ints(a.spec)])],
  // A view: shares memory and the version counter with its input.
  eager: (x, _a, out) => {
    const t = new Tensor(x[0]._st, out[0].shape, out[0].dtype);
    t._base = x[0]._base ?? x[0];
    return [t];
  },
  attrKey: (a) => a.spec.join(','),
  saves: { inputs: [] },
  grad: (ctx, [gy]) => [reshape(gy!, ctx.inputMeta[0].shape)],
});

/**
 * torch.reshape(input, shape): same data, new shape; one dim may be -1.
 * @example
 * x.reshape(2, -1); x.view([4, 3]);
 */
export function reshape(input: Tensor, shape: readonly number[]): Tensor {
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
  return apply1(Reshape, [input], { shape, spec });
}

declare module '../tensor.js' {
  interface Tensor {
    reshape(...shape: (number | number[])[]): Tensor;
    view(...shape: (number | number[])[]): Tensor;
    view_as(other: Tensor): Tensor;
    reshape_as(other: Tensor): Tensor;
  }
}
Tensor.prototype.reshape = function (this: Tensor, ...shape: (number | number[])[]) {
  // Not sizeArgs: a bad dim gets reshape's own message ('invalid shape dimension -2').
  const s = shape.length === 1 && (Array.isArray(shape[0]) || ArrayBuffer.isView(shape[0])) ? Array.from(shape[0] as number[]) : (shape as number[]);
  return reshape(this, s);
};
Tensor.prototype.view = Tensor.prototype.reshape;
Tensor.prototype.view_as = function (this: Tensor, other: Tensor) {
  return reshape(this, other._shape);
};
Tensor.prototype.reshape_as = Tensor.prototype.view_as;
