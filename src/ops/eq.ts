// eq: elementwise ==, result bool (torch.eq, Tensor.eq, eq_). Also the shared comparison machinery
// of ne, lt, le, gt, ge: operands are promoted to a common dtype before comparing, as in PyTorch.
import { bool, int32, resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp, type OpDef } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer, promote, type TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';

/** A comparison op: `node` builds the ONNX comparison; bool operands are cast to int32 first. */
export function defineComparison(name: string, node: (g: GraphBuilder, a: string, b: string) => string): OpDef {
  return defineOp({
    name,
    infer: (x) => broadcastInfer(x, bool),
    lower: (g, [a, b], _a, io) => {
      // Less/Greater/... have no bool kernels (ORT-FACTS §1).
      if (io.inputs[0].dtype === bool) [a, b] = [a, b].map((v) => g.op1('Cast', [v], { to: int32.onnx }));
      return [node(g, a, b)];
    },
  });
}

/** Runs a comparison op on promoted operands. */
export function compare(op: OpDef, input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const [a, b] = promote([input, other], resultType(...([input, other] as never[])));
  return apply1(op, [a, b], undefined);
}

export const Eq = defineComparison('eq', (g, a, b) => g.op1('Equal', [a, b]));

/**
 * torch.eq(input, other): input == other elementwise (other a tensor or a scalar), as a bool tensor.
 * @example
 * torch.eq(x, 2); x.eq(y);
 */
export function eq(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  return compare(Eq, input, other);
}

declare module '../tensor.js' {
  interface Tensor {
    eq(other: TensorOrScalar): Tensor;
    eq_(other: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.eq = function (this: Tensor, other: TensorOrScalar) {
  return eq(this, other);
};
Tensor.prototype.eq_ = function (this: Tensor, other: TensorOrScalar) {
  return inplace(this, () => eq(this, other));
};
