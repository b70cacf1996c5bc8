// cummax: running maximum along a dim with the index it came from (torch.cummax, Tensor.cummax),
// on the _scan primitive (scan.ts; eager JS, not exportable to ONNX). Ties and NaN as PyTorch:
// the index moves to the latest equal value, and a NaN, once seen, stays.
import { Tensor } from '../tensor.js';
import { type ValuesIndices, valuesIndices } from './max.js';
import { scan, scanArgs } from './scan.js';

/**
 * torch.cummax(input, dim): (values, indices) with values[i] = max(x[0..i]) along dim.
 * @example
 * const { values, indices } = torch.cummax(x, 0);
 */
export function cummax(input: Tensor, ...args: unknown[]): ValuesIndices {
  const { x, dim } = scanArgs('cummax', input, args, false);
  const [v, i] = scan(x, 'max', dim);
  return valuesIndices(v, i);
}

declare module '../tensor.js' {
  interface Tensor {
    cummax(dim: number | { dim: number }): ValuesIndices;
  }
}
Tensor.prototype.cummax = function (this: Tensor, ...args: unknown[]) {
  return cummax(this, ...args);
};
