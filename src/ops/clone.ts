// clone: a copy that stays in the graph. Also contiguous() (always contiguous here: returns self).
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';

export const Clone = defineOp({
  name: 'clone',
  infer: sameInfer,
  lower: (g, x) => [g.op1('Identity', x)],
  // Identity would hand back the same buffer; the eager copy is a plain typed-array copy.
  eager: (x, _a, out) => [new Tensor((x[0]._data as Float32Array).slice(), out[0].shape, out[0].dtype)],
  saves: { inputs: [] },
  grad: (_ctx, [gy]) => [gy],
});

/** torch.clone(input): a copy with its own memory; gradients flow through. */
export function clone(input: Tensor): Tensor {
  return apply1(Clone, [input], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    clone(): Tensor;
    /** Tensors here are always contiguous: returns this tensor. */
    contiguous(): Tensor;
  }
}
Tensor.prototype.clone = function (this: Tensor) {
  return clone(this);
};
Tensor.prototype.contiguous = function (this: Tensor) {
  return this;
};
