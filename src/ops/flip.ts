// flip: reverses the order along dims (ONNX Slice with step -1 over the whole dims).
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { normDims } from '../shape.js';
import { Tensor } from '../tensor.js';
import { clone } from './clone.js';

const INT64_MIN = -(2 ** 63);

export const Flip = defineOp<{ dims: readonly number[] }>({
  name: 'flip',
  infer: ([x]) => [{ dtype: x.dtype, shape: x._shape }],
  lower: (g, [x], a) => {
    const n = a.dims.length;
    const starts = g.ints(new Array<number>(n).fill(-1));
    const ends = g.ints(new Array<number>(n).fill(INT64_MIN));
    return [g.op1('Slice', [x, starts, ends, g.ints(a.dims), g.ints(new Array<number>(n).fill(-1))])];
  },
  attrKey: (a) => a.dims.join(','),
  saves: { inputs: [] },
  grad: (ctx, [gy]) => [flip(gy!, ctx.attrs.dims)],
});

/**
 * torch.flip(input, dims): the values in reverse order along each dim in `dims`.
 * @example
 * torch.arange(4).flip(0); // tensor([3, 2, 1, 0])
 */
export function flip(input: Tensor, dims: number | readonly number[]): Tensor {
  const list = typeof dims === 'number' ? [dims] : dims;
  const d = normDims(list, input._shape.length).filter((k) => k < input._shape.length);
  if (d.length === 0 || input._shape.length === 0) return clone(input);
  return apply1(Flip, [input], { dims: d });
}

declare module '../tensor.js' {
  interface Tensor {
    flip(...dims: (number | number[])[]): Tensor;
  }
}
Tensor.prototype.flip = function (this: Tensor, ...dims: (number | number[])[]) {
  return flip(this, dims.flat());
};
