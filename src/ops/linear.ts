// linear: input @ weightᵀ + bias (F.linear, and so nn.Linear). One primitive: ONNX Gemm for 2-D
// float input (one fused kernel), MatMul + Add otherwise.
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { add } from './add.js';
import { expandedShape } from './expand.js';
import { matmul, PARALLEL_MACS } from './matmul.js';
import { transpose } from './permute.js';
import { reshape } from './reshape.js';

/** Work above which the product gets a multi-threaded session (as matmul.ts decides). */

export const Linear = defineOp({
  name: 'linear',
  backwardName: 'AddmmBackward0',
  infer: ([x, w, b]) => {
    const s = x._shape;
    const inF = s[s.length - 1];
    const [outF, wIn] = w._shape;
    if (inF !== wIn) {
      const rows = s.slice(0, -1).reduce((p, q) => p * q, 1);
      throw new RuntimeError(`mat1 and mat2 shapes cannot be multiplied (${rows}x${inF} and ${wIn}x${outF})`);
    }
    const shape = [...s.slice(0, -1), outF];
    if (b !== undefined) expandedShape(b._shape, shape); // PyTorch's error for a bad bias
    return [{ dtype: x.dtype, shape }];
  },
  lower: (g, [x, w, b], _a, io) => {
    const dt = io.inputs[0].dtype;
    if (io.inputs[0].rank === 2 && dt.is_floating_point) return [g.op1('Gemm', b === undefined ? [x, w] : [x, w, b], { transB: 1 })];
    const y = g.op1('MatMul', [x, g.op1('Transpose', [w], { perm: [1, 0] })]);
    return [b === undefined ? y : g.op1('Add', [y, b])];
  },
  parallel: ([x], [y]) => {
    let n = 1;
    for (const d of y.shape) n *= d;
    return n * x._shape[x._shape.length - 1] >= PARALLEL_MACS;
  },
  saves: { inputs: [0, 1] },
  grad: (ctx, [gy]) => {
    const [x, w] = ctx.inputs;
    const inF = w._shape[1];
    const outF = w._shape[0];
    // ∂x = gy·W; ∂W = gyᵀ·x over all leading dims flattened; ∂b = gy (the engine sums it to b's shape).
    const gx = ctx.needs[0] ? matmul(gy!, w) : null;
    const gw = ctx.needs[1] ? matmul(transpose(reshape(gy!, [-1, outF]), 0, 1), reshape(x, [-1, inF])) : null;
    return [gx, gw, ctx.needs[2] ? gy : null];
  },
});

/**
 * F.linear(input, weight, bias?): input @ weightᵀ + bias, with input [..., in], weight [out, in]
 * (or [in]) and bias [out]. No type promotion, as in PyTorch.
 * @example
 * torch.linear(x, w, b); // x [N, 4], w [3, 4], b [3] → [N, 3]
 */
export function linear(input: Tensor, weight: Tensor, bias?: Tensor | null): Tensor {
  for (const t of bias ? [weight, bias] : [weight])
    if (t.dtype !== input.dtype) throw new RuntimeError(`expected scalar type ${input.dtype.scalarName} but found ${t.dtype.scalarName}`);
  const r = input._shape.length;
  if (r === 0 || weight._shape.length !== 2) {
    // A 1-D weight (a dot product per row) or 0-d input: matmul's rules, then the bias.
    const y = matmul(input, weight.dim() === 2 ? transpose(weight, 0, 1) : weight);
    return bias ? add(y, bias) : y;
  }
  const x = r === 1 ? reshape(input, [1, input._shape[0]]) : input;
  const y = apply1(Linear, bias ? [x, weight, bias] : [x, weight], undefined);
  return r === 1 ? reshape(y, [weight._shape[0]]) : y;
}
