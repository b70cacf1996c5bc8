// diag / diagflat / trace: composites of diagonal (a view), diag_embed and sum.
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { clone } from './clone.js';
import { diag_embed } from './diag_embed.js';
import { diagonal } from './diagonal.js';
import { reshape } from './reshape.js';
import { sum } from './sum.js';

/**
 * torch.diag(input, diagonal=0): a 1-D input on the `diagonal`-th diagonal of a square matrix, or
 * the `diagonal`-th diagonal of a 2-D input (a copy).
 * @example
 * torch.diag(torch.tensor([1, 2])); // [[1, 0], [0, 2]]
 */
export function diag(input: Tensor, ...args: unknown[]): Tensor {
  const k = bind<{ diagonal?: number }>(['diagonal'], args).diagonal ?? 0;
  const r = input._shape.length;
  if (r === 1) return diag_embed(input, k);
  if (r === 2) return clone(diagonal(input, k));
  throw new RuntimeError('matrix or a vector expected');
}

/**
 * torch.diagflat(input, offset=0): the flattened input on the `offset`-th diagonal of a matrix.
 * @example
 * torch.diagflat(torch.tensor([[1, 2], [3, 4]])).shape; // [4, 4]
 */
export function diagflat(input: Tensor, ...args: unknown[]): Tensor {
  const k = bind<{ offset?: number }>(['offset'], args).offset ?? 0;
  return diag_embed(reshape(input, [-1]), k);
}

/**
 * torch.trace(input): the sum of a matrix's main diagonal.
 * @example
 * torch.arange(9).reshape(3, 3).trace(); // 12
 */
export function trace(input: Tensor): Tensor {
  if (input._shape.length !== 2) throw new RuntimeError(`trace: expected a matrix, but got tensor with dim ${input._shape.length}`);
  return sum(diagonal(input));
}

declare module '../tensor.js' {
  interface Tensor {
    diag(diagonal?: number | { diagonal?: number }): Tensor;
    diagflat(offset?: number | { offset?: number }): Tensor;
    trace(): Tensor;
  }
}
Tensor.prototype.diag = function (this: Tensor, ...args: unknown[]) {
  return diag(this, ...args);
};
Tensor.prototype.diagflat = function (this: Tensor, ...args: unknown[]) {
  return diagflat(this, ...args);
};
Tensor.prototype.trace = function (this: Tensor) {
  return trace(this);
};
