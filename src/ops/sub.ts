// sub: input - alpha * other (torch.sub, Tensor.sub, sub_, rsub, the `-` operator).
import { bool, scalarDtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer, promote, type TensorOrScalar } from './_common.js';
import { alphaCheck } from './add.js';
import { inplace } from './_inplace.js';
import { mul } from './mul.js';
import { bf16Alpha } from './_half_alpha.js';
import { neg } from './neg.js';

export const Sub = defineOp({
  name: 'sub',
  infer: (x) => broadcastInfer(x),
  elementwise: true,
  lower: (g, x) => [g.op1('Sub', x)],
  saves: { inputs: [] },
  grad: (ctx, [gy]) => [gy, ctx.needs[1] ? neg(gy!) : null],
});

type AlphaOpt = number | { alpha?: number };
const alphaOf = (o: AlphaOpt | undefined): number => (typeof o === 'number' ? o : (o?.alpha ?? 1));

/**
 * torch.sub(input, other, { alpha }): input − alpha × other.
 * @example
 * a.sub(b); torch.sub(a, 1, { alpha: 2 });
 */
export function sub(input: TensorOrScalar, other: TensorOrScalar, opts?: AlphaOpt): Tensor {
  const alpha = alphaOf(opts);
  // PyTorch's sub_check, on the operands as given (a Python scalar counts with its own dtype).
  const ia = (input instanceof Tensor ? input.dtype : scalarDtype(input)) === bool;
  const ib = (other instanceof Tensor ? other.dtype : scalarDtype(other)) === bool;
  if (ia && ib)
    throw new RuntimeError(
      'Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.',
    );
  if (ia || ib)
    throw new RuntimeError(
      'Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.',
    );
  alphaCheck(input, other, alpha);
  const fused = alpha !== 1 ? bf16Alpha(input, other, alpha, (a, b) => sub(a, b)) : null;
  if (fused !== null) return fused;
  if (alpha !== 1) other = mul(other, alpha);
  const [a, b] = promote([input, other]);
  return apply1(Sub, [a, b], undefined);
}

/** torch.rsub(input, other, { alpha }): other − alpha × input. */
export function rsub(input: TensorOrScalar, other: TensorOrScalar, opts?: AlphaOpt): Tensor {
  return sub(other, input, opts);
}

declare module '../tensor.js' {
  interface Tensor {
    sub(other: TensorOrScalar, opts?: AlphaOpt): Tensor;
    sub_(other: TensorOrScalar, opts?: AlphaOpt): Tensor;
    subtract(other: TensorOrScalar, opts?: AlphaOpt): Tensor;
  }
}
Tensor.prototype.sub = function (this: Tensor, other: TensorOrScalar, opts?: AlphaOpt) {
  return sub(this, other, opts);
};
Tensor.prototype.subtract = Tensor.prototype.sub;
Tensor.prototype.sub_ = function (this: Tensor, other: TensorOrScalar, opts?: AlphaOpt) {
  return inplace(this, () => sub(this, other, opts));
};
