// cumsum: running sum along a dim (torch.cumsum, Tensor.cumsum, cumsum_), on the _scan primitive
// (scan.ts; exported as ONNX CumSum). Ints and bools give int64.
import type { DType } from '../dtype.js';
import { Tensor } from '../tensor.js';
import { inplace } from './_inplace.js';
import { scan, scanArgs } from './scan.js';

/**
 * torch.cumsum(input, dim, { dtype }): y[i] = x[0] + … + x[i] along dim.
 * @example
 * x.cumsum(0); torch.cumsum(x, -1, { dtype: torch.float64 });
 */
export function cumsum(input: Tensor, ...args: unknown[]): Tensor {
  const { x, dim } = scanArgs('cumsum', input, args, true);
  return scan(x, 'sum', dim)[0];
}

declare module '../tensor.js' {
  interface Tensor {
    cumsum(dim: number | { dim: number; dtype?: DType }, opts?: { dtype?: DType }): Tensor;
    cumsum_(dim: number | { dim: number; dtype?: DType }, opts?: { dtype?: DType }): Tensor;
  }
}
Tensor.prototype.cumsum = function (this: Tensor, ...args: unknown[]) {
  return cumsum(this, ...args);
};
Tensor.prototype.cumsum_ = function (this: Tensor, ...args: unknown[]) {
  return inplace(this, () => cumsum(this, ...args));
};
