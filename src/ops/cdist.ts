// cdist, dist, pdist, pairwise_distance, cosine_similarity: distances written with
// linalg.vector_norm (its gradient is 0 at a zero distance, as PyTorch's).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { add } from './add.js';
import { clamp_min } from './clamp.js';
import { div } from './div.js';
import { mul } from './mul.js';
import { vector_norm } from './norm.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { unsqueeze } from './unsqueeze.js';
import { int64 } from '../dtype.js';
import { reshape } from './reshape.js';
import { take } from './take.js';

/**
 * torch.cdist(x1, x2, p=2): the p-norm distance between each row of x1 [..., P, M] and each
 * row of x2 [..., R, M], shape [..., P, R].
 * @example
 * torch.cdist(torch.randn(5, 3), torch.randn(4, 3)); // [5, 4]
 */
export function cdist(x1: Tensor, x2: Tensor, ...args: unknown[]): Tensor {
  const { p } = bind<{ p: number; compute_mode?: string | null }>(['p', 'compute_mode'], args, { p: 2 });
  if (x1.dim() < 2) throw new RuntimeError(`cdist only supports at least 2D tensors, X1 got: ${x1.dim()}D`);
  if (x2.dim() < 2) throw new RuntimeError(`cdist only supports at least 2D tensors, X2 got: ${x2.dim()}D`);
  const m1 = x1._shape[x1.dim() - 1];
  const m2 = x2._shape[x2.dim() - 1];
  if (m1 !== m2) throw new RuntimeError(`X1 and X2 must have the same number of columns. X1: ${m1} X2: ${m2}`);
  if (p < 0) throw new RuntimeError('cdist only supports non-negative p values');
  return vector_norm(sub(unsqueeze(x1, -2), unsqueeze(x2, -3)), p, -1);
}

/**
 * torch.dist(input, other, p=2): the p-norm of input − other (broadcast).
 * @example
 * torch.dist(torch.zeros(3), torch.ones(3)); // √3
 */
export function dist(input: Tensor, other: Tensor, ...args: unknown[]): Tensor {
  const { p } = bind<{ p: number }>(['p'], args, { p: 2 });
  return vector_norm(sub(input, other), p);
}

/**
 * torch.pdist(input, p=2): distances between every pair of rows i < j of a 2-D input, in
 * row-major order of the pairs.
 * @example
 * torch.pdist(torch.randn(4, 3)); // 6 distances
 */
export function pdist(input: Tensor, ...args: unknown[]): Tensor {
  const { p } = bind<{ p: number }>(['p'], args, { p: 2 });
  if (input.dim() !== 2) throw new RuntimeError(`pdist only supports 2D tensors, got: ${input.dim()}D`);
  const n = input._shape[0];
  const pairs: bigint[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push(BigInt(i * n + j));
  const all = cdist(input, input, p);
  return take(reshape(all, [-1]), new Tensor(BigInt64Array.from(pairs), [pairs.length], int64));
}

/**
 * torch.pairwise_distance(x1, x2, p=2, eps=1e-6, keepdim=False): ‖x1 − x2 + eps‖_p over the last dim.
 * @example
 * torch.pairwise_distance(a, b);
 */
export function pairwise_distance(x1: Tensor, x2: Tensor, ...args: unknown[]): Tensor {
  const { p, eps, keepdim } = bind<{ p: number; eps: number; keepdim: boolean }>(['p', 'eps', 'keepdim'], args, { p: 2, eps: 1e-6, keepdim: false });
  const r = Math.max(x1.dim(), x2.dim());
  const d = add(sub(x1, x2), eps);
  return vector_norm(d, p, r === 0 ? null : -1, keepdim);
}

/**
 * torch.cosine_similarity(x1, x2, dim=1, eps=1e-8): Σ (x1 / max(‖x1‖, eps))·(x2 / max(‖x2‖, eps))
 * along dim (PyTorch 1.13's formula, which its gradients at zero vectors follow).
 * @example
 * torch.cosine_similarity(a, b, 0);
 */
export function cosine_similarity(x1: Tensor, x2: Tensor, ...args: unknown[]): Tensor {
  const { dim, eps } = bind<{ dim: number; eps: number }>(['dim', 'eps'], args, { dim: 1, eps: 1e-8 });
  const r = Math.max(x1.dim(), x2.dim());
  const d = normDim(dim, r);
  const unit = (x: Tensor) => div(x, clamp_min(vector_norm(x, 2, d - (r - x.dim()) < 0 ? null : d - (r - x.dim()), true), eps));
  return sum(mul(unit(x1), unit(x2)), d);
}

declare module '../tensor.js' {
  interface Tensor {
    dist(other: Tensor, p?: number | { p?: number }): Tensor;
  }
}
Tensor.prototype.dist = function (this: Tensor, other: Tensor, ...args: unknown[]) {
  return dist(this, other, ...args);
};
