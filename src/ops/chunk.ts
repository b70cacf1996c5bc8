// chunk: `chunks` pieces of (nearly) equal size along a dim (written with split).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { split } from './split.js';

/**
 * torch.chunk(input, chunks, dim=0): at most `chunks` pieces of ceil(size / chunks) entries each.
 * @example
 * torch.arange(5).chunk(3); // sizes 2, 2, 1
 */
export function chunk(input: Tensor, chunks: number, ...args: unknown[]): Tensor[] {
  const o = bind<{ dim?: number }>(['dim'], args);
  if (input._shape.length === 0) throw new RuntimeError('chunk expects at least a 1-dimensional tensor');
  if (!(chunks > 0)) throw new RuntimeError(`chunk expects \`chunks\` to be greater than 0, got: ${chunks}`);
  const d = normDim(o.dim ?? 0, input._shape.length);
  const n = input._shape[d];
  return split(input, Math.ceil(n / chunks), d);
}

declare module '../tensor.js' {
  interface Tensor {
    chunk(chunks: number, dim?: number | { dim?: number }): Tensor[];
  }
}
Tensor.prototype.chunk = function (this: Tensor, chunks: number, ...args: unknown[]) {
  return chunk(this, chunks, ...args);
};
