// mish: x·tanh(softplus(x)) (F.mish, nn.Mish). ONNX Mish needs opset 18; eager graphs are opset 17.
// softplus is ONNX Softplus for float32 (as PyTorch exports mish), log1p(e^x) for float64 (ORT has
// no float64 Softplus kernel, ORT-FACTS §1).
import type { GraphBuilder } from '../graph/builder.js';
import { type DType, float32 } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import { activate, defineActivation, lowerWith, nodes } from './_activation.js';
import { Log1p } from './log1p.js';

const tanhSoftplus = (g: GraphBuilder, x: string, dt: DType): string =>
  g.op1('Tanh', [dt === float32 ? g.op1('Softplus', [x]) : lowerWith(g, Log1p, [g.op1('Exp', [x])], undefined, dt)]);

export const Mish = defineActivation<void>({
  name: 'mish',
  backwardName: 'MishBackward0',
  lower: (g, x, _a, dt) => nodes(g, dt).mul(x, tanhSoftplus(g, x, dt)),
  // gy·(t + x·sigmoid(x)·(1 − t²)), t = tanh(softplus(x)) (PyTorch's mish_backward)
  lowerGrad: (g, gy, x, _a, dt) => {
    const n = nodes(g, dt);
    const t = tanhSoftplus(g, x, dt);
    return n.mul(gy, n.add(t, n.mul(n.mul(x, n.sigmoid(x)), n.sub(1, n.mul(t, t)))));
  },
});

/**
 * mish(input): x·tanh(softplus(x)).
 * @example
 * F.mish(x);
 */
export function mish(input: Tensor): Tensor {
  return activate(Mish, input, undefined);
}
