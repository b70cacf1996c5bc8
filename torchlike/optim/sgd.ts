// torch.optim.SGD (momentum, dampening, nesterov, weight_decay, maximize): each group's update is
// one _sgd_step call per dtype.
import { bind } from '../../src/args.js';
import { ValueError } from '../../src/errors.js';
import { _sgd_step } from '../../src/ops/_sgd_step.js';
import type { Tensor } from '../../src/tensor.js';
import { type Commit, hyper, Optimizer, type ParamGroup, type Params, writeInto, zerosLike } from './optimizer.js';

export interface SGDOptions {
  lr?: number;
  momentum?: number;
  dampening?: number;
  weight_decay?: number;
  nesterov?: boolean;
  maximize?: boolean;
  foreach?: boolean | null;
  differentiable?: boolean;
}

/**
 * Stochastic gradient descent, optionally with (Nesterov) momentum.
 * @example
 * const opt = new optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 });
 * opt.zero_grad(); loss.backward(); opt.step();
 */
export class SGD extends Optimizer {
  constructor(params: Params, ...args: (number | SGDOptions)[]) {
    const o = bind<SGDOptions & Record<string, unknown>>(['lr', 'momentum', 'dampening', 'weight_decay', 'nesterov'], args);
    const d = {
      lr: o.lr ?? 1e-3,
      momentum: o.momentum ?? 0,
      dampening: o.dampening ?? 0,
      weight_decay: o.weight_decay ?? 0,
      nesterov: o.nesterov ?? false,
      maximize: o.maximize ?? false,
      foreach: o.foreach ?? null,
      differentiable: o.differentiable ?? false,
    };
    if (d.lr < 0) throw new ValueError(`Invalid learning rate: ${d.lr}`);
    if (d.momentum < 0) throw new ValueError(`Invalid momentum value: ${d.momentum}`);
    if (d.weight_decay < 0) throw new ValueError(`Invalid weight_decay value: ${d.weight_decay}`);
    if (d.nesterov && (d.momentum <= 0 || d.dampening !== 0)) throw new ValueError('Nesterov momentum requires a momentum and zero dampening');
    super(params, d);
  }

  protected _update(group: ParamGroup): Commit[] {
    const { lr, momentum, dampening, weight_decay, nesterov, maximize } = group as ParamGroup & Required<SGDOptions>;
    const commits: Commit[] = [];
    for (const [dtype, ps] of this.withGrads(group)) {
      const bufs = ps.map((p) => this.state.get(p)?.momentum_buffer as Tensor | null | undefined);
      const fresh = hyper(dtype, bufs.map((b) => (b == null ? 1 : 0)));
      const h = hyper(dtype, [lr, weight_decay, momentum, 1 - dampening]);
      const a = { n: ps.length, weight_decay: weight_decay !== 0, momentum: momentum !== 0, nesterov, maximize };
      const out = _sgd_step(h, fresh, ps.map((p) => p.grad!), ps, bufs.map((b, i) => b ?? zerosLike(ps[i])), a);
      commits.push(() =>
        ps.forEach((p, i) => {
          writeInto(p, out[i]);
          this.stateOf(p).momentum_buffer = a.momentum ? out[ps.length + i] : null;
        }),
      );
    }
    return commits;
  }
}
