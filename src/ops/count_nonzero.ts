// count_nonzero: number of non-zero elements over dims, as int64 (torch.count_nonzero).
import { bind } from '../args.js';
import { bool, int64 } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { type DimArg, reduceDims } from './_reduce.js';
import { lowerReduce, reducedShape, type ReduceAttrs } from './_reduce.js';

export const CountNonzero = defineOp<ReduceAttrs>({
  name: 'count_nonzero',
  infer: (x, a) => [{ dtype: int64, shape: reducedShape(x[0]._shape, a.dims, false) }],
  // Cast to bool is "non-zero" (NaN included), as PyTorch counts.
  lower: (g, [x], a) => [lowerReduce(g, 'ReduceSum', g.op1('Cast', [g.op1('Cast', [x], { to: bool.onnx })], { to: int64.onnx }), a)],
  attrKey: (a) => a.dims.join(','),
});

/**
 * torch.count_nonzero(input, dim?): how many elements are non-zero (over all or some dims).
 * @example
 * torch.count_nonzero(x); x.count_nonzero([0, 1]);
 */
export function count_nonzero(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ dim?: DimArg }>(['dim'], args);
  return apply1(CountNonzero, [input], { dims: reduceDims(o.dim, input._shape.length), keepdim: false });
}

declare module '../tensor.js' {
  interface Tensor {
    count_nonzero(dim?: DimArg | { dim?: DimArg }): Tensor;
  }
}
Tensor.prototype.count_nonzero = function (this: Tensor, ...args: unknown[]) {
  return count_nonzero(this, ...args);
};
