// msort: sort along dim 0, values only (torch.msort).
import { Tensor } from '../tensor.js';
import { sortImpl } from './sort.js';

/**
 * torch.msort(input): input sorted along its first dim (values of sort(input, 0)).
 * @example
 * torch.msort(torch.tensor([[3, 1], [2, 4]])); // [[2, 1], [3, 4]]
 */
export function msort(input: Tensor): Tensor {
  return sortImpl(input, 0, false).values;
}

declare module '../tensor.js' {
  interface Tensor {
    msort(): Tensor;
  }
}
Tensor.prototype.msort = function (this: Tensor) {
  return msort(this);
};
