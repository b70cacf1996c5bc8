// copy_: writes src (broadcast, cast to self's dtype) into self. When autograd or a tracer is
// involved the copy is slice_scatter over the whole tensor: self's old values get zero gradient,
// src its slice. fill_ writes through the same path (one value: shared memory is allowed).
import { gradMode } from '../autograd/grad_mode.js';
import { no_grad } from '../autograd/grad_mode.js';
import { activeTracer } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { numel } from '../shape.js';
import { isDenseNonOverlapping, PARTIAL_OVERLAP_MESSAGE } from '../strided.js';
import { Tensor } from '../tensor.js';
import { asTensor } from './_common.js';
import { checkInplace, commitInplace } from './_inplace.js';
import { expand } from './expand.js';
import { reshape } from './reshape.js';
import { slice_scatter } from './slice_scatter.js';
import { to_dtype } from './to_dtype.js';

/** PyTorch's assert_no_partial_overlap: src and self may be the same memory or apart, not partly both. */
function checkNoPartialOverlap(self: Tensor, src: Tensor): void {
  if (self._st !== src._st) return;
  const n = numel(self._shape);
  const m = numel(src._shape);
  if (n === 0 || m === 0) return;
  const ds = self._stridesOrDense;
  const dt = src._stridesOrDense;
  if (!isDenseNonOverlapping(self._shape, ds) || !isDenseNonOverlapping(src._shape, dt)) return; // too hard: PyTorch allows it
  const a0 = self._offset;
  const b0 = src._offset;
  if (a0 === b0 && n === m) {
    if (ds.every((s, i) => s === dt[i])) return;
    throw new RuntimeError(PARTIAL_OVERLAP_MESSAGE);
  }
  if (a0 < b0 + m && b0 < a0 + n) throw new RuntimeError(PARTIAL_OVERLAP_MESSAGE);
}

/** The shared body of copy_ and fill_ (fill: one value, so memory shared by several elements is fine). */
export function writeValues(self: Tensor, src: Tensor | number | boolean, fill: boolean): Tensor {
  checkInplace(self, fill);
  const s = src instanceof Tensor ? src : asTensor(src, self.dtype);
  if (!fill) checkNoPartialOverlap(self, s);
  // Functional (recorded) when autograd or a tracer must see the write.
  const tracked = (gradMode.enabled && (self._rg || s._rg)) || activeTracer() !== null;
  if (!tracked) {
    const e = no_grad(() => to_dtype(expand(s, self._shape), self.dtype));
    self._writeDense(e._data, fill);
    self._bump();
    return self;
  }
  const e = to_dtype(expand(s, self._shape), self.dtype);
  const r = self._shape.length === 0 ? reshape(slice_scatter(reshape(self, [1]), reshape(e, [1])), []) : slice_scatter(self, e);
  return commitInplace(self, r, fill);
}

/**
 * Tensor.copy_(src): copies src's values into self in place (src broadcasts to self's shape and
 * is converted to self's dtype). Gradients flow to src.
 * @example
 * w.copy_(torch.ones(3)); x.copy_(torch.tensor(2)); // broadcast from 0-d
 */
export function copy_(self: Tensor, src: Tensor | number | boolean): Tensor {
  return writeValues(self, src, false);
}

declare module '../tensor.js' {
  interface Tensor {
    copy_(src: Tensor | number | boolean, non_blocking?: boolean): Tensor;
  }
}
Tensor.prototype.copy_ = function (this: Tensor, src: Tensor | number | boolean) {
  return copy_(this, src);
};
