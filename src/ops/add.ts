// add: a + alpha * b (torch.add, Tensor.add, Tensor.add_, the `+` operator).
import { bool, resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer, promote, type TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { mul } from './mul.js';
import { bf16Alpha } from './_half_alpha.js';

export const Add = defineOp({
  name: 'add',
  infer: (x) => broadcastInfer(x),
  elementwise: true,
  lower: (g, x, _a, io) => [g.op1(io.inputs[0].dtype === bool ? 'Or' : 'Add', x)],
  saves: { inputs: [] },
  grad: (_ctx, [gy]) => [gy, gy],
});

type AlphaOpt = number | { alpha?: number };
const alphaOf = (o: AlphaOpt | undefined): number => (typeof o === 'number' ? o : (o?.alpha ?? 1));

/** PyTorch's alpha_check (add, sub): alpha must suit the result dtype. */
export function alphaCheck(input: TensorOrScalar, other: TensorOrScalar, alpha: number | boolean): void {
  if (alpha === 1) return;
  const dt = resultType(input, other);
  if (typeof alpha === 'boolean' && dt !== bool) throw new RuntimeError('Boolean alpha only supported for Boolean results.');
  if (!dt.is_floating_point && typeof alpha === 'number' && !Number.isInteger(alpha))
    throw new RuntimeError('For integral input tensors, argument alpha must not be a floating point number.');
}

/**
 * torch.add(input, other, { alpha }): input + alpha × other, with broadcasting and type promotion.
 * @example
 * torch.add(a, b, { alpha: 2 }); a.add(1);
 */
export function add(input: TensorOrScalar, other: TensorOrScalar, opts?: AlphaOpt): Tensor {
  const alpha = alphaOf(opts);
  alphaCheck(input, other, alpha);
  const fused = alpha !== 1 ? bf16Alpha(input, other, alpha, (a, b) => add(a, b)) : null;
  if (fused !== null) return fused;
  if (alpha !== 1) other = mul(other, alpha);
  const [a, b] = promote([input, other]);
  return apply1(Add, [a, b], undefined);
}

declare module '../tensor.js' {
  interface Tensor {
    add(other: TensorOrScalar, opts?: AlphaOpt): Tensor;
    add_(other: TensorOrScalar, opts?: AlphaOpt): Tensor;
  }
}
Tensor.prototype.add = function (this: Tensor, other: TensorOrScalar, opts?: AlphaOpt) {
  return add(this, other, opts);
};
Tensor.prototype.add_ = function (this: Tensor, other: TensorOrScalar, opts?: AlphaOpt) {
  return inplace(this, () => add(this, other, opts));
};
