// ReduceLROnPlateau: lowers lr by `factor` when a metric stops improving for `patience` epochs.
import { bind } from '../../../src/args.js';
import { TorchTypeError, ValueError } from '../../../src/errors.js';
import { Optimizer } from '../optimizer.js';

export interface PlateauOptions {
  mode?: 'min' | 'max';
  factor?: number;
  patience?: number;
  threshold?: number;
  threshold_mode?: 'rel' | 'abs';
  cooldown?: number;
  min_lr?: number | number[];
  eps?: number;
  verbose?: boolean;
}

/**
 * Reduce the learning rate when a metric has stopped improving.
 * @example
 * const s = new lr_scheduler.ReduceLROnPlateau(opt, { mode: 'min', patience: 5 });
 * s.step(valLoss);
 */
export class ReduceLROnPlateau {
  optimizer: Optimizer;
  factor: number;
  min_lrs: number[];
  patience: number;
  verbose: boolean;
  cooldown: number;
  cooldown_counter = 0;
  mode: 'min' | 'max';
  threshold: number;
  threshold_mode: 'rel' | 'abs';
  best: number;
  num_bad_epochs = 0;
  mode_worse: number;
  eps: number;
  last_epoch = 0;
  _last_lr: number[] = [];

  constructor(optimizer: Optimizer, ...args: unknown[]) {
    const o = bind<PlateauOptions & Record<string, unknown>>(['mode', 'factor', 'patience', 'threshold', 'threshold_mode', 'cooldown', 'min_lr', 'eps', 'verbose'], args);
    const factor = o.factor ?? 0.1;
    if (factor >= 1) throw new ValueError('Factor should be < 1.0.');
    if (!(optimizer instanceof Optimizer)) throw new TorchTypeError(`${(optimizer as object)?.constructor?.name} is not an Optimizer`);
    this.factor = factor;
    this.optimizer = optimizer;
    const n = optimizer.param_groups.length;
    if (Array.isArray(o.min_lr)) {
      if (o.min_lr.length !== n) throw new ValueError(`expected ${n} min_lrs, got ${o.min_lr.length}`);
      this.min_lrs = o.min_lr.slice();
    } else this.min_lrs = Array(n).fill(o.min_lr ?? 0);
    this.patience = o.patience ?? 10;
    this.verbose = o.verbose ?? false;
    this.cooldown = o.cooldown ?? 0;
    this.mode = o.mode ?? 'min';
    this.threshold = o.threshold ?? 1e-4;
    this.threshold_mode = o.threshold_mode ?? 'rel';
    this.eps = o.eps ?? 1e-8;
    if (this.mode !== 'min' && this.mode !== 'max') throw new ValueError(`mode ${this.mode} is unknown!`);
    if (this.threshold_mode !== 'rel' && this.threshold_mode !== 'abs') throw new ValueError(`threshold mode ${this.threshold_mode} is unknown!`);
    this.mode_worse = this.mode === 'min' ? Infinity : -Infinity;
    this.best = this.mode_worse;
  }

  /** Records one epoch's metric (a number or a one-element tensor). */
  step(metrics: number | { item(): number | boolean }, epoch?: number): void {
    const current = typeof metrics === 'number' ? metrics : Number(metrics.item());
    this.last_epoch = epoch ?? this.last_epoch + 1;
    if (this.is_better(current, this.best)) {
      this.best = current;
      this.num_bad_epochs = 0;
    } else this.num_bad_epochs += 1;
    if (this.in_cooldown) {
      this.cooldown_counter -= 1;
      this.num_bad_epochs = 0;
    }
    if (this.num_bad_epochs > this.patience) {
      this.reduce();
      this.cooldown_counter = this.cooldown;
      this.num_bad_epochs = 0;
    }
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr);
  }

  private reduce(): void {
    this.optimizer.param_groups.forEach((g, i) => {
      const old = g.lr;
      const next = Math.max(old * this.factor, this.min_lrs[i]);
      if (old - next > this.eps) {
        g.lr = next;
        if (this.verbose) console.log(`Epoch ${this.last_epoch}: reducing learning rate of group ${i} to ${next.toExponential(4)}.`);
      }
    });
  }

  get in_cooldown(): boolean {
    return this.cooldown_counter > 0;
  }

  is_better(a: number, best: number): boolean {
    if (this.mode === 'min' && this.threshold_mode === 'rel') return a < best * (1 - this.threshold);
    if (this.mode === 'min') return a < best - this.threshold;
    if (this.threshold_mode === 'rel') return a > best * (this.threshold + 1);
    return a > best + this.threshold;
  }

  get_last_lr(): number[] {
    return this._last_lr;
  }

  state_dict(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) if (k !== 'optimizer') out[k] = structuredClone(v);
    return out;
  }

  load_state_dict(state_dict: Record<string, unknown>): void {
    Object.assign(this, structuredClone(state_dict));
  }
}
