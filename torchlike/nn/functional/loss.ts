// torch.nn.functional: loss functions. cross_entropy / nll_loss (class indices) and
// binary_cross_entropy are primitives (one onnxruntime call forward, one backward); the others
// are composed from public ops, as PyTorch composes them.
import { bind } from '../../../src/args.js';
import { int64 } from '../../../src/dtype.js';
import { IndexError, RuntimeError, ValueError } from '../../../src/errors.js';
import { broadcastShapes, fmtShape, sameShape } from '../../../src/shape.js';
import { Tensor } from '../../../src/tensor.js';
import { type Reduction } from '../../../src/ops/_nll_common.js';
import { _cross_entropy_loss } from '../../../src/ops/cross_entropy_loss.js';
import { _nll_loss } from '../../../src/ops/nll_loss.js';
import { _binary_cross_entropy } from '../../../src/ops/binary_cross_entropy.js';
import { abs } from '../../../src/ops/abs.js';
import { add } from '../../../src/ops/add.js';
import { div } from '../../../src/ops/div.js';
import { eq } from '../../../src/ops/eq.js';
import { exp } from '../../../src/ops/exp.js';
import { log } from '../../../src/ops/log.js';
import { lt } from '../../../src/ops/lt.js';
import { gt } from '../../../src/ops/gt.js';
import { mul } from '../../../src/ops/mul.js';
import { neg } from '../../../src/ops/neg.js';
import { clamp_min } from '../../../src/ops/clamp.js';
import { reshape } from '../../../src/ops/reshape.js';
import { sqrt } from '../../../src/ops/sqrt.js';
import { sub } from '../../../src/ops/sub.js';
import { sum } from '../../../src/ops/sum.js';
import { mean } from '../../../src/ops/mean.js';
import { where } from '../../../src/ops/where.js';
import { log_softmax } from '../../../src/ops/log_softmax.js';

export type { Reduction };

/** The legacy size_average/reduce pair as a reduction string (torch/nn/_reduction.py). */
export function _legacy_get_string(size_average: boolean | null | undefined, reduce: boolean | null | undefined): Reduction {
  const sa = size_average ?? true;
  const r = reduce ?? true;
  return sa && r ? 'mean' : r ? 'sum' : 'none';
}

type ReductionOpts = {
  size_average?: boolean | null;
  reduce?: boolean | null;
  reduction?: Reduction | string;
};

/** The reduction asked for, with PyTorch's error for an unknown one. */
function reductionOf(o: ReductionOpts): Reduction {
  if (o.size_average != null || o.reduce != null) return _legacy_get_string(o.size_average, o.reduce);
  const r = o.reduction ?? 'mean';
  if (r !== 'none' && r !== 'mean' && r !== 'sum') throw new ValueError(`${r} is not a valid value for reduction`);
  return r;
}

/** apply_loss_reduction: none / mean / sum of an elementwise loss. */
function reduceLoss(loss: Tensor, r: Reduction): Tensor {
  return r === 'none' ? loss : r === 'sum' ? sum(loss) : mean(loss);
}

/** The broadcast shape of input and target (PyTorch warns when they differ; torchlike broadcasts silently). */
function pointwiseShape(input: Tensor, target: Tensor): void {
  broadcastShapes(input._shape, target._shape);
}

type Opts = ReductionOpts & Record<string, unknown>;
const POINTWISE = ['size_average', 'reduce', 'reduction'];

/**
 * F.mse_loss(input, target, { reduction }): mean squared error.
 * @example
 * F.mse_loss(pred, y); F.mse_loss(pred, y, { reduction: 'sum' });
 */
export function mse_loss(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const o = bind<Opts>(POINTWISE, args);
  pointwiseShape(input, target);
  const d = sub(input, target);
  return reduceLoss(mul(d, d), reductionOf(o));
}

/**
 * F.l1_loss(input, target, { reduction }): mean absolute error.
 * @example
 * F.l1_loss(pred, y);
 */
export function l1_loss(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const o = bind<Opts>(POINTWISE, args);
  pointwiseShape(input, target);
  return reduceLoss(abs(sub(input, target)), reductionOf(o));
}

/**
 * F.smooth_l1_loss(input, target, { reduction, beta = 1 }): 0.5·z²/β where |z| < β, else |z| - β/2.
 * @example
 * F.smooth_l1_loss(pred, y, { beta: 0.5 });
 */
