// outer: outer product of two 1-D tensors (torch.outer, torch.ger, Tensor.outer, Tensor.ger).
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { mul } from './mul.js';
import { reshape } from './reshape.js';

/**
 * torch.outer(input, vec2): out[i][j] = input[i]·vec2[j], with type promotion.
 * @example
 * torch.outer(torch.arange(3), torch.arange(2)); // shape [3, 2]
 */
export function outer(input: Tensor, vec2: Tensor): Tensor {
  if (input._shape.length !== 1) throw new RuntimeError(`outer: Expected 1-D argument self, but got ${input._shape.length}-D`);
  if (vec2._shape.length !== 1) throw new RuntimeError(`outer: Expected 1-D argument vec2, but got ${vec2._shape.length}-D`);
  return mul(reshape(input, [input._shape[0], 1]), vec2);
}

/** torch.ger: the old name of torch.outer. */
export const ger = outer;

declare module '../tensor.js' {
  interface Tensor {
    outer(vec2: Tensor): Tensor;
    ger(vec2: Tensor): Tensor;
  }
}
Tensor.prototype.outer = function (this: Tensor, vec2: Tensor) {
  return outer(this, vec2);
};
Tensor.prototype.ger = Tensor.prototype.outer;
