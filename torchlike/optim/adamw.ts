// torch.optim.AdamW: Adam with decoupled weight decay (default 1e-2), one _adam_step per dtype.
import { bind } from '../../src/args.js';
import type { Tensor } from '../../src/tensor.js';
import { type AdamOptions, adamUpdate, checkAdamArgs } from './adam.js';
import { type Commit, Optimizer, type ParamGroup, type Params } from './optimizer.js';

/**
 * AdamW (Loshchilov & Hutter): p ← p·(1 - lr·wd), then the Adam step.
 * @example
 * const opt = new optim.AdamW(model.parameters(), { lr: 1e-3, weight_decay: 0.01 });
 */
export class AdamW extends Optimizer {
  constructor(params: Params, ...args: (number | [number, number] | AdamOptions)[]) {
    const o = bind<AdamOptions & Record<string, unknown>>(['lr', 'betas', 'eps', 'weight_decay', 'amsgrad'], args);
    const d = {
      lr: o.lr ?? 1e-3,
      betas: o.betas ?? [0.9, 0.999],
      eps: o.eps ?? 1e-8,
      weight_decay: o.weight_decay ?? 1e-2,
      amsgrad: o.amsgrad ?? false,
      foreach: o.foreach ?? null,
      maximize: o.maximize ?? false,
      capturable: o.capturable ?? false,
    };
    checkAdamArgs(d.lr, d.eps, d.betas as [number, number], d.weight_decay);
    super(params, d);
  }

  /** @internal */
  override stateOf(p: Tensor): Record<string, unknown> {
    return super.stateOf(p);
  }

  protected _update(group: ParamGroup): Commit[] {
    return [...this.withGrads(group).values()].map((ps) => adamUpdate(this, group, ps, true));
  }
}
