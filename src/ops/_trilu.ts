// The shared pieces of tril and triu: ONNX Trilu (upper = 0 / 1) over the last two dims.
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import type { GraphBuilder } from '../graph/builder.js';
import type { OpDef } from '../op.js';
import type { Tensor } from '../tensor.js';
import type { OpFields } from './_common.js';

export type Diagonal = number | { diagonal?: number };

/** The Trilu node of tril (upper = false) or triu (upper = true). */
export const lowerTrilu = (g: GraphBuilder, x: string, diagonal: number, upper: boolean): string =>
  g.op1('Trilu', [x, g.int(diagonal)], { upper: upper ? 1 : 0 });

/** The OpDef fields of tril/triu; `self` is the op itself, since the gradient keeps the same triangle. */
export function triluFields(upper: boolean, self: (gy: Tensor, diagonal: number) => Tensor): OpFields<{ diagonal: number }> {
  return {
    infer: ([x]) => [{ dtype: x.dtype, shape: x._shape }],
    lower: (g, [x], a) => [lowerTrilu(g, x, a.diagonal, upper)],
    saves: { inputs: [] },
    grad: (ctx, [gy]) => [self(gy!, ctx.attrs.diagonal)],
  };
}

/** tril/triu's front end: the diagonal (number or options, default 0) and the 2-D check. */
export function applyTrilu(op: OpDef<{ diagonal: number }>, name: 'tril' | 'triu', input: Tensor, diagonal: Diagonal): Tensor {
  const k = typeof diagonal === 'number' ? diagonal : (diagonal.diagonal ?? 0);
  if (input._shape.length < 2) throw new RuntimeError(`${name}: input tensor must have at least 2 dimensions`);
  return apply1(op, [input], { diagonal: k });
}
