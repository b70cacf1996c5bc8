// torch.nn.functional: batch_norm, layer_norm, group_norm. All are composites of mean/var/rsqrt/
// mul/add, so every gradient (the full batch-norm backward through the batch statistics included)
// comes from those ops. batch_norm updates the running statistics in place, with the unbiased
// variance as PyTorch does (ORT's BatchNormalization uses the biased one, ORT-FACTS §4).
import { bind } from '../../../src/args.js';
import { no_grad } from '../../../src/autograd/grad_mode.js';
import { RuntimeError, ValueError } from '../../../src/errors.js';
import { add } from '../../../src/ops/add.js';
import { mul } from '../../../src/ops/mul.js';
import { reshape } from '../../../src/ops/reshape.js';
import { rsqrt } from '../../../src/ops/rsqrt.js';
import { sub } from '../../../src/ops/sub.js';
import { varOf } from '../../../src/ops/var.js';
import type { Tensor } from '../../../src/tensor.js';

/** (x − mean) / sqrt(var + eps) over dims (biased variance), plus the statistics used. */
function standardize(x: Tensor, dims: number[], eps: number): { y: Tensor; mean: Tensor; var: Tensor } {
  const s = varOf(x, dims, 0, true);
  return { y: mul(sub(x, s.mean), rsqrt(add(s.var, eps))), mean: s.mean, var: s.var };
}

/** Shape [1, C, 1, ...] for per-channel parameters of an [N, C, ...] input. */
const channelShape = (x: Tensor): number[] => x.shape.map((s, i) => (i === 1 ? s : 1));

function affine(y: Tensor, weight: Tensor | null | undefined, bias: Tensor | null | undefined, shape: number[]): Tensor {
  if (weight) y = mul(y, reshape(weight, shape));
  if (bias) y = add(y, reshape(bias, shape));
  return y;
}

type BatchNormOpts = {
  running_mean?: Tensor | null;
  running_var?: Tensor | null;
  weight?: Tensor | null;
  bias?: Tensor | null;
  training?: boolean;
  momentum?: number;
  eps?: number;
};

/**
 * F.batch_norm(input, running_mean, running_var, weight?, bias?, training=false, momentum=0.1, eps=1e-5):
 * input [N, C, ...]. Training mode normalises with the batch statistics and updates the running
 * ones in place (running = (1 − momentum)·running + momentum·batch, unbiased variance); eval mode
 * normalises with the running statistics.
 * @example
 * F.batch_norm(x, rm, rv, w, b, true, 0.1, 1e-5); F.batch_norm(x, rm, rv, { training: false });
 */
export function batch_norm(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<BatchNormOpts>(['running_mean', 'running_var', 'weight', 'bias', 'training', 'momentum', 'eps'], args);
  const training = o.training ?? false;
  const eps = o.eps ?? 1e-5;
  const momentum = o.momentum ?? 0.1;
  const x = input;
  if (x.dim() < 2) throw new ValueError(`Expected 2D or 3D input (got ${x.dim()}D input)`);
  const shape = channelShape(x);
  const dims = x.shape.map((_, i) => i).filter((i) => i !== 1);
  const count = x.numel() / x.shape[1];
  const { running_mean: rm, running_var: rv } = o;
  if (!training) {
    if (!rm || !rv) throw new RuntimeError('running_mean and running_var must be defined in evaluation mode');
    const y = mul(sub(x, reshape(rm, shape)), reshape(rsqrt(add(rv, eps)), shape));
    return affine(y, o.weight, o.bias, shape);
  }
  if (count === 1) throw new ValueError(`Expected more than 1 value per channel when training, got input size torch.Size([${x.shape.join(', ')}])`);
  const s = standardize(x, dims, eps);
  no_grad(() => {
    if (rm) rm.mul_(1 - momentum).add_(mul(reshape(s.mean, [-1]).detach(), momentum));
    if (rv) rv.mul_(1 - momentum).add_(mul(reshape(s.var, [-1]).detach(), (momentum * count) / (count - 1)));
  });
  return affine(s.y, o.weight, o.bias, shape);
}

/**
 * F.layer_norm(input, normalized_shape, weight?, bias?, eps=1e-5): normalises over the last
 * len(normalized_shape) dims.
 * @example
 * F.layer_norm(x, [x.size(-1)]); F.layer_norm(x, [4, 5], w, b, 1e-3);
 */
export function layer_norm(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ normalized_shape: number | number[]; weight?: Tensor | null; bias?: Tensor | null; eps?: number }>(['normalized_shape', 'weight', 'bias', 'eps'], args);
  const ns = typeof o.normalized_shape === 'number' ? [o.normalized_shape] : o.normalized_shape;
  const r = input.dim();
  const tail = input.shape.slice(r - ns.length);
  if (ns.length > r || tail.some((s, i) => s !== ns[i]))
    throw new RuntimeError(`Given normalized_shape=[${ns.join(', ')}], expected input with shape [*, ${ns.join(', ')}], but got input of size[${input.shape.join(', ')}]`);
  const dims = ns.map((_, i) => r - ns.length + i);
  const { y } = standardize(input, dims, o.eps ?? 1e-5);
  return affine(y, o.weight, o.bias, ns);
}

/**
 * F.group_norm(input, num_groups, weight?, bias?, eps=1e-5): input [N, C, ...]; statistics over
 * each group of C/num_groups channels (and all spatial positions).
 * @example
 * F.group_norm(x, 2, w, b);
 */
export function group_norm(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ num_groups: number; weight?: Tensor | null; bias?: Tensor | null; eps?: number }>(['num_groups', 'weight', 'bias', 'eps'], args);
  const G = o.num_groups;
  const xs = input.shape;
  if (xs.length < 2 || xs[1] % G !== 0)
    throw new RuntimeError(`Expected number of channels in input to be divisible by num_groups, but got input of shape [${xs.join(', ')}] and num_groups=${G}`);
  const { y } = standardize(reshape(input, [xs[0], G, -1]), [2], o.eps ?? 1e-5);
  return affine(reshape(y, xs), o.weight, o.bias, channelShape(input));
}
