// logical_and: elementwise AND of truth values, result bool (torch.logical_and, Tensor.logical_and, logical_and_).
// Also the shared machinery of logical_or and logical_xor: any dtype, nonzero (and NaN) is true.
import { bool, get_default_dtype } from '../dtype.js';
import { scalar_tensor } from '../creation.js';
import { apply1 } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp, type OpDef } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer, type TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';

/** x as bool inside a graph (Cast maps nonzero and NaN to true, like PyTorch). */
export function lowerTruth(g: GraphBuilder, x: string, isBool: boolean): string {
  return isBool ? x : g.op1('Cast', [x], { to: bool.onnx });
}

/** A binary logical op over the ONNX bool node `node`; inputs may differ in dtype. */
export function defineLogical(name: string, node: string): OpDef {
  return defineOp({
    name,
    infer: (x) => broadcastInfer(x, bool),
    elementwise: true,
    lower: (g, [a, b], _a, io) => [g.op1(node, [lowerTruth(g, a, io.inputs[0].dtype === bool), lowerTruth(g, b, io.inputs[1].dtype === bool)])],
  });
}

/** Runs a binary logical op (a scalar operand becomes a 0-d tensor). */
export function logical(op: OpDef, input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const t = (x: TensorOrScalar) => (x instanceof Tensor ? x : scalar_tensor(Number(x), { dtype: get_default_dtype() }));
  return apply1(op, [t(input), t(other)], undefined);
}

export const LogicalAnd = defineLogical('logical_and', 'And');

/**
 * torch.logical_and(input, other): true where both are nonzero.
 * @example
 * torch.logical_and(a, b); a.logical_and(b);
 */
export function logical_and(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return logical(LogicalAnd, input, other);
}

declare module '../tensor.js' {
  interface Tensor {
    logical_and(other: TensorOrScalar): Tensor;
    logical_and_(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.logical_and = function (this: Tensor, other: TensorOrScalar) {
  return logical_and(this, other);
};
Tensor.prototype.logical_and_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => logical_and(this, other));
};
