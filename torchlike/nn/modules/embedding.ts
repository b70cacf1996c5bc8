// Embedding (torch/nn/modules/sparse.py): a lookup table of num_embeddings vectors.
import { bind } from '../../../src/args.js';
import { no_grad } from '../../../src/autograd/grad_mode.js';
import { empty, fillData } from '../../../src/creation.js';
import { RuntimeError } from '../../../src/errors.js';
import type { Tensor } from '../../../src/tensor.js';
import { embedding } from '../functional/embedding.js';
import * as init from '../init.js';
import { Parameter } from '../parameter.js';
import type { FactoryKwargs } from './linear.js';
import { Module, pyBool, pyFloat } from './module.js';

export type EmbeddingOptions = {
  padding_idx?: number | null;
  max_norm?: number | null;
  norm_type?: number;
  scale_grad_by_freq?: boolean;
  sparse?: boolean;
  _weight?: Tensor | null;
} & FactoryKwargs;

/**
 * Looks up rows of a weight table ~ N(0, 1); the padding_idx row starts at zero and gets no gradient.
 * @example
 * const emb = new nn.Embedding(10, 3, { padding_idx: 0 });
 * emb(torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]])).shape; // [2, 4, 3]
 */
export class Embedding extends Module {
  num_embeddings: number;
  embedding_dim: number;
  padding_idx: number | null;
  max_norm: number | null;
  norm_type: number;
  scale_grad_by_freq: boolean;
  sparse: boolean;
  declare weight: Parameter;

  constructor(num_embeddings: number, embedding_dim: number, ...args: unknown[]) {
    super();
    const o = bind<EmbeddingOptions>(['padding_idx', 'max_norm', 'norm_type', 'scale_grad_by_freq', 'sparse', '_weight'], args);
    this.num_embeddings = num_embeddings;
    this.embedding_dim = embedding_dim;
    let pad = o.padding_idx ?? null;
    if (pad !== null) {
      if (pad >= num_embeddings || pad < -num_embeddings) throw new RuntimeError('Padding_idx must be within num_embeddings');
      if (pad < 0) pad += num_embeddings;
    }
    this.padding_idx = pad;
    this.max_norm = o.max_norm ?? null;
    this.norm_type = o.norm_type ?? 2;
    this.scale_grad_by_freq = o.scale_grad_by_freq ?? false;
    this.sparse = o.sparse ?? false;
    if (o._weight) {
      const s = o._weight.shape;
      if (s[0] !== num_embeddings || s[1] !== embedding_dim) throw new RuntimeError('Shape of weight does not match num_embeddings and embedding_dim');
      this.weight = new Parameter(o._weight);
    } else {
      this.weight = new Parameter(empty([num_embeddings, embedding_dim], { dtype: o.dtype }));
      this.reset_parameters();
    }
  }

  reset_parameters(): void {
    init.normal_(this.weight);
    this.fillPaddingWithZero();
  }
  private fillPaddingWithZero(): void {
    if (this.padding_idx === null) return;
    const d = this.embedding_dim;
    const row = this.padding_idx;
    no_grad(() => {
      this.weight._mutate((w) => fillData(w.subarray(row * d, (row + 1) * d), 0, this.weight.dtype));
      this.weight._bump();
    });
  }

  override forward(input: Tensor): Tensor {
    return embedding(input, this.weight, this.padding_idx, this.max_norm, this.norm_type, this.scale_grad_by_freq, this.sparse);
  }

  override extra_repr(): string {
    let s = `${this.num_embeddings}, ${this.embedding_dim}`;
    if (this.padding_idx !== null) s += `, padding_idx=${this.padding_idx}`;
    if (this.max_norm !== null) s += `, max_norm=${pyFloat(this.max_norm)}`;
    if (this.norm_type !== 2) s += `, norm_type=${pyFloat(this.norm_type)}`;
    if (this.scale_grad_by_freq) s += `, scale_grad_by_freq=${pyBool(this.scale_grad_by_freq)}`;
    if (this.sparse) s += ', sparse=True';
    return s;
  }

  /**
   * An Embedding holding `embeddings` (shared memory); frozen (no grad) unless freeze = false.
   * @example
   * const emb = nn.Embedding.from_pretrained(torch.tensor([[1, 2.3, 3], [4, 5.1, 6.3]]));
   */
  static from_pretrained(embeddings: Tensor, freeze: boolean | ({ freeze?: boolean } & EmbeddingOptions) = true, opts: EmbeddingOptions = {}): Embedding {
    if (typeof freeze === 'object') {
      opts = freeze;
      freeze = freeze.freeze ?? true;
    }
    if (embeddings.dim() !== 2) throw new RuntimeError('Embeddings parameter is expected to be 2-dimensional');
    const [rows, cols] = embeddings.shape;
    const { freeze: _f, ...rest } = opts as { freeze?: boolean } & EmbeddingOptions;
    const emb = new this(rows, cols, { ...rest, _weight: embeddings });
    emb.weight.requires_grad_(!freeze);
    return emb;
  }
}
