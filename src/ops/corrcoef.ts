// corrcoef: Pearson correlation coefficients of the rows of a 2-D input (torch.corrcoef,
// Tensor.corrcoef): cov normalised by the standard deviations and clipped to [-1, 1], as PyTorch.
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { clamp } from './clamp.js';
import { cov } from './cov.js';
import { diagonal } from './diagonal.js';
import { div } from './div.js';
import { reshape } from './reshape.js';
import { sqrt } from './sqrt.js';

/**
 * torch.corrcoef(input): the correlation matrix of the variables in the rows of input.
 * @example
 * torch.corrcoef(torch.tensor([[0, 1, 2], [2, 1, 0]])); // [[1, -1], [-1, 1]]
 */
export function corrcoef(input: Tensor): Tensor {
  if (input._shape.length > 2)
    throw new RuntimeError(`corrcoef(): expected input to have two or fewer dimensions but got an input with ${input._shape.length} dimensions`);
  let c = cov(input);
  if (c._shape.length === 0) return div(c, c);
  const sd = sqrt(diagonal(c));
  c = div(c, reshape(sd, [-1, 1]));
  c = div(c, reshape(sd, [1, -1]));
  return clamp(c, -1, 1);
}

declare module '../tensor.js' {
  interface Tensor {
    corrcoef(): Tensor;
  }
}
Tensor.prototype.corrcoef = function (this: Tensor) {
  return corrcoef(this);
};
