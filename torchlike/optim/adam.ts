// torch.optim.Adam (amsgrad, weight_decay, maximize); AdamW reuses it with decoupled decay.
// Each group's update is one _adam_step call per dtype; bias corrections are per-parameter inputs.
import { bind } from '../../src/args.js';
import { ValueError } from '../../src/errors.js';
import { _adam_step } from '../../src/ops/_adam_step.js';
import type { Tensor } from '../../src/tensor.js';
import { type Commit, hyper, Optimizer, type ParamGroup, type Params, stepTensor, writeInto, zerosLike } from './optimizer.js';

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

/** The update shared by Adam and AdamW (decoupled: decay the weights, not the gradient). */
export function adamUpdate(opt: Optimizer & { stateOf(p: Tensor): Record<string, unknown> }, group: ParamGroup, ps: Tensor[], decoupled: boolean): Commit {
  const { lr, betas, eps, weight_decay, amsgrad, maximize } = group as ParamGroup & Required<AdamOptions>;
  const [b1, b2] = betas;
  const dtype = ps[0].dtype;
  const st = ps.map((p) => opt.state.get(p));
  const steps = st.map((s) => (s ? ((s.step as Tensor).item() as number) : 0) + 1);
  const stepSize = hyper(dtype, steps.map((k) => lr / (1 - b1 ** k)));
  const bc2 = hyper(dtype, steps.map((k) => Math.sqrt(1 - b2 ** k)));
  const h = hyper(dtype, [weight_decay, b1, 1 - b1, b2, 1 - b2, eps, 1 - lr * weight_decay]);
  const keys = amsgrad ? ['exp_avg', 'exp_avg_sq', 'max_exp_avg_sq'] : ['exp_avg', 'exp_avg_sq'];
  const states = keys.map((k) => ps.map((p, i) => (st[i]?.[k] as Tensor | undefined) ?? zerosLike(p)));
  const a = { n: ps.length, weight_decay: weight_decay !== 0, decoupled, amsgrad, maximize };
  const out = _adam_step(h, stepSize, bc2, ps.map((p) => p.grad!), ps, states, a);
  const n = ps.length;
  return () =>
    ps.forEach((p, i) => {
      writeInto(p, out[i]);
      const s = opt.stateOf(p);
      s.step = stepTensor(steps[i]);
      keys.forEach((k, j) => (s[k] = out[(j + 1) * n + i]));
    });
}

/**
 * Adam (Kingma & Ba), with PyTorch's options.
 * @example
 * const opt = new optim.Adam(model.parameters(), { lr: 1e-3, betas: [0.9, 0.999] });
 */
export class Adam extends Optimizer {
  constructor(params: Params, ...args: (number | [number, number] | AdamOptions)[]) {
    const o = bind<AdamOptions & Record<string, unknown>>(['lr', 'betas', 'eps', 'weight_decay', 'amsgrad'], args);
    const d = {
      lr: o.lr ?? 1e-3,
      betas: o.betas ?? [0.9, 0.999],
      eps: o.eps ?? 1e-8,
      weight_decay: o.weight_decay ?? 0,
      amsgrad: o.amsgrad ?? false,
      maximize: o.maximize ?? false,
      foreach: o.foreach ?? null,
      capturable: o.capturable ?? false,
      differentiable: o.differentiable ?? false,
      fused: o.fused ?? false,
    };
    checkAdamArgs(d.lr, d.eps, d.betas as [number, number], d.weight_decay);
    super(params, d);
  }

  /** @internal */
  override stateOf(p: Tensor): Record<string, unknown> {
    return super.stateOf(p);
  }

  protected _update(group: ParamGroup): Commit[] {
    return [...this.withGrads(group).values()].map((ps) => adamUpdate(this, group, ps, false));
  }
}
