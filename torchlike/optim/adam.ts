// torch.optim.Adam (amsgrad, weight_decay, maximize); AdamW reuses it with decoupled decay.
// Each group's update is one _adam_step call per dtype; bias corrections are per-parameter inputs.
import { bind } from '../../src/args.js';
import { ValueError } from '../../src/errors.js';
import { _adam_step } from '../../src/ops/_adam_step.js';
import type { Tensor } from '../../src/tensor.js';
import { type Commit, type Hyper, hyper, Optimizer, type ParamGroup, type Params, stepTensor } from './optimizer.js';

export interface AdamOptions {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weight_decay?: number;
  amsgrad?: boolean;
  maximize?: boolean;
  foreach?: boolean | null;
  capturable?: boolean;
  differentiable?: boolean;
  fused?: boolean;
}

/** PyTorch's argument checks shared by Adam and AdamW. */
export function checkAdamArgs(lr: number, eps: number, betas: [number, number], weight_decay: number): void {
  if (!(lr >= 0)) throw new ValueError(`Invalid learning rate: ${lr}`);
  if (!(eps >= 0)) throw new ValueError(`Invalid epsilon value: ${eps}`);
  if (!(betas[0] >= 0 && betas[0] < 1)) throw new ValueError(`Invalid beta parameter at index 0: ${betas[0]}`);
  if (!(betas[1] >= 0 && betas[1] < 1)) throw new ValueError(`Invalid beta parameter at index 1: ${betas[1]}`);
  if (!(weight_decay >= 0)) throw new ValueError(`Invalid weight_decay value: ${weight_decay}`);
}

/**
 * Adam's hyper-parameter defaults from positional-or-options arguments, checked. Decoupled
 * (AdamW): weight_decay defaults to 1e-2, and the keys are AdamW's (no differentiable / fused).
 */
function adamDefaults(args: (number | [number, number] | AdamOptions)[], decoupled: boolean): Hyper {
  const o = bind<AdamOptions & Record<string, unknown>>(['lr', 'betas', 'eps', 'weight_decay', 'amsgrad'], args);
  const lr = o.lr ?? 1e-3;
  const betas = o.betas ?? [0.9, 0.999];
  const eps = o.eps ?? 1e-8;
  const weight_decay = o.weight_decay ?? (decoupled ? 1e-2 : 0);
  const amsgrad = o.amsgrad ?? false;
  const maximize = o.maximize ?? false;
  const foreach = o.foreach ?? null;
  const capturable = o.capturable ?? false;
  checkAdamArgs(lr, eps, betas as [number, number], weight_decay);
  // Key order follows torch's Adam and AdamW signatures.
  if (decoupled) return { lr, betas, eps, weight_decay, amsgrad, foreach, maximize, capturable };
  return { lr, betas, eps, weight_decay, amsgrad, maximize, foreach, capturable, differentiable: o.differentiable ?? false, fused: o.fused ?? false };
}

/**
 * Adam (Kingma & Ba), with PyTorch's options.
 * @example
 * const opt = new optim.Adam(model.parameters(), { lr: 1e-3, betas: [0.9, 0.999] });
 */
export class Adam extends Optimizer {
  /** AdamW sets this: decay the weights themselves, not through the gradient. */
  protected static readonly decoupled: boolean = false;

  constructor(params: Params, ...args: (number | [number, number] | AdamOptions)[]) {
    super(params, adamDefaults(args, (new.target as typeof Adam).decoupled));
  }

  /** One _adam_step per dtype; decoupled (AdamW): decay the weights, not the gradient. */
  protected _update(group: ParamGroup): Commit[] {
    const { lr, betas, eps, weight_decay, amsgrad, maximize } = group as ParamGroup & Required<AdamOptions>;
    const decoupled = (this.constructor as typeof Adam).decoupled;
    const [b1, b2] = betas;
    const commits: Commit[] = [];
    for (const [dtype, ps] of this.withGrads(group)) {
      const st = ps.map((p) => this.state.get(p));
      const steps = st.map((s) => (s ? ((s.step as Tensor).item() as number) : 0) + 1);
      const stepSize = hyper(dtype, steps.map((k) => lr / (1 - b1 ** k)));
      const bc2 = hyper(dtype, steps.map((k) => Math.sqrt(1 - b2 ** k)));
      const h = hyper(dtype, [weight_decay, b1, 1 - b1, b2, 1 - b2, eps, 1 - lr * weight_decay]);
      const keys = amsgrad ? ['exp_avg', 'exp_avg_sq', 'max_exp_avg_sq'] : ['exp_avg', 'exp_avg_sq'];
      const a = { n: ps.length, weight_decay: weight_decay !== 0, decoupled, amsgrad, maximize };
      const out = _adam_step(h, stepSize, bc2, ps.map((p) => p.grad!), ps, this.statesOf(ps, keys), a);
      commits.push(this.commitStates(ps, out, keys, (s, i) => (s.step = stepTensor(steps[i]))));
    }
    return commits;
  }
}
