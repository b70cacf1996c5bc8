// The shared pieces of ceil, floor and trunc: integers come back as a copy, Bool is refused, and
// the gradient is zero (piecewise constant, as PyTorch).
import { zeros_like } from '../creation.js';
import { bool, type DType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import type { GraphBuilder } from '../graph/builder.js';
import type { OpDef } from '../op.js';
import type { Tensor } from '../tensor.js';
import { type OpFields, sameInfer } from './_common.js';

/** The OpDef fields of a rounding op whose float lowering is `lowerFloat` (integers: Identity). */
export function roundingFields(lowerFloat: (g: GraphBuilder, x: string, dt: DType) => string): OpFields {
  return {
    infer: sameInfer,
    elementwise: true,
    lower: (g, [x], _a, io) => [io.inputs[0].dtype.isInt ? g.op1('Identity', [x]) : lowerFloat(g, x, io.inputs[0].dtype)],
    saves: { inputs: [] },
    // Piecewise constant: zero gradient, as PyTorch.
    grad: (_ctx, [gy]) => [zeros_like(gy!)],
  };
}

/** Applies a rounding op, refusing Bool with PyTorch's `"<name>_vml_cpu" not implemented` error. */
export function applyRounding(op: OpDef<void>, name: 'ceil' | 'floor' | 'trunc', input: Tensor): Tensor {
  if (input.dtype === bool) throw new RuntimeError(`"${name}_vml_cpu" not implemented for 'Bool'`);
  return apply1(op, [input], undefined);
}