export function smooth_l1_loss(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const o = bind<Opts & { beta?: number }>([...POINTWISE, 'beta'], args);
  const beta = o.beta ?? 1;
  if (beta < 0) throw new RuntimeError('smooth_l1_loss does not support negative values for beta.');
  pointwiseShape(input, target);
  const z = abs(sub(input, target));
  if (beta === 0) return reduceLoss(z, reductionOf(o));
  const loss = where(lt(z, beta), div(mul(mul(z, z), 0.5), beta), sub(z, 0.5 * beta));
  return reduceLoss(loss, reductionOf(o));
}

/**
 * F.huber_loss(input, target, { reduction, delta = 1 }): 0.5·z² where |z| < δ, else δ·(|z| - δ/2).
 * @example
 * F.huber_loss(pred, y, { delta: 2 });
 */
export function huber_loss(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const o = bind<Opts & { delta?: number }>(['reduction', 'delta'], args);
  const delta = o.delta ?? 1;
  if (!(delta > 0)) throw new RuntimeError('huber_loss does not support non-positive values for delta.');
  pointwiseShape(input, target);
  const z = abs(sub(input, target));
  const loss = where(lt(z, delta), mul(mul(z, z), 0.5), mul(sub(z, 0.5 * delta), delta));
  return reduceLoss(loss, reductionOf(o));
}

/** nll_loss_nd's checks (PyTorch's messages): batch size, target shape per input rank, dtype, weight size. */
function checkClassTarget(input: Tensor, target: Tensor, weight: Tensor | null | undefined): void {
  const xs = input._shape;
  const ts = target._shape;
  if (xs.length < 1) throw new ValueError(`Expected 1 or more dimensions (got ${xs.length})`);
  if (xs.length !== 1 && xs[0] !== ts[0]) throw new ValueError(`Expected input batch_size (${xs[0]}) to match target batch_size (${ts[0]}).`);
  if (xs.length <= 2) {
    if (ts.length > 1) throw new RuntimeError('0D or 1D target tensor expected, multi-target not supported');
    if (xs.length === 1 && ts.length !== 0 && ts[0] !== 1) throw new RuntimeError(`size mismatch (got input: ${fmtShape(xs)} , target: ${fmtShape(ts)}`);
  } else if (xs.length === 4) {
    if (ts.length !== 3) throw new RuntimeError(`only batches of spatial targets supported (3D tensors) but got targets of dimension: ${ts.length}`);
    if (xs[0] !== ts[0] || xs[2] !== ts[1] || xs[3] !== ts[2])
      throw new RuntimeError(`size mismatch (got input: ${fmtShape(xs)} , target: ${fmtShape(ts)}`);
  } else {
    const want = [xs[0], ...xs.slice(2)];
    if (!sameShape(want, ts)) throw new RuntimeError(`Expected target size ${fmtShape(want)}, got ${fmtShape(ts)}`);
  }
  if (target.dtype !== int64) throw new RuntimeError(`expected scalar type Long but found ${target.dtype.scalarName}`);
  const c = xs.length === 1 ? xs[0] : xs[1];
  if (weight != null && (weight._shape.length !== 1 || weight._shape[0] !== c))
    throw new RuntimeError(`weight tensor should be defined either for all ${c} classes or no classes but got weight tensor of shape: ${fmtShape(weight._shape)}`);
}

/** Every target is a class in [0, C) or ignore_index ("Target 5 is out of bounds."). */
function checkTargetRange(target: Tensor, c: number, ignore_index: number): void {
  const d = target._data as BigInt64Array;
  const ii = BigInt(ignore_index);
  const hi = BigInt(c);
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (v !== ii && (v < 0n || v >= hi)) throw new IndexError(`Target ${v} is out of bounds.`);
  }
}

/** Brings an unbatched input [C] / target [] to [1, C] / [1] (undone on the result). */
function batched(input: Tensor, target: Tensor): [Tensor, Tensor, boolean] {
  if (input._shape.length !== 1) return [input, target, false];
  return [reshape(input, [1, input._shape[0]]), reshape(target, [1]), true];
}

type ClassOpts = ReductionOpts & {
  weight?: Tensor | null;
  ignore_index?: number;
  label_smoothing?: number;
};
const NLL_ARGS = ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction'];

/** The class-index path shared by nll_loss and cross_entropy. */
function classIndexLoss(input: Tensor, target: Tensor, o: ClassOpts, smoothing: number, ce: boolean): Tensor {
  const weight = o.weight ?? null;
  checkClassTarget(input, target, weight);
  const ignore_index = o.ignore_index ?? -100;
  const r = reductionOf(o);
  const [x, t, unbatched] = batched(input, target);
  checkTargetRange(t, x._shape[1], ignore_index);
  const w = weight !== null && weight.dtype !== x.dtype ? weight.to(x.dtype) : weight;
  const a = { reduction: r, ignore_index, smoothing };
  const loss = ce ? _cross_entropy_loss(x, t, w, a) : _nll_loss(x, t, w, a);
  return unbatched && r === 'none' ? reshape(loss, []) : loss;
}

