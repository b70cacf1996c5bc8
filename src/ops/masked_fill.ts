// masked_fill: value where mask is true, input elsewhere (ONNX Where; mask broadcasts).
import { bool } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { checkNarrowInt } from '../creation.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { asTensor, broadcastInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { sub } from './sub.js';

export const MaskedFill = defineOp({
  name: 'masked_fill',
  // inputs: x, mask (bool), value (0-d, x's dtype)
  infer: ([x, mask]) => broadcastInfer([x, mask], x.dtype),
  lower: (g, [x, mask, v], _a, io) => {
    if (io.inputs[0].dtype !== bool) return [g.op1('Where', [mask, v, x])];
    // ORT has no bool Where (ORT-FACTS §1): (mask & v) | (!mask & x)
    return [g.op1('Or', [g.op1('And', [mask, v]), g.op1('And', [g.op1('Not', [mask]), x])])];
  },
  saves: { inputs: [1] },
  grad: (ctx, [gy]) => {
    const kept = masked_fill(gy!, ctx.inputs[1], 0);
    return [ctx.needs[0] ? kept : null, null, ctx.needs[2] ? sub(gy!, kept) : null];
  },
});

/**
 * torch.masked_fill(input, mask, value): `value` (a number or 0-d tensor) where the bool `mask`
 * is true, input elsewhere; mask broadcasts with input.
 * @example
 * x.masked_fill(x.lt(0), 0); scores.masked_fill(causal_mask, -Infinity);
 */
export function masked_fill(input: Tensor, mask: Tensor, value: number | boolean | Tensor): Tensor {
  if (mask.dtype !== bool) throw new RuntimeError(`masked_fill_ only supports boolean masks, but got mask with dtype ${mask.dtype.scalarName.toLowerCase()}`);
  if (value instanceof Tensor && value._shape.length !== 0)
    throw new RuntimeError(`masked_fill_ only supports a 0-dimensional value tensor, but got tensor with ${value._shape.length} dimension(s).`);
  if (typeof value === 'number') checkNarrowInt(value, input.dtype, true);
  return apply1(MaskedFill, [input, mask, asTensor(value, input.dtype)], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    masked_fill(mask: Tensor, value: number | boolean | Tensor): Tensor;
    masked_fill_(mask: Tensor, value: number | boolean | Tensor): Tensor;
  }
}
Tensor.prototype.masked_fill = function (this: Tensor, mask: Tensor, value: number | boolean | Tensor) {
  return masked_fill(this, mask, value);
};
Tensor.prototype.masked_fill_ = function (this: Tensor, mask: Tensor, value: number | boolean | Tensor) {
  return inplace(this, () => masked_fill(this, mask, value));
};
