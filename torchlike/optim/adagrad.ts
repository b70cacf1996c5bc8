// torch.optim.Adagrad (lr_decay, weight_decay, initial_accumulator_value, eps, maximize): state is
// created at construction, as in PyTorch; one _adagrad_step call per dtype and group.
import { bind } from '../../src/args.js';
import { ValueError } from '../../src/errors.js';
import { _adagrad_step } from '../../src/ops/_adagrad_step.js';
import type { Tensor } from '../../src/tensor.js';
import { type Commit, hyper, Optimizer, type ParamGroup, type Params, stepTensor, writeInto, zerosLike } from './optimizer.js';

export interface AdagradOptions {
  lr?: number;
  lr_decay?: number;
  weight_decay?: number;
  initial_accumulator_value?: number;
  eps?: number;
  foreach?: boolean | null;
  maximize?: boolean;
}

/**
 * Adagrad: per-coordinate step sizes from the running sum of squared gradients.
 * @example
 * const opt = new optim.Adagrad(model.parameters(), { lr: 0.1, lr_decay: 1e-3 });
 */
export class Adagrad extends Optimizer {
  constructor(params: Params, ...args: (number | AdagradOptions)[]) {
    const o = bind<AdagradOptions & Record<string, unknown>>(['lr', 'lr_decay', 'weight_decay', 'initial_accumulator_value', 'eps'], args);
    const d = {
      lr: o.lr ?? 1e-2,
      lr_decay: o.lr_decay ?? 0,
      eps: o.eps ?? 1e-10,
      weight_decay: o.weight_decay ?? 0,
      initial_accumulator_value: o.initial_accumulator_value ?? 0,
      foreach: o.foreach ?? null,
      maximize: o.maximize ?? false,
    };
    if (!(d.lr >= 0)) throw new ValueError(`Invalid learning rate: ${d.lr}`);
    if (!(d.lr_decay >= 0)) throw new ValueError(`Invalid lr_decay value: ${d.lr_decay}`);
    if (!(d.weight_decay >= 0)) throw new ValueError(`Invalid weight_decay value: ${d.weight_decay}`);
    if (!(d.initial_accumulator_value >= 0)) throw new ValueError(`Invalid initial_accumulator_value value: ${d.initial_accumulator_value}`);
    if (!(d.eps >= 0)) throw new ValueError(`Invalid epsilon value: ${d.eps}`);
    super(params, d);
    for (const g of this.param_groups) for (const p of g.params) this.initState(p, g);
  }

  private initState(p: Tensor, g: ParamGroup): void {
    const s = this.stateOf(p);
    s.step = stepTensor(0);
    s.sum = zerosLike(p, g.initial_accumulator_value as number);
  }

  protected _update(group: ParamGroup): Commit[] {
    const { lr, lr_decay, eps, weight_decay, maximize } = group as ParamGroup & Required<AdagradOptions>;
    const commits: Commit[] = [];
    for (const [dtype, ps] of this.withGrads(group)) {
      // Groups added later get their state here (PyTorch creates it only in __init__).
      for (const p of ps) if (!this.state.get(p)?.sum) this.initState(p, group);
      const steps = ps.map((p) => ((this.state.get(p)!.step as Tensor).item() as number) + 1);
      const clr = hyper(dtype, steps.map((k) => lr / (1 + (k - 1) * lr_decay)));
      const h = hyper(dtype, [eps, weight_decay]);
      const a = { n: ps.length, weight_decay: weight_decay !== 0, maximize };
      const out = _adagrad_step(h, clr, ps.map((p) => p.grad!), ps, ps.map((p) => this.state.get(p)!.sum as Tensor), a);
      commits.push(() =>
        ps.forEach((p, i) => {
          writeInto(p, out[i]);
          const s = this.stateOf(p);
          s.step = stepTensor(steps[i]);
          s.sum = out[ps.length + i];
        }),
      );
    }
    return commits;
  }
}
