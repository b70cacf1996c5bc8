// addmm: beta·input + alpha·(mat1 @ mat2) (torch.addmm, Tensor.addmm, addmm_).
import { bool } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { scalar_tensor } from '../creation.js';
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';
import { add } from './add.js';
import { clone } from './clone.js';
import { expandedShape } from './expand.js';
import { matmul } from './matmul.js';
import { mul } from './mul.js';
import { where } from './where.js';

export interface BetaAlpha {
  beta?: number;
  alpha?: number;
}

/** beta·input + alpha·product, skipping input when beta is 0 (its NaNs don't propagate, as in PyTorch). */
export function scaledAdd(input: Tensor, product: Tensor, o: BetaAlpha): Tensor {
  expandedShape(input._shape, product._shape); // PyTorch's broadcast error text
  const beta = o.beta ?? 1;
  const alpha = o.alpha ?? 1;
  const p = alpha === 1 ? product : mul(product, alpha);
  // beta = 0: input's values (NaN included) are ignored, but it stays in the graph with a zero gradient.
  if (beta === 0) return input.requires_grad ? where(scalar_tensor(true, { dtype: bool }), p, input) : p;
  // beta·input: Mul saves its inputs, but the gradient (beta·g) doesn't read input, so scale a copy
  // when autograd is on; otherwise overwriting input (addmm_, or a later in-place op on it) breaks backward.
  if (beta === 1) return add(input, p);
  return add(mul(input.requires_grad ? clone(input) : input, beta), p);
}

/**
 * torch.addmm(input, mat1, mat2, { beta = 1, alpha = 1 }): beta·input + alpha·(mat1 @ mat2),
 * input broadcasting to [n, p].
 * @example
 * torch.addmm(bias, x, w); torch.addmm(M, a, b, { beta: 0.5, alpha: 2 });
 */
export function addmm(input: Tensor, mat1: Tensor, mat2: Tensor, opts: BetaAlpha = {}): Tensor {
  if (mat1._shape.length !== 2) throw new RuntimeError(`mat1 must be a matrix, got ${mat1._shape.length}-D tensor`);
  if (mat2._shape.length !== 2) throw new RuntimeError(`mat2 must be a matrix, got ${mat2._shape.length}-D tensor`);
  return scaledAdd(input, matmul(mat1, mat2), opts);
}

declare module '../tensor.js' {
  interface Tensor {
    addmm(mat1: Tensor, mat2: Tensor, opts?: BetaAlpha): Tensor;
    addmm_(mat1: Tensor, mat2: Tensor, opts?: BetaAlpha): Tensor;
  }
}
Tensor.prototype.addmm = function (this: Tensor, mat1: Tensor, mat2: Tensor, opts?: BetaAlpha) {
  return addmm(this, mat1, mat2, opts);
};
Tensor.prototype.addmm_ = function (this: Tensor, mat1: Tensor, mat2: Tensor, opts?: BetaAlpha) {
  return inplace(this, () => addmm(this, mat1, mat2, opts));
};
