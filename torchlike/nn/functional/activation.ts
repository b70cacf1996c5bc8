// torch.nn.functional: activation functions. Each is one op from src/ops (softmax, elu, gelu...);
// `inplace: true` writes the result into the input, as PyTorch's inplace flag does.
import { bind } from '../../../src/args.js';
import type { DType } from '../../../src/dtype.js';
import { inplace as writeInplace } from '../../../src/ops/_inplace.js';
import { celu as celuOp, elu as eluOp, selu as seluOp } from '../../../src/ops/elu.js';
import { gelu } from '../../../src/ops/gelu.js';
import { hardsigmoid as hardsigmoidOp } from '../../../src/ops/hardsigmoid.js';
import { hardswish as hardswishOp } from '../../../src/ops/hardswish.js';
import { hardtanh as hardtanhOp } from '../../../src/ops/hardtanh.js';
import { leaky_relu as leakyReluOp } from '../../../src/ops/leaky_relu.js';
import { log_softmax as logSoftmaxOp } from '../../../src/ops/log_softmax.js';
import { mish as mishOp } from '../../../src/ops/mish.js';
import { neg } from '../../../src/ops/neg.js';
import { relu as reluOp } from '../../../src/ops/relu.js';
import { silu as siluOp } from '../../../src/ops/silu.js';
import { softmax as softmaxOp } from '../../../src/ops/softmax.js';
import type { Tensor } from '../../../src/tensor.js';

export { gelu };
export { prelu } from '../../../src/ops/prelu.js';
export { softplus } from '../../../src/ops/softplus.js';
export { sigmoid } from '../../../src/ops/sigmoid.js';
export { tanh } from '../../../src/ops/tanh.js';

type Inplace = boolean | { inplace?: boolean };
const isInplace = (o: Inplace | undefined): boolean => (typeof o === 'boolean' ? o : (o?.inplace ?? false));
const run = (input: Tensor, ip: boolean, f: (x: Tensor) => Tensor): Tensor => (ip ? writeInplace(input, () => f(input)) : f(input));

/**
 * F.relu(input, inplace = false): max(x, 0).
 * @example
 * F.relu(x); F.relu(x, { inplace: true });
 */
export function relu(input: Tensor, inplace: Inplace = false): Tensor {
  return run(input, isInplace(inplace), reluOp);
}
/** F.relu6(input, inplace = false): min(max(x, 0), 6). */
export function relu6(input: Tensor, inplace: Inplace = false): Tensor {
  return run(input, isInplace(inplace), (x) => hardtanhOp(x, 0, 6));
}
/** F.hardtanh(input, min_val = -1, max_val = 1, inplace = false) */
export function hardtanh(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ min_val: number; max_val: number; inplace: boolean }>(['min_val', 'max_val', 'inplace'], args, { min_val: -1, max_val: 1, inplace: false });
  return run(input, o.inplace, (x) => hardtanhOp(x, o.min_val, o.max_val));
}
/** F.leaky_relu(input, negative_slope = 0.01, inplace = false) */
export function leaky_relu(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ negative_slope: number; inplace: boolean }>(['negative_slope', 'inplace'], args, { negative_slope: 0.01, inplace: false });
  return run(input, o.inplace, (x) => leakyReluOp(x, o.negative_slope));
}
/** F.elu(input, alpha = 1, inplace = false) */
export function elu(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ alpha: number; inplace: boolean }>(['alpha', 'inplace'], args, { alpha: 1, inplace: false });
  return run(input, o.inplace, (x) => eluOp(x, o.alpha));
}
/** F.celu(input, alpha = 1, inplace = false) */
export function celu(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ alpha: number; inplace: boolean }>(['alpha', 'inplace'], args, { alpha: 1, inplace: false });
  return run(input, o.inplace, (x) => celuOp(x, o.alpha));
}
/** F.selu(input, inplace = false) */
export function selu(input: Tensor, inplace: Inplace = false): Tensor {
  return run(input, isInplace(inplace), seluOp);
}
/** F.silu(input, inplace = false): x·sigmoid(x). */
export function silu(input: Tensor, inplace: Inplace = false): Tensor {
  return run(input, isInplace(inplace), siluOp);
}
/** F.mish(input, inplace = false): x·tanh(softplus(x)). */
export function mish(input: Tensor, inplace: Inplace = false): Tensor {
  return run(input, isInplace(inplace), mishOp);
}
/** F.hardswish(input, inplace = false) */
export function hardswish(input: Tensor, inplace: Inplace = false): Tensor {
  return run(input, isInplace(inplace), hardswishOp);
}
/** F.hardsigmoid(input, inplace = false) */
export function hardsigmoid(input: Tensor, inplace: Inplace = false): Tensor {
  return run(input, isInplace(inplace), hardsigmoidOp);
}

type SoftmaxOpts = { dim?: number | null; dtype?: DType | string | null };

const warned = new Set<string>();
/** PyTorch's _get_softmax_dim: the legacy implicit dim, with its deprecation warning. */
function implicitDim(name: string, ndim: number): number {
  if (!warned.has(name)) {
    warned.add(name);
    process.emitWarning(`Implicit dimension choice for ${name} has been deprecated. Change the call to include dim=X as an argument.`, 'UserWarning');
  }
  return ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1;
}

function softmaxArgs(name: string, input: Tensor, args: unknown[]): { dim: number; dtype: DType | string | null | undefined } {
  const o = bind<SoftmaxOpts & { _stacklevel?: number }>(['dim', '_stacklevel', 'dtype'], args);
  const dim = o.dim ?? implicitDim(name, input.dim());
  return { dim, dtype: o.dtype };
}

/**
 * F.softmax(input, dim, { dtype }): e^x / Σ_dim e^x (numerically stable).
 * @example
 * F.softmax(logits, 1); F.softmax(logits, { dim: -1 });
 */
export function softmax(input: Tensor, ...args: unknown[]): Tensor {
  const { dim, dtype } = softmaxArgs('softmax', input, args);
  return softmaxOp(input, dim, dtype);
}
/** F.log_softmax(input, dim, { dtype }): x − logsumexp_dim(x). */
export function log_softmax(input: Tensor, ...args: unknown[]): Tensor {
  const { dim, dtype } = softmaxArgs('log_softmax', input, args);
  return logSoftmaxOp(input, dim, dtype);
}
/** F.softmin(input, dim, { dtype }): softmax(−x). */
export function softmin(input: Tensor, ...args: unknown[]): Tensor {
  const { dim, dtype } = softmaxArgs('softmin', input, args);
  return softmaxOp(neg(dtype == null ? input : input.to(dtype as DType)), dim);
}
