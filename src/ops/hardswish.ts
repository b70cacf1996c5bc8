// hardswish: x·relu6(x + 3)/6 (F.hardswish, nn.Hardswish). float32 at opset ≥ 14: ONNX HardSwish
// (ORT has no float64 kernel, ORT-FACTS §1); otherwise Add/Clip/Mul/Div.
import { float32 } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import { activate, defineActivation, nodes } from './_activation.js';

export const Hardswish = defineActivation<void>({
  name: 'hardswish',
  backwardName: 'HardswishBackward0',
  lower: (g, x, _a, dt) => {
    if (dt === float32 && g.opset >= 14) return g.op1('HardSwish', [x]);
    const n = nodes(g, dt);
    return n.div(n.mul(x, n.clip(n.add(x, 3), 0, 6)), 6);
  },
  // x < -3: 0; x <= 3: gy·(x/3 + 0.5); else gy (PyTorch's hardswish_backward).
  lowerGrad: (g, gy, x, _a, dt) => {
    const n = nodes(g, dt);
    const mid = n.mul(gy, n.add(n.div(x, 3), 0.5));
    return n.where(n.lt(x, -3), 0, n.where(n.le(x, 3), mid, gy));
  },
});

/**
 * hardswish(input)
 * @example
 * F.hardswish(x);
 */
export function hardswish(input: Tensor): Tensor {
  return activate(Hardswish, input, undefined);
}
