// hypot: √(a² + b²) (torch.hypot, Tensor.hypot, hypot_). Composite; float inputs only, as PyTorch.
import { get_default_dtype, resultType } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import { floatOf, promote, type TensorOrScalar } from './_common.js';
import { RuntimeError } from '../errors.js';
import { binaryMethods } from './_emath.js';
import { abs } from './abs.js';
import { add } from './add.js';
import { div } from './div.js';
import { eq } from './eq.js';
import { isinf } from './isinf.js';
import { logical_or } from './logical_or.js';
import { maximum } from './maximum.js';
import { where } from './where.js';
import { mul } from './mul.js';
import { sqrt } from './sqrt.js';

/**
 * torch.hypot(input, other): the hypotenuse √(input² + other²) elementwise, with broadcasting.
 * @example
 * torch.hypot(torch.tensor([3.0]), torch.tensor([4.0])); // tensor([5.])
 */
export function hypot(input: TensorOrScalar, other: TensorOrScalar): Tensor {
  const dt = resultType(...([input, other] as never[]));
  if (!dt.is_floating_point) throw new RuntimeError(`"hypot_cpu" not implemented for '${dt.scalarName}'`);
  const [a, b] = promote([input, other], floatOf(dt, get_default_dtype()));
  // scaled by m = max(|a|, |b|) so that squares neither overflow nor underflow; inf wins over NaN, as C's hypot.
  const m = maximum(abs(a), abs(b));
  const safe = where(eq(m, 0), 1, m);
  const ra = div(a, safe);
  const rb = div(b, safe);
  const h = mul(m, sqrt(add(mul(ra, ra), mul(rb, rb))));
  return where(logical_or(isinf(a), isinf(b)), Infinity, h);
}

declare module '../tensor.js' {
  interface Tensor {
    hypot(other: TensorOrScalar): Tensor;
    hypot_(other: TensorOrScalar): Tensor;
  }
}
binaryMethods('hypot', hypot as never);
