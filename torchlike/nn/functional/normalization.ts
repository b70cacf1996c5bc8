// torch.nn.functional: batch_norm, layer_norm, group_norm. Each is one fused primitive forward
// (src/ops/native_*_norm.ts: output and saved statistics in one onnxruntime call; batch_norm's
// training mode also writes the running statistics, unbiased variance as PyTorch) and one fused
// primitive backward. While an exporter traces, eval-mode batch_norm is written as plain
// arithmetic on the running statistics, which constant folding turns into a per-channel affine
// the exporter folds into a preceding Conv.
import { bind } from '../../../src/args.js';
import { activeTracer } from '../../../src/dispatch.js';
import { RuntimeError, ValueError } from '../../../src/errors.js';
import { add } from '../../../src/ops/add.js';
import { mul } from '../../../src/ops/mul.js';
import { native_batch_norm } from '../../../src/ops/native_batch_norm.js';
import { native_group_norm } from '../../../src/ops/native_group_norm.js';
import { native_layer_norm } from '../../../src/ops/native_layer_norm.js';
import { reshape } from '../../../src/ops/reshape.js';
import { rsqrt } from '../../../src/ops/rsqrt.js';
import { sub } from '../../../src/ops/sub.js';
import type { Tensor } from '../../../src/tensor.js';

/** Shape [1, C, 1, ...] for per-channel parameters of an [N, C, ...] input. */
const channelShape = (x: Tensor): number[] => x.shape.map((s, i) => (i === 1 ? s : 1));

/** Eval-mode batch_norm as composed arithmetic (what an exporter's constant folding can fold). */
function batchNormEvalComposed(x: Tensor, rm: Tensor, rv: Tensor, weight: Tensor | null | undefined, bias: Tensor | null | undefined, eps: number): Tensor {
  const shape = channelShape(x);
  let y = mul(sub(x, reshape(rm, shape)), reshape(rsqrt(add(rv, eps)), shape));
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
  const count = x.numel() / x.shape[1];
  const { running_mean: rm, running_var: rv } = o;
  if (!training) {
    if (!rm || !rv) throw new RuntimeError('running_mean and running_var must be defined in evaluation mode');
    if (activeTracer() !== null) return batchNormEvalComposed(x, rm, rv, o.weight, o.bias, eps);
    return native_batch_norm(x, o.weight, o.bias, rm, rv, false, momentum, eps)[0];
  }
  if (count === 1) throw new ValueError(`Expected more than 1 value per channel when training, got input size torch.Size([${x.shape.join(', ')}])`);
  return native_batch_norm(x, o.weight, o.bias, rm, rv, true, momentum, eps)[0];
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
  return native_layer_norm(input, ns, o.weight, o.bias, o.eps ?? 1e-5)[0];
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
  return native_group_norm(input, o.weight, o.bias, G, o.eps ?? 1e-5)[0];
}
