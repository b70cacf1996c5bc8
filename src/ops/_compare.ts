// The comparison ops' shared machinery (eq, ne, lt, le, gt, ge): one op per ONNX comparison, and
// operands promoted to a common dtype before comparing, as in PyTorch.
import { bool, int32, resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp, type OpDef } from '../op.js';
import type { Tensor } from '../tensor.js';
import { broadcastInfer, promote, type TensorOrScalar } from './_common.js';

/** A comparison op: `node` builds the ONNX comparison; bool operands are cast to int32 first. */
export function defineComparison(name: string, node: (g: GraphBuilder, a: string, b: string) => string): OpDef {
  return defineOp({
    name,
    infer: (x) => broadcastInfer(x, bool),
    elementwise: true,
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

