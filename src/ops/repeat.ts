// repeat: tiles the tensor (ONNX Tile). Its gradient sums the copies back together.
import { sizeArgs } from '../args.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { reshape } from './reshape.js';
import { sum } from './sum.js';

export const Repeat = defineOp<{ repeats: readonly number[] }>({
  name: 'repeat',
  infer: ([x], a) => [{ dtype: x.dtype, shape: x._shape.map((s, i) => s * a.repeats[i]) }],
  lower: (g, [x], a) => [g.op1('Tile', [x, g.ints(a.repeats)])],
  attrKey: (a) => a.repeats.join(','),
  saves: { inputs: [] },
  grad: (ctx, [gy]) => {
    // [r0*s0, r1*s1, ...] -> [r0, s0, r1, s1, ...], summed over the r's
    const s = ctx.inputMeta[0].shape;
    const r = ctx.attrs.repeats;
    const split = s.flatMap((v, i) => [r[i], v]);
    const dims = s.map((_, i) => 2 * i);
    return [reshape(sum(reshape(gy!, split), dims), s)];
  },
});

/**
 * Tensor.repeat(*sizes): the tensor tiled sizes[i] times along each dim (new leading dims when
 * sizes is longer than the rank).
 * @example
 * torch.tensor([1, 2]).repeat(2, 2); // [[1, 2, 1, 2], [1, 2, 1, 2]]
 */
export function repeat(input: Tensor, sizes: readonly number[]): Tensor {
  const r = input._shape.length;
  if (sizes.length < r) throw new RuntimeError('Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor');
  for (const s of sizes) if (!Number.isInteger(s) || s < 0) throw new RuntimeError(`Trying to create tensor with negative dimension ${s}: [${sizes.join(', ')}]`);
  const x = sizes.length > r ? reshape(input, [...new Array<number>(sizes.length - r).fill(1), ...input._shape]) : input;
  return apply1(Repeat, [x], { repeats: sizes.slice() });
}

declare module '../tensor.js' {
  interface Tensor {
    repeat(...sizes: (number | number[])[]): Tensor;
  }
}
Tensor.prototype.repeat = function (this: Tensor, ...sizes: (number | number[])[]) {
  return repeat(this, sizeArgs(sizes).size);
};
