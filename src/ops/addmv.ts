// addmv: beta·input + alpha·(mat @ vec) (a composite of matmul).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';
import { scaledSum } from './_scaled_sum.js';
import { matmul } from './matmul.js';

/**
 * torch.addmv(input, mat, vec, beta=1, alpha=1): beta·input + alpha·mat·vec.
 * @example
 * torch.addmv(b, W, x, { alpha: 0.5 });
 */
export function addmv(input: Tensor, mat: Tensor, vec: Tensor, ...args: unknown[]): Tensor {
  const { beta, alpha } = bind<{ beta: number; alpha: number }>(['beta', 'alpha'], args, { beta: 1, alpha: 1 });
  if (mat.dim() !== 2 || vec.dim() !== 1)
    throw new RuntimeError(`vector + matrix @ vector expected, got ${input.dim()}, ${mat.dim()}, ${vec.dim()}`);
  if (mat._shape[1] !== vec._shape[0]) throw new RuntimeError(`size mismatch, got input (${input._shape[0] ?? 1}), mat (${mat._shape[0]}x${mat._shape[1]}), vec (${vec._shape[0]})`);
  return scaledSum(input, matmul(mat, vec), beta, alpha);
}

declare module '../tensor.js' {
  interface Tensor {
    addmv(mat: Tensor, vec: Tensor, opts?: { beta?: number; alpha?: number }): Tensor;
    addmv_(mat: Tensor, vec: Tensor, opts?: { beta?: number; alpha?: number }): Tensor;
  }
}
Tensor.prototype.addmv = function (this: Tensor, mat: Tensor, vec: Tensor, ...args: unknown[]) {
  return addmv(this, mat, vec, ...args);
};
Tensor.prototype.addmv_ = function (this: Tensor, mat: Tensor, vec: Tensor, ...args: unknown[]) {
  return inplace(this, () => addmv(this, mat, vec, ...args));
};
