// Flatten and Unflatten (torch/nn/modules/flatten.py).
import { flatten } from '../../../src/ops/flatten.js';
import { unflatten } from '../../../src/ops/unflatten.js';
import type { Tensor } from '../../../src/tensor.js';
import { Module, pyTuple } from './module.js';

/**
 * Flattens dims start_dim..end_dim (by default all but the batch dim).
 * @example
 * new nn.Flatten()(torch.zeros(32, 1, 5, 5)).shape; // [32, 25]
 */
export class Flatten extends Module {
  start_dim: number;
  end_dim: number;
  constructor(start_dim: number | { start_dim?: number; end_dim?: number } = 1, end_dim = -1) {
    super();
    if (typeof start_dim === 'object') ({ start_dim = 1, end_dim = -1 } = start_dim);
    this.start_dim = start_dim;
    this.end_dim = end_dim;
  }
  override forward(input: Tensor): Tensor {
    return flatten(input, this.start_dim, this.end_dim);
  }
  override extra_repr(): string {
    return `start_dim=${this.start_dim}, end_dim=${this.end_dim}`;
  }
}

/**
 * Splits dim into unflattened_size.
 * @example
 * new nn.Unflatten(1, [2, 5])(torch.zeros(2, 10)).shape; // [2, 2, 5]
 */
export class Unflatten extends Module {
  dim: number;
  unflattened_size: number[];
  constructor(dim: number, unflattened_size: number[]) {
    super();
    this.dim = dim;
    this.unflattened_size = unflattened_size;
  }
  override forward(input: Tensor): Tensor {
    return unflatten(input, this.dim, this.unflattened_size);
  }
  override extra_repr(): string {
    return `dim=${this.dim}, unflattened_size=${pyTuple(this.unflattened_size)}`;
  }
}
