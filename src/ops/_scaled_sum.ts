// beta·input + alpha·product, PyTorch's addmv/addr/addbmm rule: beta = 0 ignores input's values
// (NaN in it does not propagate; its gradient is zero), alpha = 1 and beta = 1 add no multiplication.
import { add } from './add.js';
import { mul } from './mul.js';
import { full } from '../creation.js';
import { bool } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import { where } from './where.js';

export function scaledSum(input: Tensor, product: Tensor, beta: number, alpha: number): Tensor {
  const p = alpha === 1 ? product : mul(product, alpha);
  const base = beta === 0 ? where(full([], true, { dtype: bool }), 0, input) : beta === 1 ? input : mul(input, beta);
  return add(base, p);
}
