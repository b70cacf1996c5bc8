// torch.nn.functional: embedding functions.
import { bind } from '../../../src/args.js';
import { RuntimeError, NotImplementedError } from '../../../src/errors.js';
import { embedding as embeddingOp } from '../../../src/ops/embedding.js';
import type { Tensor } from '../../../src/tensor.js';

export type EmbeddingOpts = {
  padding_idx?: number | null;
  max_norm?: number | null;
  norm_type?: number;
  scale_grad_by_freq?: boolean;
  sparse?: boolean;
};

/** Rescales, in place and outside autograd, the rows of weight that input uses whose norm exceeds max_norm. */
export function embedding_renorm_(weight: Tensor, input: Tensor, max_norm: number, norm_type: number): void {
  const dim = weight.size(1);
  const rows = new Set(Array.from(input._data as ArrayLike<number | bigint>, Number));
  weight._mutate((raw) => {
    const w = raw as Float32Array;
    for (const r of rows) {
      let norm = 0;
      for (let j = 0; j < dim; j++) norm += Math.abs(w[r * dim + j]) ** norm_type;
      norm = norm ** (1 / norm_type);
      if (norm > max_norm) {
        const scale = max_norm / (norm + 1e-7);
        for (let j = 0; j < dim; j++) w[r * dim + j] *= scale;
      }
    }
  });
  weight._bump();
}

/**
 * F.embedding(input, weight, padding_idx?, max_norm?, norm_type = 2, scale_grad_by_freq = false,
 * sparse = false): the rows weight[input]. The padding_idx row gets no gradient.
 * @example
 * F.embedding(torch.tensor([[0, 2], [1, 0]]), weight);
 */
export function embedding(input: Tensor, weight: Tensor, ...args: unknown[]): Tensor {
  const o = bind<EmbeddingOpts>(['padding_idx', 'max_norm', 'norm_type', 'scale_grad_by_freq', 'sparse'], args);
  let pad = -1;
  if (o.padding_idx != null) {
    const n = weight.size(0);
    if (o.padding_idx >= n || o.padding_idx < -n) throw new RuntimeError('Padding_idx must be within num_embeddings');
    pad = o.padding_idx < 0 ? n + o.padding_idx : o.padding_idx;
  }
  if (o.scale_grad_by_freq) throw new NotImplementedError('embedding: scale_grad_by_freq is not supported');
  if (o.max_norm != null) embedding_renorm_(weight, input, o.max_norm, o.norm_type ?? 2);
  return embeddingOp(weight, input, pad);
}
