// flatten: merges dims start_dim..end_dim into one (a reshape: same memory).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { reshape } from './reshape.js';

/**
 * torch.flatten(input, start_dim=0, end_dim=-1): a view with dims start_dim..end_dim merged.
 * @example
 * torch.zeros(2, 3, 4).flatten(1).shape; // [2, 12]
 */
export function flatten(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ start_dim?: number; end_dim?: number }>(['start_dim', 'end_dim'], args);
  const s = input._shape;
  if (s.length === 0) return reshape(input, [1]);
  const a = normDim(o.start_dim ?? 0, s.length);
  const b = normDim(o.end_dim ?? -1, s.length);
  if (a > b) throw new RuntimeError('flatten() has invalid args: start_dim cannot come after end_dim');
  if (a === b) return input;
  const merged = s.slice(a, b + 1).reduce((p, q) => p * q, 1);
  return reshape(input, [...s.slice(0, a), merged, ...s.slice(b + 1)]);
}

declare module '../tensor.js' {
  interface Tensor {
    flatten(start_dim?: number | { start_dim?: number; end_dim?: number }, end_dim?: number): Tensor;
  }
}
Tensor.prototype.flatten = function (this: Tensor, ...args: unknown[]) {
  return flatten(this, ...args);
};
