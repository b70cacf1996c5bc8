// expand: broadcast to a larger shape (materialised: tensors here are always contiguous).
import { sizeArgs } from '../args.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { sameShape } from '../shape.js';
import { Tensor } from '../tensor.js';
import { sum_to_size } from './sum_to_size.js';

/** PyTorch's expand rule: -1 keeps a size, new dims go in front, only size-1 dims grow. */
export function expandedShape(from: readonly number[], to: readonly number[]): number[] {
  if (to.length < from.length)
    throw new RuntimeError(
      `expand(torch.FloatTensor{[${from.join(', ')}]}, size=[${to.join(', ')}]): the number of sizes provided (${to.length}) must be greater or equal to the number of dimensions in the tensor (${from.length})`,
    );
  const lead = to.length - from.length;
  return to.map((s, i) => {
    const cur = i >= lead ? from[i - lead] : 1;
    if (s === -1) {
      if (i < lead) throw new RuntimeError(`The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension ${i}`);
      return cur;
    }
    if (cur !== s && cur !== 1)
      throw new RuntimeError(
        `The expanded size of the tensor (${s}) must match the existing size (${cur}) at non-singleton dimension ${i}.  Target sizes: [${to.join(', ')}].  Tensor sizes: [${from.join(', ')}]`,
      );
    return s;
  });
}

export const Expand = defineOp<{ shape: readonly number[] }>({
  name: 'expand',
  infer: (x, a) => [{ dtype: x[0].dtype, shape: a.shape }],
  lower: (g, x, a) => [g.op1('Expand', [x[0], g.ints(a.shape)])],
  attrKey: (a) => a.shape.join(','),
  saves: { inputs: [] },
  grad: (ctx, [gy]) => [sum_to_size(gy!, ctx.inputMeta[0].shape)],
});

/**
 * Tensor.expand(*sizes): repeats size-1 dims (and adds leading dims) without changing values.
 * @example
 * torch.tensor([1, 2, 3]).expand(2, -1); // shape [2, 3]
 */
export function expand(input: Tensor, shape: readonly number[]): Tensor {
  const s = expandedShape(input._shape, shape);
  if (sameShape(s, input._shape)) return input;
  return apply1(Expand, [input], { shape: s });
}

declare module '../tensor.js' {
  interface Tensor {
    expand(...sizes: (number | number[])[]): Tensor;
    expand_as(other: Tensor): Tensor;
  }
}
Tensor.prototype.expand = function (this: Tensor, ...sizes: (number | number[])[]) {
  return expand(this, sizeArgs(sizes, true).size);
};
Tensor.prototype.expand_as = function (this: Tensor, other: Tensor) {
  return expand(this, other._shape);
};
