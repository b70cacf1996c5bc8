// embedding: rows of a weight table gathered by integer indices (F.embedding, nn.Embedding).
// Backward scatter-adds into a zero table; the padding_idx row gets no gradient.
import { int32, int64 } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { IndexError, RuntimeError } from '../errors.js';
import { TensorAttr } from '../graph/builder.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';

interface EmbAttrs {
  /** -1: none (normalised to a non-negative row) */
  padding_idx: number;
}

export const EmbeddingBackward = defineOp<EmbAttrs & { num_weights: number }>({
  name: 'embedding_dense_backward',
  infer: ([gy], a) => [{ dtype: gy.dtype, shape: [a.num_weights, gy._shape[gy._shape.length - 1]] }],
  lower: (g, [gy, idx], a, io) => {
    const dt = io.inputs[0].dtype;
    const i64 = io.inputs[1].dtype === int64 ? idx : g.op1('Cast', [idx], { to: int64.onnx });
    const shape = g.op1('Concat', [g.ints([a.num_weights]), g.op1('Shape', [gy], { start: -1 })], { axis: 0 });
    const zeros = g.op1('ConstantOfShape', [shape], { value: new TensorAttr(dt, [1], new dt.array(1)) });
    let upd = gy;
    if (a.padding_idx >= 0) {
      const pad = g.op1('Unsqueeze', [g.op1('Equal', [i64, g.scalar(int64, a.padding_idx)]), g.ints([-1])]);
      upd = g.op1('Where', [pad, g.scalar(dt, 0), gy]);
    }
    return [g.op1('ScatterND', [zeros, g.op1('Unsqueeze', [i64, g.ints([-1])]), upd], { reduction: 'add' })];
  },
});

export const Embedding = defineOp<EmbAttrs>({
  name: 'embedding',
  infer: ([w, idx]) => [{ dtype: w.dtype, shape: [...idx._shape, w._shape[1]] }],
  lower: (g, [w, idx]) => [g.op1('Gather', [w, idx], { axis: 0 })],
  saves: { inputs: [1] },
  grad: (ctx, [gy]) => [apply1(EmbeddingBackward, [gy!, ctx.inputs[1]], { ...ctx.attrs, num_weights: ctx.inputMeta[0].shape[0] }), null],
});

/** Checks index dtype and range (ONNX Gather would wrap negative indices). */
function checkIndices(idx: Tensor, rows: number): void {
  if (idx.dtype !== int64 && idx.dtype !== int32)
    throw new RuntimeError(
      `Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got ${idx.type()} instead (while checking arguments for embedding)`,
    );
  const d = idx._data;
  for (let i = 0; i < d.length; i++) {
    const v = Number(d[i]);
    if (v < 0 || v >= rows) throw new IndexError('index out of range in self');
  }
}

/**
 * torch.embedding(weight, indices, padding_idx = -1): weight[indices] (note PyTorch's argument
 * order here; F.embedding takes (input, weight)).
 */
export function embedding(weight: Tensor, indices: Tensor, padding_idx = -1): Tensor {
  if (weight._shape.length !== 2) throw new RuntimeError(`'weight' must be 2-D`);
  checkIndices(indices, weight._shape[0]);
  return apply1(Embedding, [weight, indices], { padding_idx });
}
