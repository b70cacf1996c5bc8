// cummin: running minimum along a dim with the index it came from (torch.cummin, Tensor.cummin),
// on the _scan primitive (scan.ts; eager JS, not exportable to ONNX). Ties and NaN as PyTorch:
// the index moves to the latest equal value, and a NaN, once seen, stays.
import { Tensor } from '../tensor.js';
import { type ValuesIndices, valuesIndices } from './max.js';
import { scan, scanArgs } from './scan.js';

/**
 * torch.cummin(input, dim): (values, indices) with values[i] = min(x[0..i]) along dim.
 * @example
 * const { values, indices } = torch.cummin(x, 0);
 */
export function cummin(input: Tensor, ...args: unknown[]): ValuesIndices {
  const { x, dim } = scanArgs('cummin', input, args, false);
  const [v, i] = scan(x, 'min', dim);
  return valuesIndices(v, i);
}

declare module '../tensor.js' {
  interface Tensor {
    cummin(dim: number | { dim: number }): ValuesIndices;
  }
}
Tensor.prototype.cummin = function (this: Tensor, ...args: unknown[]) {
  return cummin(this, ...args);
};
