// fill_: sets every element to one value (a number or a 0-d tensor), in place.
import { gradMode } from '../autograd/grad_mode.js';
import { fillData } from '../creation.js';
import { RuntimeError } from '../errors.js';
import { activeTracer } from '../dispatch.js';
import { Tensor } from '../tensor.js';
import { checkInplace } from './_inplace.js';
import { writeValues } from './copy_.js';

/**
 * Tensor.fill_(value): every element set to `value` (number, boolean or 0-d tensor), in place.
 * Gradients flow to a 0-d tensor value; self's old values get zero gradient.
 * @example
 * torch.empty(2, 3).fill_(7);
 */
export function fill_(self: Tensor, value: number | boolean | Tensor): Tensor {
  if (value instanceof Tensor) {
    if (value._shape.length !== 0)
      throw new RuntimeError(`fill_ only supports 0-dimension value tensor but got tensor with ${value._shape.length} dimensions.`);
    return writeValues(self, value, true);
  }
  checkInplace(self, true);
  if ((gradMode.enabled && self._rg) || activeTracer() !== null) return writeValues(self, value, true);
  self._mutate((d) => fillData(d, value, self.dtype), true);
  self._bump();
  return self;
}

declare module '../tensor.js' {
  interface Tensor {
    fill_(value: number | boolean | Tensor): Tensor;
  }
}
Tensor.prototype.fill_ = function (this: Tensor, value: number | boolean | Tensor) {
  return fill_(this, value);
};
