// torch.nn.utils: gradient clipping (torch/nn/utils/clip_grad.py).
import { no_grad } from '../../src/autograd/grad_mode.js';
import { RuntimeError } from '../../src/errors.js';
import { amax } from '../../src/ops/amax.js';
import { abs } from '../../src/ops/abs.js';
import { add } from '../../src/ops/add.js';
import { clamp, clamp_max } from '../../src/ops/clamp.js';
import { div } from '../../src/ops/div.js';
import { mul } from '../../src/ops/mul.js';
import { norm } from '../../src/ops/norm.js';
import { stack } from '../../src/ops/stack.js';
import { scalar_tensor } from '../../src/creation.js';
import { Tensor } from '../../src/tensor.js';
import { writeInto } from '../optim/optimizer.js';

type Params = Tensor | Iterable<Tensor>;
const gradsOf = (parameters: Params): Tensor[] =>
  (parameters instanceof Tensor ? [parameters] : [...parameters]).filter((p) => p.grad !== null).map((p) => p.grad!);

/** Python's repr of a float: 2 → '2.0', Infinity → 'inf'. */
const pyFloat = (v: number): string => (Number.isInteger(v) ? v.toFixed(1) : Number.isFinite(v) ? String(v) : v > 0 ? 'inf' : v < 0 ? '-inf' : 'nan');

/**
 * Scales all gradients together so their total norm is at most max_norm; returns the total norm
 * (of the unclipped gradients, as one vector).
 * @example
 * loss.backward();
 * nn.utils.clip_grad_norm_(model.parameters(), 1.0);
 * opt.step();
 */
export function clip_grad_norm_(
  parameters: Params,
  max_norm: number,
  norm_type: number | 'inf' | { norm_type?: number | 'inf'; error_if_nonfinite?: boolean } = 2,
  error_if_nonfinite = false,
): Tensor {
  if (typeof norm_type === 'object') {
    error_if_nonfinite = norm_type.error_if_nonfinite ?? false;
    norm_type = norm_type.norm_type ?? 2;
  }
  const ord = norm_type === 'inf' ? Infinity : Number(norm_type);
  const grads = gradsOf(parameters);
  if (grads.length === 0) return scalar_tensor(0);
  return no_grad(() => {
    let total: Tensor;
    if (ord === Infinity) {
      const norms = grads.map((g) => amax(abs(g.detach())));
      total = norms.length === 1 ? norms[0] : amax(stack(norms));
    } else total = norm(stack(grads.map((g) => norm(g.detach(), ord))), ord);
    const t = total.item() as number;
    if (error_if_nonfinite && !Number.isFinite(t))
      throw new RuntimeError(
        `The total norm of order ${pyFloat(ord)} for gradients from \`parameters\` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set \`error_if_nonfinite=False\``,
      );
    const coef = clamp_max(div(max_norm, add(total, 1e-6)), 1.0);
    for (const g of grads) writeInto(g, mul(g, coef.to(g.dtype)));
    return total;
  });
}

/**
 * Clamps every gradient to [-clip_value, clip_value] in place.
 * @example
 * nn.utils.clip_grad_value_(model.parameters(), 0.5);
 */
export function clip_grad_value_(parameters: Params, clip_value: number): void {
  no_grad(() => {
    for (const g of gradsOf(parameters)) writeInto(g, clamp(g, -clip_value, clip_value));
  });
}
