// torch.optim.RMSprop (alpha, eps, centered, momentum, weight_decay, maximize): one
// _rmsprop_step call per dtype and group.
import { bind } from '../../src/args.js';
import { ValueError } from '../../src/errors.js';
import { _rmsprop_step } from '../../src/ops/_rmsprop_step.js';
import { type Commit, countStep, hyper, Optimizer, type ParamGroup, type Params } from './optimizer.js';

export interface RMSpropOptions {
  lr?: number;
  alpha?: number;
  eps?: number;
  weight_decay?: number;
  momentum?: number;
  centered?: boolean;
  foreach?: boolean | null;
  maximize?: boolean;
  differentiable?: boolean;
}

/**
 * RMSprop, as in PyTorch (eps added outside the square root).
 * @example
 * const opt = new optim.RMSprop(model.parameters(), { lr: 0.01, momentum: 0.9, centered: true });
 */
export class RMSprop extends Optimizer {
  constructor(params: Params, ...args: (number | boolean | RMSpropOptions)[]) {
    const o = bind<RMSpropOptions & Record<string, unknown>>(['lr', 'alpha', 'eps', 'weight_decay', 'momentum', 'centered'], args);
    const d = {
      lr: o.lr ?? 1e-2,
      momentum: o.momentum ?? 0,
      alpha: o.alpha ?? 0.99,
      eps: o.eps ?? 1e-8,
      centered: o.centered ?? false,
      weight_decay: o.weight_decay ?? 0,
      foreach: o.foreach ?? null,
      maximize: o.maximize ?? false,
      differentiable: o.differentiable ?? false,
    };
    if (!(d.lr >= 0)) throw new ValueError(`Invalid learning rate: ${d.lr}`);
    if (!(d.eps >= 0)) throw new ValueError(`Invalid epsilon value: ${d.eps}`);
    if (!(d.momentum >= 0)) throw new ValueError(`Invalid momentum value: ${d.momentum}`);
    if (!(d.weight_decay >= 0)) throw new ValueError(`Invalid weight_decay value: ${d.weight_decay}`);
    if (!(d.alpha >= 0)) throw new ValueError(`Invalid alpha value: ${d.alpha}`);
    super(params, d);
  }

  protected _update(group: ParamGroup): Commit[] {
    const { lr, alpha, eps, weight_decay, momentum, centered, maximize } = group as ParamGroup & Required<RMSpropOptions>;
    const commits: Commit[] = [];
    for (const [dtype, ps] of this.withGrads(group)) {
      const keys = ['square_avg', ...(momentum > 0 ? ['momentum_buffer'] : []), ...(centered ? ['grad_avg'] : [])];
      const h = hyper(dtype, [lr, alpha, 1 - alpha, eps, weight_decay, momentum]);
      const a = { n: ps.length, weight_decay: weight_decay !== 0, momentum: momentum > 0, centered, maximize };
      const out = _rmsprop_step(h, ps.map((p) => p.grad!), ps, this.statesOf(ps, keys), a);
      commits.push(this.commitStates(ps, out, keys, countStep));
    }
    return commits;
  }
}
