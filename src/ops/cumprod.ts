// cumprod: running product along a dim (torch.cumprod, Tensor.cumprod, cumprod_), on the _scan primitive
// (scan.ts; eager JS, not exportable to ONNX). Ints and bools give int64.
import type { DType } from '../dtype.js';
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';
import { scan, scanArgs } from './scan.js';

/**
 * torch.cumprod(input, dim, { dtype }): y[i] = x[0] · … · x[i] along dim.
 * @example
 * x.cumprod(0); torch.cumprod(x, -1, { dtype: torch.float64 });
 */
export function cumprod(input: Tensor, ...args: unknown[]): Tensor {
  const { x, dim } = scanArgs('cumprod', input, args, true);
  return scan(x, 'prod', dim)[0];
}

declare module '../tensor.js' {
  interface Tensor {
    cumprod(dim: number | { dim: number; dtype?: DType }, opts?: { dtype?: DType }): Tensor;
    cumprod_(dim: number | { dim: number; dtype?: DType }, opts?: { dtype?: DType }): Tensor;
  }
}
Tensor.prototype.cumprod = function (this: Tensor, ...args: unknown[]) {
  return cumprod(this, ...args);
};
Tensor.prototype.cumprod_ = function (this: Tensor, ...args: unknown[]) {
  return inplace(this, () => cumprod(this, ...args));
};
