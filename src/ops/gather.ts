// gather: out[i][j] = input[index[i][j]][j] along dim (ONNX GatherElements). Its gradient adds
// back into zeros at the same positions (scatter_add).
import { zeros } from '../creation.js';
import { bind } from '../args.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { fmtShape, normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { checkBounds, requireInt64 } from './_indices.js';
import { scatter_add } from './scatter_add.js';

export const Gather = defineOp<{ dim: number }>({
  name: 'gather',
  infer: ([x, idx]) => [{ dtype: x.dtype, shape: idx._shape }],
  lower: (g, [x, idx], a, io) => [io.inputs[0].rank === 0 ? g.op1('Identity', [x]) : g.op1('GatherElements', [x, idx], { axis: a.dim })],
  saves: { inputs: [1] },
  grad: (ctx, [gy]) => {
    const m = ctx.inputMeta[0];
    if (m.shape.length === 0) return [gy, null];
    return [scatter_add(zeros([...m.shape], { dtype: gy!.dtype }), ctx.attrs.dim, ctx.inputs[1], gy!), null];
  },
});

/** Checks shared by gather/scatter: same rank, index no larger than self outside dim (and src). */
export function checkGatherShapes(self: Tensor, dim: number, index: Tensor, src?: Tensor): void {
  const r = self._shape.length;
  const ri = index._shape.length;
  if (ri !== Math.max(r, 1) && !(r === 0 && ri === 0) && index.numel() !== 0)
    throw new RuntimeError('Index tensor must have the same number of dimensions as input tensor');
  if (r === 0 || ri === 0) return;
  for (let k = 0; k < r; k++) {
    const tooBig = (k !== dim && index._shape[k] > self._shape[k]) || (src !== undefined && index._shape[k] > src._shape[k]);
    if (!tooBig) continue;
    if (src === undefined)
      throw new RuntimeError(`Size does not match at dimension ${k} expected index ${fmtShape(index._shape)} to be smaller than self ${fmtShape(self._shape)} apart from dimension ${dim}`);
    throw new RuntimeError(
      `Expected index ${fmtShape(index._shape)} to be smaller than self ${fmtShape(self._shape)} apart from dimension ${dim} and to be smaller size than src ${fmtShape(src._shape)}`,
    );
  }
}

/**
 * torch.gather(input, dim, index): values of input picked along `dim` by an int64 index of the
 * same rank: out[i][j] = input[index[i][j]][j] for dim 0.
 * @example
 * torch.tensor([[1, 2], [3, 4]]).gather(1, torch.tensor([[0, 0], [1, 0]])); // [[1, 1], [4, 3]]
 */
export function gather(input: Tensor, dim: number, index: Tensor, ...args: unknown[]): Tensor {
  bind<{ sparse_grad?: boolean }>(['sparse_grad'], args);
  const d = normDim(dim, input._shape.length);
  requireInt64(index, 'gather');
  checkGatherShapes(input, d, index);
  checkBounds(index, d, input._shape.length ? input._shape[d] : 1);
  return apply1(Gather, [input, index], { dim: d });
}

declare module '../tensor.js' {
  interface Tensor {
    gather(dim: number, index: Tensor, opts?: { sparse_grad?: boolean }): Tensor;
  }
}
Tensor.prototype.gather = function (this: Tensor, dim: number, index: Tensor, ...args: unknown[]) {
  return gather(this, dim, index, ...args);
};
