// torch.optim.Adadelta (rho, eps, weight_decay, maximize): one _adadelta_step call per dtype and group.
import { bind } from '../../src/args.js';
import { ValueError } from '../../src/errors.js';
import { _adadelta_step } from '../../src/ops/_adadelta_step.js';
import { type Commit, countStep, hyper, Optimizer, type ParamGroup, type Params } from './optimizer.js';

export interface AdadeltaOptions {
  lr?: number;
  rho?: number;
  eps?: number;
  weight_decay?: number;
  foreach?: boolean | null;
  maximize?: boolean;
}

/**
 * Adadelta (Zeiler): step sizes from running averages of squared gradients and updates.
 * @example
 * const opt = new optim.Adadelta(model.parameters(), { rho: 0.95 });
 */
export class Adadelta extends Optimizer {
  constructor(params: Params, ...args: (number | AdadeltaOptions)[]) {
    const o = bind<AdadeltaOptions & Record<string, unknown>>(['lr', 'rho', 'eps', 'weight_decay'], args);
    const d = {
      lr: o.lr ?? 1.0,
      rho: o.rho ?? 0.9,
      eps: o.eps ?? 1e-6,
      weight_decay: o.weight_decay ?? 0,
      maximize: o.maximize ?? false,
      foreach: o.foreach ?? null,
    };
    if (!(d.lr >= 0)) throw new ValueError(`Invalid learning rate: ${d.lr}`);
    if (!(d.rho >= 0 && d.rho <= 1)) throw new ValueError(`Invalid rho value: ${d.rho}`);
    if (!(d.eps >= 0)) throw new ValueError(`Invalid epsilon value: ${d.eps}`);
    if (!(d.weight_decay >= 0)) throw new ValueError(`Invalid weight_decay value: ${d.weight_decay}`);
    super(params, d);
  }

  protected _update(group: ParamGroup): Commit[] {
    const { lr, rho, eps, weight_decay, maximize } = group as ParamGroup & Required<AdadeltaOptions>;
    const commits: Commit[] = [];
    for (const [dtype, ps] of this.withGrads(group)) {
      const keys = ['square_avg', 'acc_delta'];
      const h = hyper(dtype, [lr, rho, 1 - rho, eps, weight_decay]);
      const out = _adadelta_step(h, ps.map((p) => p.grad!), ps, this.statesOf(ps, keys), { n: ps.length, weight_decay: weight_decay !== 0, maximize });
      commits.push(this.commitStates(ps, out, keys, countStep));
    }
    return commits;
  }
}
