// elu family: scale·x for x > 0, else scale·alpha·(e^(input_scale·x) − 1). elu, selu and celu are
// this one op with PyTorch's constants (its elu(input, alpha, scale, input_scale) primitive).
import { float32 } from '../dtype.js';
import { f, type GraphBuilder } from '../graph/builder.js';
import type { Tensor } from '../tensor.js';
import { activate, defineActivation, nodes } from './_activation.js';

interface EluAttrs {
  alpha: number;
  scale: number;
  input_scale: number;
}

export const Elu = defineActivation<EluAttrs>({
  name: 'elu',
  backwardName: 'EluBackward0',
  lower: (g, x, a, dt) => {
    const std = dt === float32 ? standard(g, x, a) : null;
    if (std) return std;
    const n = nodes(g, dt);
    const neg = n.mul(n.sub(n.exp(n.mul(x, a.input_scale)), 1), a.scale * a.alpha);
    return n.where(n.gt(x, 0), n.mul(x, a.scale), neg);
  },
  // x <= 0: gy·scale·alpha·input_scale·e^(input_scale·x); else gy·scale (PyTorch's elu_backward).
  lowerGrad: (g, gy, x, a, dt) => {
    const n = nodes(g, dt);
    const neg = n.mul(gy, n.mul(n.exp(n.mul(x, a.input_scale)), a.scale * a.alpha * a.input_scale));
    return n.where(n.gt(x, 0), n.mul(gy, a.scale), neg);
  },
});

/**
 * float32 (ORT has no float64 Elu/Selu/Celu kernels, ORT-FACTS §1): the ONNX op these attrs spell,
 * as PyTorch exports it, or null (a scale and input_scale no ONNX op has: the composite).
 */
function standard(g: GraphBuilder, x: string, a: EluAttrs): string | null {
  if (a.scale === 1 && a.input_scale === 1) return g.op1('Elu', [x], { alpha: f(a.alpha) });
  if (a.input_scale === 1) return g.op1('Selu', [x], { alpha: f(a.alpha), gamma: f(a.scale) });
  if (a.scale === 1 && Math.abs(a.input_scale * a.alpha - 1) < 1e-12) return g.op1('Celu', [x], { alpha: f(a.alpha) });
  return null;
}

const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE = 1.0507009873554804934193349852946;

/**
 * elu(input, alpha = 1): x if x > 0 else alpha·(e^x − 1).
 * @example
 * F.elu(x); F.elu(x, 0.5);
 */
export function elu(input: Tensor, alpha = 1): Tensor {
  return activate(Elu, input, { alpha, scale: 1, input_scale: 1 });
}
/** selu(input): scale·elu(x, alpha) with the self-normalising constants. */
export function selu(input: Tensor): Tensor {
  return activate(Elu, input, { alpha: SELU_ALPHA, scale: SELU_SCALE, input_scale: 1 });
}
/** celu(input, alpha = 1): max(0, x) + min(0, alpha·(e^(x/alpha) − 1)). */
export function celu(input: Tensor, alpha = 1): Tensor {
  return activate(Elu, input, { alpha, scale: 1, input_scale: 1 / alpha });
}
