// hardsigmoid: relu6(x + 3)/6 (F.hardsigmoid, nn.Hardsigmoid). float32: ONNX HardSigmoid
// (alpha 1/6, beta 1/2; ORT has no float64 kernel, ORT-FACTS §1); float64: Add/Clip/Div.
import { float32 } from '../dtype.js';
import { f } from '../graph/builder.js';
import type { Tensor } from '../tensor.js';
import { activate, defineActivation, nodes } from './_activation.js';

export const Hardsigmoid = defineActivation<void>({
  name: 'hardsigmoid',
  backwardName: 'HardsigmoidBackward0',
  lower: (g, x, _a, dt) => {
    if (dt === float32) return g.op1('HardSigmoid', [x], { alpha: f(1 / 6), beta: f(0.5) });
    const n = nodes(g, dt);
    return n.div(n.clip(n.add(x, 3), 0, 6), 6);
  },
  lowerGrad: (g, gy, x, _a, dt) => {
    const n = nodes(g, dt);
    return n.where(n.and(n.gt(x, -3), n.lt(x, 3)), n.div(gy, 6), 0);
  },
});

/**
 * hardsigmoid(input)
 * @example
 * F.hardsigmoid(x);
 */
export function hardsigmoid(input: Tensor): Tensor {
  return activate(Hardsigmoid, input, undefined);
}
