// torch.nn loss modules: each stores its options (reduction resolved from the legacy
// size_average/reduce pair, as torch/nn/modules/loss.py's _Loss does) and calls the functional form.
import { bind } from '../../../src/args.js';
import type { Tensor } from '../../../src/tensor.js';
import * as F from '../functional/loss.js';
import { Module } from './module.js';

type Reduction = F.Reduction;
type LossOpts = {
  size_average?: boolean | null;
  reduce?: boolean | null;
  reduction?: Reduction;
};

/** The reduction: legacy size_average/reduce win when given, as in PyTorch. */
function resolveReduction<R extends string>(o: { size_average?: boolean | null; reduce?: boolean | null; reduction?: R }): R | Reduction {
  return o.size_average != null || o.reduce != null ? F._legacy_get_string(o.size_average, o.reduce) : (o.reduction ?? 'mean');
}

/** _Loss: the reduction (legacy size_average/reduce win when given, as in PyTorch). */
export class _Loss extends Module {
  reduction: Reduction;
  constructor(o: LossOpts = {}) {
    super();
    this.reduction = resolveReduction(o);
  }
}

/** _WeightedLoss: a class weight registered as the buffer `weight` (null allowed). */
export class _WeightedLoss extends _Loss {
  declare weight: Tensor | null;
  constructor(weight: Tensor | null | undefined, o: LossOpts = {}) {
    super(o);
    this.register_buffer('weight', weight ?? null);
  }
}

const LEGACY = ['size_average', 'reduce', 'reduction'];

/**
 * nn.MSELoss({ reduction }): mean squared error.
 * @example
 * const loss = new nn.MSELoss()(pred, y);
 */
export class MSELoss extends _Loss {
  constructor(...args: unknown[]) {
    super(bind<LossOpts>(LEGACY, args));
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.mse_loss(input, target, { reduction: this.reduction });
  }
}

/**
 * nn.L1Loss({ reduction }): mean absolute error.
 * @example
 * new nn.L1Loss({ reduction: 'sum' })(pred, y);
 */
export class L1Loss extends _Loss {
  constructor(...args: unknown[]) {
    super(bind<LossOpts>(LEGACY, args));
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.l1_loss(input, target, { reduction: this.reduction });
  }
}

/**
 * nn.SmoothL1Loss({ reduction, beta = 1 })
 * @example
 * new nn.SmoothL1Loss({ beta: 0.5 })(pred, y);
 */
export class SmoothL1Loss extends _Loss {
  beta: number;
  constructor(...args: unknown[]) {
    const o = bind<LossOpts & { beta?: number }>([...LEGACY, 'beta'], args);
    super(o);
    this.beta = o.beta ?? 1;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.smooth_l1_loss(input, target, { reduction: this.reduction, beta: this.beta });
  }
}

/**
 * nn.HuberLoss({ reduction, delta = 1 })
 * @example
 * new nn.HuberLoss({ delta: 2 })(pred, y);
 */
export class HuberLoss extends _Loss {
  delta: number;
  constructor(...args: unknown[]) {
    const o = bind<LossOpts & { delta?: number }>(['reduction', 'delta'], args);
    super(o);
    this.delta = o.delta ?? 1;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.huber_loss(input, target, { reduction: this.reduction, delta: this.delta });
  }
}

type ClassOpts = LossOpts & { weight?: Tensor | null; ignore_index?: number; label_smoothing?: number };

/**
 * nn.CrossEntropyLoss(weight?, { ignore_index = -100, reduction, label_smoothing = 0 })
 * @example
 * const criterion = new nn.CrossEntropyLoss();
 * criterion(logits, torch.tensor([3, 0])).backward();
 */
export class CrossEntropyLoss extends _WeightedLoss {
  ignore_index: number;
  label_smoothing: number;
  constructor(...args: unknown[]) {
    const o = bind<ClassOpts>(['weight', 'size_average', 'ignore_index', 'reduce', 'reduction', 'label_smoothing'], args);
    super(o.weight, o);
    this.ignore_index = o.ignore_index ?? -100;
    this.label_smoothing = o.label_smoothing ?? 0;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.cross_entropy(input, target, this.weight, { ignore_index: this.ignore_index, reduction: this.reduction, label_smoothing: this.label_smoothing });
  }
}

