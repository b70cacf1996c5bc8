// torch.nn.functional: linear functions.
import { bind } from '../../../src/args.js';
import { RuntimeError } from '../../../src/errors.js';
import { add } from '../../../src/ops/add.js';
import { matmul } from '../../../src/ops/matmul.js';
import { mul } from '../../../src/ops/mul.js';
import { permute } from '../../../src/ops/permute.js';
import { reshape } from '../../../src/ops/reshape.js';
import { sum } from '../../../src/ops/sum.js';
import type { Tensor } from '../../../src/tensor.js';

export { linear } from '../../../src/ops/linear.js';

/**
 * F.bilinear(input1, input2, weight, bias?): y_k = x1ᵀ·W_k·x2 + b_k, with input1 [..., in1],
 * input2 [..., in2], weight [out, in1, in2].
 * @example
 * F.bilinear(x1, x2, w, b);
 */
export function bilinear(input1: Tensor, input2: Tensor, weight: Tensor, ...args: unknown[]): Tensor {
  const { bias } = bind<{ bias?: Tensor | null }>(['bias'], args);
  const [out, in1, in2] = weight.shape;
  if (input1.dim() !== input2.dim()) throw new RuntimeError(`bilinear(): input dimensions do not match: got ${input1.dim()} and ${input2.dim()}`);
  if (input1.size(-1) !== in1) throw new RuntimeError(`bilinear(): input1 size does not match weight size: got ${input1.size(-1)} but expected ${in1}`);
  if (input2.size(-1) !== in2) throw new RuntimeError(`bilinear(): input2 size does not match weight size: got ${input2.size(-1)} but expected ${in2}`);
  const lead = input1.shape.slice(0, -1);
  const x1 = reshape(input1, [-1, in1]);
  const x2 = reshape(input2, [-1, 1, in2]);
  // (x1 · W viewed as [in1, out·in2]) → [N, out, in2], then · x2 summed over in2.
  const w = reshape(permute(weight, [1, 0, 2]), [in1, out * in2]);
  const t = reshape(matmul(x1, w), [-1, out, in2]);
  let y = sum(mul(t, x2), -1);
  if (bias) y = add(y, bias);
  return reshape(y, [...lead, out]);
}
