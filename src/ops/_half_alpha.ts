// bfloat16 a + alpha·b (add, sub): PyTorch's CPU kernel rounds alpha to bfloat16, computes
// a + alpha·b in float32 and rounds once; a separate mul would round twice (float16 does round
// twice in PyTorch 1.13, so it keeps the generic path).
import { bfloat16, float32, resultType } from '../dtype.js';
import { toBFloat16Bits, fromBFloat16Bits } from '../half.js';
import { Tensor } from '../tensor.js';
import { mul } from './mul.js';
import { to_dtype } from './to_dtype.js';

/** The fused result for two tensors whose result dtype is bfloat16, else null. */
export function bf16Alpha(input: unknown, other: unknown, alpha: number, plus: (a: Tensor, b: Tensor) => Tensor): Tensor | null {
  if (!(input instanceof Tensor) || !(other instanceof Tensor) || resultType(input, other) !== bfloat16) return null;
  const al = fromBFloat16Bits(toBFloat16Bits(alpha));
  return to_dtype(plus(to_dtype(input, float32), mul(to_dtype(other, float32), al)), bfloat16);
}
