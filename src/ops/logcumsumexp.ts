// logcumsumexp: log of the running sum of exp along a dim, computed stably
// (torch.logcumsumexp, Tensor.logcumsumexp), on the _scan primitive (scan.ts; eager JS, not
// exportable to ONNX: log(cumsum(exp(x - max))) underflows where the running sum is far below the max).
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { scan, scanArgs } from './scan.js';

/**
 * torch.logcumsumexp(input, dim): y[i] = log(exp(x[0]) + … + exp(x[i])) along dim.
 * @example
 * torch.logcumsumexp(x, 0);
 */
export function logcumsumexp(input: Tensor, ...args: unknown[]): Tensor {
  const { x, dim } = scanArgs('logcumsumexp', input, args, false);
  if (!x.dtype.is_floating_point || x.dtype.isHalf)
    throw new RuntimeError(`"logcumsumexp_out_cpu" not implemented for '${x.dtype.scalarName}'`);
  return scan(x, 'logaddexp', dim)[0];
}

declare module '../tensor.js' {
  interface Tensor {
    logcumsumexp(dim: number | { dim: number }): Tensor;
  }
}
Tensor.prototype.logcumsumexp = function (this: Tensor, ...args: unknown[]) {
  return logcumsumexp(this, ...args);
};
