// log: natural logarithm, elementwise (torch.log, Tensor.log, log_). Integer and bool input gives the default float dtype.
import { get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { asTensor, floatOf, sameInfer } from './_common.js';
import { inplace } from './_inplace.js';
import { div } from './div.js';

export const Log = defineOp({
  name: 'log',
  infer: sameInfer,
  elementwise: true,
  lower: (g, x) => [g.op1('Log', x)],
  saves: { inputs: [0] },
  grad: (ctx, [gy]) => [div(gy!, ctx.inputs[0])],
});

/**
 * torch.log(input): natural logarithm of each element.
 * @example
 * torch.log(torch.tensor([0.5, 1, 2])); x.log(); x.log_();
 */
export function log(input: Tensor): Tensor {
  return apply1(Log, [asTensor(input, floatOf(input.dtype, get_default_dtype()))], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    log(): Tensor;
    log_(): Tensor;
  }
}
Tensor.prototype.log = function (this: Tensor) {
  return log(this);
};
Tensor.prototype.log_ = function (this: Tensor) {
  return inplace(this, () => log(this));
};
