// silu (swish): x·sigmoid(x) (F.silu, nn.SiLU).
import type { Tensor } from '../tensor.js';
import { activate, defineActivation, nodes } from './_activation.js';

export const Silu = defineActivation<void>({
  name: 'silu',
  backwardName: 'SiluBackward0',
  lower: (g, x, _a, dt) => {
    const n = nodes(g, dt);
    return n.mul(x, n.sigmoid(x));
  },
  // gy·s·(1 + x·(1 − s)), s = sigmoid(x)
  lowerGrad: (g, gy, x, _a, dt) => {
    const n = nodes(g, dt);
    const s = n.sigmoid(x);
    return n.mul(n.mul(gy, s), n.add(n.mul(x, n.sub(1, s)), 1));
  },
});

/**
 * silu(input): x·sigmoid(x).
 * @example
 * F.silu(x);
 */
export function silu(input: Tensor): Tensor {
  return activate(Silu, input, undefined);
}
