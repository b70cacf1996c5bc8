// vander: the Vandermonde matrix as powers x^k, a composite of pow over a broadcast arange.
import { bind } from '../args.js';
import { int64 } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { arange } from '../creation.js';
import type { Tensor } from '../tensor.js';
import { flip } from './flip.js';
import { pow } from './pow.js';
import { to_dtype } from './to_dtype.js';
import { unsqueeze } from './unsqueeze.js';

/**
 * torch.vander(x, N=None, increasing=False): columns x^(N-1), ..., x^0 (or increasing powers);
 * integer and bool inputs give int64.
 * @example
 * torch.vander(torch.tensor([1, 2, 3]), 3); // [[1, 1, 1], [4, 2, 1], [9, 3, 1]]
 */
export function vander(x: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ N?: number | null; increasing?: boolean }>(['N', 'increasing'], args);
  if (x._shape.length !== 1) throw new RuntimeError('x must be a one-dimensional tensor.');
  const n = o.N ?? x._shape[0];
  if (n < 0) throw new RuntimeError('N must be non-negative.');
  const base = x.dtype.is_floating_point ? x : to_dtype(x, int64);
  const p = pow(unsqueeze(base, 1), arange(n));
  return o.increasing ? p : flip(p, [1]);
}
