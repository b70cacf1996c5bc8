// In-place ops (add_, mul_, clamp_...) compute out of place, then write into self's memory and
// take over the result's autograd history, as PyTorch rebases history on in-place ops.
import { can_cast } from '../dtype.js';
import { activeTracer } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { gradMode } from '../autograd/grad_mode.js';
import { sameShape } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { to_dtype } from './to_dtype.js';
import { no_grad } from '../autograd/grad_mode.js';
import { OpNode } from '../autograd/node.js';

/** Checks PyTorch's in-place rules before computing (so nothing changes on error). */
export function checkInplace(self: Tensor): void {
  if (gradMode.enabled && self._rg && self.is_leaf)
    throw new RuntimeError('a leaf Variable that requires grad is being used in an in-place operation.');
}

/** Writes `result` into `self` (same shape, castable dtype) and rebases self's history. */
export function commitInplace(self: Tensor, result: Tensor): Tensor {
  if (!sameShape(result._shape, self._shape))
    throw new RuntimeError(`output with shape [${self._shape.join(', ')}] doesn't match the broadcast shape [${result._shape.join(', ')}]`);
  if (result.dtype !== self.dtype) {
    if (!can_cast(result.dtype, self.dtype))
      throw new RuntimeError(`result type ${result.dtype.scalarName} can't be cast to the desired output type ${self.dtype.scalarName}`);
    result = to_dtype(result, self.dtype);
  }
  // The new node may have saved self (mul_, pow_): it must keep the values from before the write.
  if (result.grad_fn instanceof OpNode) result.grad_fn.snapshotSaved(self);
  const d = self._st.data;
  if (result._st.data !== d) (d as Float32Array).set(result._st.data as Float32Array);
  self._bump();
  activeTracer()?.alias(self, result);
  if (result._rg && gradMode.enabled) {
    self.grad_fn = result.grad_fn;
    self._outIdx = result._outIdx;
    self._rg = true;
  }
  return self;
}

/** Runs an out-of-place computation as an in-place op on self. */
export function inplace(self: Tensor, compute: () => Tensor): Tensor {
  checkInplace(self);
  const r = gradMode.enabled ? compute() : no_grad(compute);
  return commitInplace(self, r);
}
