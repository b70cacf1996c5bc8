// linear: input @ weightᵀ + bias (F.linear, and so nn.Linear). One primitive: ONNX Gemm for 2-D
// float input (one fused kernel), MatMul + Add otherwise. Its gradient is _linear_backward: the
// needed ones of ∂input, ∂weight, ∂bias in one onnxruntime call.
import { bind } from '../args.js';
import { apply, apply1 } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import { RuntimeError } from '../errors.js';
import { defineOp, type Meta } from '../op.js';
import { Tensor } from '../tensor.js';
import { add } from './add.js';
import { expand, expandedShape } from './expand.js';
import { matmul, PARALLEL_MACS } from './matmul.js';
import { transpose } from './permute.js';
import { reshape } from './reshape.js';

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
    // ∂b = Σ gy over the leading dims, inside the one backward call for a bias of rank ≤ 1; a
    // higher-rank (broadcast) bias gets gy itself, which the engine sums to its shape.
    const bRank = ctx.inputMeta.length > 2 ? ctx.inputMeta[2].shape.length : 0;
    const a: LinearBackwardAttrs = { gx: ctx.needs[0], gw: ctx.needs[1], gb: ctx.needs[2] === true && bRank <= 1 };
    const res: (Tensor | null)[] = [null, null, ctx.needs[2] && !a.gb ? gy! : null];
    if (a.gx || a.gw || a.gb) {
      const outs = apply(LinearBackward, [gy!, x, w], a);
      let k = 0;
      if (a.gx) res[0] = outs[k++];
      if (a.gw) res[1] = outs[k++];
      if (a.gb) res[2] = outs[k++];
    }
    return res;
  },
});

/** Which of [∂input, ∂weight, ∂bias] a _linear_backward call computes (its outputs, in that order). */
export interface LinearBackwardAttrs {
  gx: boolean;
  gw: boolean;
  gb: boolean;
}

/** x [..., k] as a matrix [-1, k], inside a lowering (identity for rank 2). */
function rows(g: GraphBuilder, x: string, rank: number): string {
  if (rank === 2) return x;
  return g.op1('Reshape', [x, g.op1('Concat', [g.ints([-1]), g.op1('Shape', [x], { start: -1 })], { axis: 0 })]);
}

/**
 * linear's gradient in ONE onnxruntime call: from gy [..., out], x [..., in], w [out, in], the
 * requested ones of ∂x = gy·W, ∂W = gyᵀ·x (leading dims flattened) and ∂b = Σ gy over leading dims.
 */
export const LinearBackward = defineOp<LinearBackwardAttrs>({
  name: '_linear_backward',
  infer: ([gy, x, w], a) => {
    const out: Meta[] = [];
    if (a.gx) out.push({ dtype: gy.dtype, shape: x._shape });
    if (a.gw) out.push({ dtype: gy.dtype, shape: w._shape });
    if (a.gb) out.push({ dtype: gy.dtype, shape: [w._shape[0]] });
    return out;
  },
  lower: (g, [gy, x, w], a, io) => {
    const rank = io.inputs[0].rank;
    const ys: string[] = [];
    if (a.gx) ys.push(rank === 2 ? g.op1('Gemm', [gy, w]) : g.op1('MatMul', [gy, w]));
    const gy2 = a.gw || a.gb ? rows(g, gy, rank) : gy;
    if (a.gw) ys.push(g.op1('Gemm', [gy2, rows(g, x, rank)], { transA: 1 }));
    if (a.gb) ys.push(g.op1('ReduceSum', [gy2, g.ints([0])], { keepdims: 0 }));
    return ys;
  },
  attrKey: (a) => (a.gx ? 'x' : '') + (a.gw ? 'w' : '') + (a.gb ? 'b' : ''),
  parallel: ([gy, x]) => {
    let n = 1;
    for (const d of gy._shape) n *= d;
    return n * x._shape[x._shape.length - 1] >= PARALLEL_MACS;
  },
  // Double backward with public ops: gx = gy·W, gW = gyᵀ·x, gb = Σ gy are bilinear/linear.
  grad: (ctx, gys) => {
    const [gy, x, w] = ctx.inputs;
    const a = ctx.attrs;
    let k = 0;
    const ggx = a.gx ? gys[k++] : null;
    const ggw = a.gw ? gys[k++] : null;
    const ggb = a.gb ? gys[k++] : null;
    let dgy: Tensor | null = null;
    if (ctx.needs[0]) {
      if (ggx) dgy = linear(ggx, w);
      if (ggw) dgy = dgy ? add(dgy, linear(x, ggw)) : linear(x, ggw);
      if (ggb) dgy = dgy ? add(dgy, ggb) : expand(ggb, gy._shape);
    }
    const dx = ctx.needs[1] && ggw ? matmul(gy, ggw) : null;
    const outF = w._shape[0];
    const inF = w._shape[1];
    const dw = ctx.needs[2] && ggx ? matmul(transpose(reshape(gy, [-1, outF]), 0, 1), reshape(ggx, [-1, inF])) : null;
    return [dgy, dx, dw];
  },
});

/**
 * F.linear(input, weight, bias?): input @ weightᵀ + bias, with input [..., in], weight [out, in]
 * (or [in]) and bias [out]. No type promotion, as in PyTorch.
 * @example
 * torch.linear(x, w, b); // x [N, 4], w [3, 4], b [3] → [N, 3]
 */
export function linear(input: Tensor, weight: Tensor, ...args: unknown[]): Tensor {
  const { bias } = bind<{ bias?: Tensor | null }>(['bias'], args);
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