/**
 * F.nll_loss(input, target, weight?, { ignore_index = -100, reduction }): the negative
 * log-likelihood of class indices, input [N, C, d...] (log-probabilities) or [C].
 * @example
 * F.nll_loss(F.log_softmax(x, 1), target);
 */
export function nll_loss(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const o = bind<ClassOpts>(NLL_ARGS, args);
  return classIndexLoss(input, target, o, 0, false);
}

/**
 * F.cross_entropy(input, target, weight?, { ignore_index = -100, reduction, label_smoothing }):
 * class indices (int64 target [N, d...]) or class probabilities (float target of input's shape).
 * Class-index targets run as one onnxruntime call forward and one backward.
 * @example
 * const loss = F.cross_entropy(logits, torch.tensor([1, 0, 4]));
 * loss.backward();
 */
export function cross_entropy(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const o = bind<ClassOpts>([...NLL_ARGS, 'label_smoothing'], args);
  const ls = o.label_smoothing ?? 0;
  if (!(ls >= 0 && ls <= 1)) throw new RuntimeError(`label_smoothing must be between 0.0 and 1.0. Got: ${ls}`);
  if (target.dtype.is_floating_point && sameShape(input._shape, target._shape)) return probTargetLoss(input, target, o, ls);
  return classIndexLoss(input, target, o, ls, true);
}

/** cross_entropy with class probabilities (torch's cross_entropy_loss_prob_target). */
function probTargetLoss(input: Tensor, target: Tensor, o: ClassOpts, ls: number): Tensor {
  if (o.ignore_index != null && o.ignore_index !== -100) throw new RuntimeError('ignore_index is not supported for floating point target');
  const r = reductionOf(o);
  const classDim = input._shape.length === 1 ? 0 : 1;
  const c = input._shape[classDim];
  const weight = o.weight ?? null;
  if (weight !== null && (weight._shape.length !== 1 || weight._shape[0] !== c))
    throw new RuntimeError(`weight tensor should be defined either for all ${c} classes or no classes but got weight tensor of shape: ${fmtShape(weight._shape)}`);
  const logp = log_softmax(input, classDim);
  const t = ls > 0 ? add(mul(target, 1 - ls), ls / c) : target;
  let prod = mul(logp, t);
  if (weight !== null) prod = mul(prod, reshape(weight, input._shape.map((_, i) => (i === classDim ? c : 1))));
  if (r === 'none') return neg(sum(prod, classDim));
  const total = neg(sum(prod));
  return r === 'sum' ? total : div(total, input.numel() / c);
}

type BceOpts = ReductionOpts & {
  weight?: Tensor | null;
  pos_weight?: Tensor | null;
};

/** A weight broadcast against the input (PyTorch expands it to the target's size). */
function checkWeight(input: Tensor, weight: Tensor | null | undefined): Tensor | null {
  if (weight == null) return null;
  broadcastShapes(input._shape, weight._shape);
  return weight.dtype === input.dtype ? weight : weight.to(input.dtype);
}

/**
 * F.binary_cross_entropy(input, target, weight?, { reduction }): input holds probabilities; each
 * log is clamped to >= -100, as in PyTorch.
 * @example
 * F.binary_cross_entropy(torch.sigmoid(logits), y);
 */
export function binary_cross_entropy(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const o = bind<BceOpts>(['weight', ...POINTWISE], args);
  if (!sameShape(input._shape, target._shape))
    throw new ValueError(
      `Using a target size (torch.Size([${target._shape.join(', ')}])) that is different to the input size (torch.Size([${input._shape.join(', ')}])) is deprecated. Please ensure they have the same size.`,
    );
  const d = input._data as Float32Array;
  for (let i = 0; i < d.length; i++) if (!(d[i] >= 0 && d[i] <= 1)) throw new RuntimeError('all elements of input should be between 0 and 1');
  const t = target.dtype === input.dtype ? target : target.to(input.dtype);
  return _binary_cross_entropy(input, t, checkWeight(input, o.weight), reductionOf(o));
}

/**
 * F.binary_cross_entropy_with_logits(input, target, weight?, { reduction, pos_weight }): sigmoid +
 * BCE in the stable log-sum-exp form, finite for logits of any size.
 * @example
 * F.binary_cross_entropy_with_logits(logits, y, null, { pos_weight: torch.tensor([3]) });
 */