/**
 * nn.NLLLoss(weight?, { ignore_index = -100, reduction })
 * @example
 * new nn.NLLLoss()(F.log_softmax(x, 1), target);
 */
export class NLLLoss extends _WeightedLoss {
  ignore_index: number;
  constructor(...args: unknown[]) {
    const o = bind<ClassOpts>(['weight', 'size_average', 'ignore_index', 'reduce', 'reduction'], args);
    super(o.weight, o);
    this.ignore_index = o.ignore_index ?? -100;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.nll_loss(input, target, this.weight, { ignore_index: this.ignore_index, reduction: this.reduction });
  }
}

/**
 * nn.BCELoss(weight?, { reduction })
 * @example
 * new nn.BCELoss()(torch.sigmoid(logits), y);
 */
export class BCELoss extends _WeightedLoss {
  constructor(...args: unknown[]) {
    const o = bind<ClassOpts>(['weight', ...LEGACY], args);
    super(o.weight, o);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.binary_cross_entropy(input, target, this.weight, { reduction: this.reduction });
  }
}

/**
 * nn.BCEWithLogitsLoss(weight?, { reduction, pos_weight }): weight and pos_weight are buffers.
 * @example
 * new nn.BCEWithLogitsLoss({ pos_weight: torch.tensor([2.0]) })(logits, y);
 */
export class BCEWithLogitsLoss extends _Loss {
  declare weight: Tensor | null;
  declare pos_weight: Tensor | null;
  constructor(...args: unknown[]) {
    const o = bind<LossOpts & { weight?: Tensor | null; pos_weight?: Tensor | null }>(['weight', ...LEGACY, 'pos_weight'], args);
    super(o);
    this.register_buffer('weight', o.weight ?? null);
    this.register_buffer('pos_weight', o.pos_weight ?? null);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.binary_cross_entropy_with_logits(input, target, this.weight, { pos_weight: this.pos_weight, reduction: this.reduction });
  }
}

/**
 * nn.KLDivLoss({ reduction = 'mean', log_target = false }); use reduction 'batchmean' for the
 * mathematical KL divergence.
 * @example
 * new nn.KLDivLoss({ reduction: 'batchmean' })(F.log_softmax(x, 1), p);
 */
export class KLDivLoss extends Module {
  reduction: Reduction | 'batchmean';
  log_target: boolean;
  constructor(...args: unknown[]) {
    const o = bind<{ size_average?: boolean | null; reduce?: boolean | null; reduction?: Reduction | 'batchmean'; log_target?: boolean }>([...LEGACY, 'log_target'], args);
    super();
    this.reduction = resolveReduction(o);
    this.log_target = o.log_target ?? false;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return F.kl_div(input, target, { reduction: this.reduction, log_target: this.log_target });
  }
}

/** A loss of (input1, input2, target) with a margin (first positional, default 0). */
abstract class _MarginLoss extends _Loss {
  margin: number;
  constructor(...args: unknown[]) {
    const o = bind<LossOpts & { margin?: number }>(['margin', ...LEGACY], args);
    super(o);
    this.margin = o.margin ?? 0;
  }
}

/**
 * nn.CosineEmbeddingLoss(margin = 0, { reduction })
 * @example
 * new nn.CosineEmbeddingLoss({ margin: 0.2 })(a, b, torch.tensor([1, -1]));
 */
export class CosineEmbeddingLoss extends _MarginLoss {
  override forward(input1: Tensor, input2: Tensor, target: Tensor): Tensor {
    return F.cosine_embedding_loss(input1, input2, target, { margin: this.margin, reduction: this.reduction });
  }
}

/**
 * nn.MarginRankingLoss(margin = 0, { reduction })
 * @example
 * new nn.MarginRankingLoss(0.5)(s1, s2, y);
 */
export class MarginRankingLoss extends _MarginLoss {
  override forward(input1: Tensor, input2: Tensor, target: Tensor): Tensor {
    return F.margin_ranking_loss(input1, input2, target, { margin: this.margin, reduction: this.reduction });
  }
}
