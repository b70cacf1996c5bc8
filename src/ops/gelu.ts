// gelu: x·Φ(x), exact (erf) or with the tanh approximation (F.gelu, nn.GELU).
import { RuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { activate, defineActivation, lowerWith, nodes } from './_activation.js';
import { Erf } from './erf.js';

type Approximate = 'none' | 'tanh';
const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)
const BETA = Math.SQRT2 * 0.5641895835477563; // √(2/π)
const KAPPA = 0.044715;

export const Gelu = defineActivation<{ approximate: Approximate }>({
  name: 'gelu',
  backwardName: 'GeluBackward0',
  attrKey: (a) => a.approximate,
  lower: (g, x, a, dt) => {
    const n = nodes(g, dt);
    if (a.approximate === 'tanh') {
      const inner = n.mul(n.add(x, n.mul(n.mul(n.mul(x, x), x), KAPPA)), BETA);
      return n.mul(n.mul(x, 0.5), n.add(n.tanh(inner), 1));
    }
    // erf's own lowering (float64 nodes where ORT lacks a float64 Erf).
    const cdf = n.mul(n.add(lowerWith(g, Erf, [n.mul(x, SQRT1_2)], undefined, dt), 1), 0.5);
    return n.mul(x, cdf);
  },
  // PyTorch's gelu_backward formulas.
  lowerGrad: (g, gy, x, a, dt) => {
    const n = nodes(g, dt);
    const x2 = n.mul(x, x);
    if (a.approximate === 'tanh') {
      const t = n.tanh(n.mul(n.add(x, n.mul(n.mul(x2, x), KAPPA)), BETA));
      const left = n.mul(n.add(t, 1), 0.5);
      const right = n.mul(n.mul(n.mul(x, 0.5), n.sub(1, n.mul(t, t))), n.mul(n.add(n.mul(x2, 3 * KAPPA), 1), BETA));
      return n.mul(gy, n.add(left, right));
    }
    const cdf = n.mul(n.add(lowerWith(g, Erf, [n.mul(x, SQRT1_2)], undefined, dt), 1), 0.5);
    const pdf = n.mul(n.exp(n.mul(x2, -0.5)), INV_SQRT_2PI);
    return n.mul(gy, n.add(cdf, n.mul(x, pdf)));
  },
});

/**
 * gelu(input, { approximate: 'none' | 'tanh' })
 * @example
 * F.gelu(x); F.gelu(x, { approximate: 'tanh' });
 */
export function gelu(input: Tensor, approximate: Approximate | { approximate?: Approximate } = 'none'): Tensor {
  const ap = typeof approximate === 'string' ? approximate : (approximate.approximate ?? 'none');
  if (ap !== 'none' && ap !== 'tanh') throw new RuntimeError(`approximate argument must be either none or tanh.`);
  return activate(Gelu, input, { approximate: ap });
}
