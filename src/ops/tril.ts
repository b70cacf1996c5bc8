// tril: lower triangle of the last two dims (ONNX Trilu upper=0); triu.ts is its mirror.
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';

/** The shared Trilu lowering and the 2-D check of tril/triu. */
export const lowerTrilu = (g: GraphBuilder, x: string, diagonal: number, upper: boolean): string =>
  g.op1('Trilu', [x, g.int(diagonal)], { upper: upper ? 1 : 0 });
export function checkMatrix(input: Tensor, name: string): void {
  if (input._shape.length < 2) throw new RuntimeError(`${name}: input tensor must have at least 2 dimensions`);
}

export const Tril = defineOp<{ diagonal: number }>({
  name: 'tril',
  infer: ([x]) => [{ dtype: x.dtype, shape: x._shape }],
  lower: (g, [x], a) => [lowerTrilu(g, x, a.diagonal, false)],
  saves: { inputs: [] },
  grad: (ctx, [gy]) => [tril(gy!, ctx.attrs.diagonal)],
});

/**
 * torch.tril(input, diagonal=0): elements on and below the `diagonal`-th diagonal of the last two
 * dims; the rest set to 0.
 * @example
 * torch.ones(3, 3).tril(); torch.ones(3, 3).tril(-1);
 */
export function tril(input: Tensor, diagonal: number | { diagonal?: number } = 0): Tensor {
  const k = typeof diagonal === 'number' ? diagonal : (diagonal.diagonal ?? 0);
  checkMatrix(input, 'tril');
  return apply1(Tril, [input], { diagonal: k });
}

declare module '../tensor.js' {
  interface Tensor {
    tril(diagonal?: number | { diagonal?: number }): Tensor;
    tril_(diagonal?: number | { diagonal?: number }): Tensor;
  }
}
Tensor.prototype.tril = function (this: Tensor, diagonal?: number | { diagonal?: number }) {
  return tril(this, diagonal);
};
Tensor.prototype.tril_ = function (this: Tensor, diagonal?: number | { diagonal?: number }) {
  return inplace(this, () => tril(this, diagonal));
};
