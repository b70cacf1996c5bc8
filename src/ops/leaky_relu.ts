// leaky_relu: x if x > 0 else negative_slope·x (F.leaky_relu, nn.LeakyReLU).
import { f } from '../graph/builder.js';
import type { Tensor } from '../tensor.js';
import { activate, defineActivation, nodes } from './_activation.js';

export const LeakyRelu = defineActivation<{ negative_slope: number }>({
  name: 'leaky_relu',
  backwardName: 'LeakyReluBackward0',
  lower: (g, x, a) => g.op1('LeakyRelu', [x], { alpha: f(a.negative_slope) }),
  lowerGrad: (g, gy, x, a, dt) => {
    const n = nodes(g, dt);
    return n.where(n.gt(x, 0), gy, n.mul(gy, a.negative_slope));
  },
});

/**
 * leaky_relu(input, negative_slope = 0.01)
 * @example
 * F.leaky_relu(x, 0.2);
 */
export function leaky_relu(input: Tensor, negative_slope = 0.01): Tensor {
  return activate(LeakyRelu, input, { negative_slope });
}
