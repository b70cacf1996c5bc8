// softplus: log(1 + e^(beta·x))/beta, linear (x) where beta·x > threshold (F.softplus, nn.Softplus).
// log(1 + e^z) is ONNX Softplus for float32, log1p(e^z) for float64 (ORT has no float64 Softplus
// kernel, ORT-FACTS §1). The threshold is kept (PyTorch's export drops it; its eager keeps it).
import { float32 } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import { activate, defineActivation, lowerWith, nodes } from './_activation.js';
import { Log1p } from './log1p.js';

export const Softplus = defineActivation<{ beta: number; threshold: number }>({
  name: 'softplus',
  backwardName: 'SoftplusBackward0',
  lower: (g, x, a, dt) => {
    const n = nodes(g, dt);
    if (dt === float32) {
      const z = a.beta === 1 ? x : n.mul(x, a.beta);
      const sp = g.op1('Softplus', [z]);
      return n.where(n.gt(z, a.threshold), x, a.beta === 1 ? sp : n.div(sp, a.beta));
    }
    const z = n.mul(x, a.beta);
    return n.where(n.gt(z, a.threshold), x, n.div(lowerWith(g, Log1p, [n.exp(z)], undefined, dt), a.beta));
  },
  // z = e^(beta·x): gy·z/(z + 1), or gy past the threshold.
  lowerGrad: (g, gy, x, a, dt) => {
    const n = nodes(g, dt);
    const bx = n.mul(x, a.beta);
    const z = n.exp(bx);
    return n.where(n.gt(bx, a.threshold), gy, n.div(n.mul(gy, z), n.add(z, 1)));
  },
});

/**
 * softplus(input, beta = 1, threshold = 20)
 * @example
 * F.softplus(x); F.softplus(x, { beta: 2 });
 */
export function softplus(input: Tensor, beta: number | { beta?: number; threshold?: number } = 1, threshold = 20): Tensor {
  if (typeof beta === 'object') ({ beta = 1, threshold = 20 } = beta);
  return activate(Softplus, input, { beta, threshold });
}