export function binary_cross_entropy_with_logits(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const o = bind<BceOpts>(['weight', 'size_average', 'reduce', 'reduction', 'pos_weight'], args);
  if (!sameShape(input._shape, target._shape))
    throw new ValueError(`Target size (torch.Size([${target._shape.join(', ')}])) must be the same as input size (torch.Size([${input._shape.join(', ')}]))`);
  // max_val = max(-x, 0); log(1 + e^-x) = max_val + log(e^-max_val + e^(-x-max_val))
  const maxVal = clamp_min(neg(input), 0);
  const lse = add(log(add(exp(neg(maxVal)), exp(sub(neg(input), maxVal)))), maxVal);
  const oneMinusT = sub(1, target);
  let loss: Tensor;
  if (o.pos_weight != null) {
    const logWeight = add(mul(sub(o.pos_weight, 1), target), 1);
    loss = add(mul(oneMinusT, input), mul(logWeight, lse));
  } else loss = add(mul(oneMinusT, input), lse);
  if (o.weight != null) loss = mul(loss, o.weight);
  return reduceLoss(loss, reductionOf(o));
}

/**
 * F.kl_div(input, target, { reduction = 'mean', log_target = false }): input holds
 * log-probabilities; 'batchmean' divides the sum by the batch size.
 * @example
 * F.kl_div(F.log_softmax(x, 1), p, { reduction: 'batchmean' });
 */
export function kl_div(input: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const o = bind<Opts & { log_target?: boolean }>(['size_average', 'reduce', 'reduction', 'log_target'], args);
  let r: Reduction | 'batchmean';
  if (o.size_average != null || o.reduce != null) r = _legacy_get_string(o.size_average, o.reduce);
  else if (o.reduction === 'batchmean') r = 'batchmean';
  else r = reductionOf(o);
  let loss: Tensor;
  if (o.log_target) loss = mul(exp(target), sub(target, input));
  else {
    // xlogy(t, t) - t·x, with the t = 0 branch kept out of log's gradient.
    const pos = gt(target, 0);
    const safe = where(pos, target, 1);
    loss = sub(where(pos, mul(target, log(safe)), 0), mul(target, input));
  }
  if (r === 'batchmean') return input._shape.length === 0 ? sum(loss) : div(sum(loss), input._shape[0]);
  return reduceLoss(loss, r);
}

/**
 * F.cosine_embedding_loss(input1, input2, target, { margin = 0, reduction }): 1 - cos for target
 * 1, max(0, cos - margin) for target -1.
 * @example
 * F.cosine_embedding_loss(a, b, torch.tensor([1, -1]));
 */
export function cosine_embedding_loss(input1: Tensor, input2: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const o = bind<Opts & { margin?: number }>(['margin', 'size_average', 'reduce', 'reduction'], args);
  const td = target._shape.length;
  if (td !== 1 && td !== 0) throw new RuntimeError('0D or 1D target tensor expected, multi-target not supported');
  if (td === 1 && (input1._shape.length !== 2 || input2._shape.length !== 2))
    throw new RuntimeError(`1D target tensor expects 2D input tensors, but found inputs with sizes ${fmtShape(input1._shape)} and ${fmtShape(input2._shape)}.`);
  if (td === 0 && (input1._shape.length !== 1 || input2._shape.length !== 1))
    throw new RuntimeError(`0D target tensor expects 1D input tensors, but found inputs with sizes ${fmtShape(input1._shape)} and ${fmtShape(input2._shape)}.`);
  const EPS = 1e-12;
  const prod = sum(mul(input1, input2), td);
  const m1 = add(sum(mul(input1, input1), td), EPS);
  const m2 = add(sum(mul(input2, input2), td), EPS);
  const cos = div(prod, sqrt(mul(m1, m2)));
  const pos = where(eq(target, 1), sub(1, cos), 0);
  const negPart = where(eq(target, -1), clamp_min(sub(cos, o.margin ?? 0), 0), 0);
  return reduceLoss(add(pos, negPart), reductionOf(o));
}

/**
 * F.margin_ranking_loss(input1, input2, target, { margin = 0, reduction }): max(0, -y·(x1 - x2) + margin).
 * @example
 * F.margin_ranking_loss(s1, s2, torch.tensor([1, -1, 1], { dtype: torch.float32 }));
 */
export function margin_ranking_loss(input1: Tensor, input2: Tensor, target: Tensor, ...args: unknown[]): Tensor {
  const o = bind<Opts & { margin?: number }>(['margin', 'size_average', 'reduce', 'reduction'], args);
  const loss = clamp_min(add(mul(neg(target), sub(input1, input2)), o.margin ?? 0), 0);
  return reduceLoss(loss, reductionOf(o));
}
