// In-place ops (add_, mul_, clamp_...) compute out of place, then write into self's memory and
// take over the result's autograd history, as PyTorch rebases history on in-place ops. A write
// through a view of a base whose history matters becomes one op of the base's history
// (CopySlices); the view and its siblings then rebuild theirs from the base when next used.
import { can_cast } from '../dtype.js';
import { activeTracer } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { gradMode } from '../autograd/grad_mode.js';
import { sameShape } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { to_dtype } from './to_dtype.js';
import { no_grad } from '../autograd/grad_mode.js';
import { OpNode } from '../autograd/node.js';
import { apply1 } from '../dispatch.js';
import { CopySlices, multiViewMessage, positionsOf } from './as_strided.js';
import { relativeGeometry } from './_view.js';

/**
 * Checks PyTorch's in-place rules before computing (so nothing changes on error). overlapOk:
 * writes of one value (fill_) may go into memory several elements share, as PyTorch allows.
 */
export function checkInplace(self: Tensor, overlapOk = false): void {
  if (gradMode.enabled) {
    if (self._rg && self.is_leaf) throw new RuntimeError('a leaf Variable that requires grad is being used in an in-place operation.');
    const b = self._viewOf;
    if (b !== null && b._rg && b.is_leaf) throw new RuntimeError('a view of a leaf Variable that requires grad is being used in an in-place operation.');
    if (self._multi !== null) throw new RuntimeError(multiViewMessage(self, 'is being modified inplace'));
  }
  if (!overlapOk) self._checkWritable();
}

/** Writes `result` into `self` (same shape, castable dtype) and rebases self's history. */
export function commitInplace(self: Tensor, result: Tensor, overlapOk = false): Tensor {
  if (!sameShape(result._shape, self._shape))
    throw new RuntimeError(`output with shape [${self._shape.join(', ')}] doesn't match the broadcast shape [${result._shape.join(', ')}]`);
  if (result.dtype !== self.dtype) {
    if (!can_cast(result.dtype, self.dtype))
      throw new RuntimeError(`result type ${result.dtype.scalarName} can't be cast to the desired output type ${self.dtype.scalarName}`);
    result = to_dtype(result, self.dtype);
  }
  // The new node may have saved self (mul_, pow_): it must keep the values from before the write.
  if (result.grad_fn instanceof OpNode) result.grad_fn.snapshotSaved(self);
  const tracer = activeTracer();
  const base = self._viewOf;
  if (base !== null && (tracer !== null || (gradMode.enabled && (base._rg || result._rg)))) return writeThroughView(self, base, result);
  if (result._st !== self._st || result._offset !== self._offset || !result._contig || !self._contig) self._writeDense(result._data, overlapOk);
  self._bump();
  tracer?.alias(self, result);
  const rebase = result._rg && gradMode.enabled;
  if (rebase) {
    self.grad_fn = result.grad_fn;
    self._outIdx = result._outIdx;
    self._rg = true;
  }
  if (rebase || tracer !== null) self._epoch++;
  return self;
}

/** self (a view of base) = result, recorded in base's history; self's history is rebuilt lazily. */
function writeThroughView(self: Tensor, base: Tensor, result: Tensor): Tensor {
  const pos = positionsOf(self, base);
  const geom = relativeGeometry(self, base);
  const nb = gradMode.enabled ? apply1(CopySlices, [base, result, pos], { accumulate: false, geom }) : no_grad(() => apply1(CopySlices, [base, result, pos], { accumulate: false, geom }));
  base._bump();
  activeTracer()?.alias(base, nb);
  if (nb._rg) {
    base.grad_fn = nb.grad_fn;
    base._outIdx = 0;
    base._rg = true;
  }
  base._epoch++;
  return self;
}

/** Runs an out-of-place computation as an in-place op on self. */
export function inplace(self: Tensor, compute: () => Tensor): Tensor {
  checkInplace(self);
  const r = gradMode.enabled ? compute() : no_grad(compute);
  return commitInplace(self, r);
}
