// copy_: writes src (broadcast, cast to self's dtype) into self. When autograd is involved the
// copy is slice_scatter over the whole tensor: self's old values get zero gradient, src its slice.
import { gradMode } from '../autograd/grad_mode.js';
import { no_grad } from '../autograd/grad_mode.js';
import { activeTracer } from '../dispatch.js';
import { Tensor } from '../tensor.js';
import { asTensor } from './_common.js';
import { checkInplace, commitInplace } from './_inplace.js';
import { expand } from './expand.js';
import { reshape } from './reshape.js';
import { slice_scatter } from './slice_scatter.js';
import { to_dtype } from './to_dtype.js';

/**
 * Tensor.copy_(src): copies src's values into self in place (src broadcasts to self's shape and
 * is converted to self's dtype). Gradients flow to src.
 * @example
 * w.copy_(torch.ones(3)); x.copy_(torch.tensor(2)); // broadcast from 0-d
 */
export function copy_(self: Tensor, src: Tensor | number | boolean): Tensor {
  checkInplace(self);
  const s = src instanceof Tensor ? src : asTensor(src, self.dtype);
  // Functional (recorded) when autograd or a tracer must see the write.
  const tracked = (gradMode.enabled && (self._rg || s._rg)) || activeTracer() !== null;
  if (!tracked) {
    const e = no_grad(() => to_dtype(expand(s, self._shape), self.dtype));
    self._writeDense(e._data);
    self._bump();
    return self;
  }
  const e = to_dtype(expand(s, self._shape), self.dtype);
  const r = self._shape.length === 0 ? reshape(slice_scatter(reshape(self, [1]), reshape(e, [1])), []) : slice_scatter(self, e);
  return commitInplace(self, r);
}

declare module '../tensor.js' {
  interface Tensor {
    copy_(src: Tensor | number | boolean, non_blocking?: boolean): Tensor;
  }
}
Tensor.prototype.copy_ = function (this: Tensor, src: Tensor | number | boolean) {
  return copy_(this, src);
};
