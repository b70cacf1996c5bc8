// Cosine schedules: CosineAnnealingLR (PyTorch's recursive formula, so values match it exactly)
// and CosineAnnealingWarmRestarts (SGDR).
import { ValueError } from '../../../src/errors.js';
import type { Optimizer } from '../optimizer.js';
import { LRScheduler } from './base.js';
import { _opts as opts } from './step.js';

/**
 * Cosine annealing from the initial lr to eta_min over T_max epochs (and back, periodically).
 * @example
 * new lr_scheduler.CosineAnnealingLR(opt, 50, { eta_min: 1e-5 });
 */
export class CosineAnnealingLR extends LRScheduler {
  static override _deferInit = true;
  T_max: number;
  eta_min: number;
  constructor(optimizer: Optimizer, ...args: unknown[]) {
    const o = opts<{ T_max: number; eta_min?: number; last_epoch?: number; verbose?: boolean }>(['T_max', 'eta_min', 'last_epoch', 'verbose'], args);
    super(optimizer, o.last_epoch ?? -1, o.verbose ?? false);
    this.T_max = o.T_max;
    this.eta_min = o.eta_min ?? 0;
    this._initial_step();
  }
  get_lr(): number[] {
    const { T_max: T, eta_min: lo, last_epoch: e } = this;
    const lrs = this.groupLrs();
    if (e === 0) return lrs;
    if (this._step_count === 1 && e > 0) return this.base_lrs.map((b) => lo + ((b - lo) * (1 + Math.cos((e * Math.PI) / T))) / 2);
    if (pyMod(e - 1 - T, 2 * T) === 0) return lrs.map((lr, i) => lr + ((this.base_lrs[i] - lo) * (1 - Math.cos(Math.PI / T))) / 2);
    return lrs.map((lr) => ((1 + Math.cos((Math.PI * e) / T)) / (1 + Math.cos((Math.PI * (e - 1)) / T))) * (lr - lo) + lo);
  }
  override _get_closed_form_lr(): number[] {
    return this.base_lrs.map((b) => this.eta_min + ((b - this.eta_min) * (1 + Math.cos((Math.PI * this.last_epoch) / this.T_max))) / 2);
  }
}

/** Python's % (result takes the divisor's sign). */
const pyMod = (a: number, b: number): number => ((a % b) + b) % b;

/**
 * Cosine annealing with warm restarts every T_i epochs (T_i = T_0 · T_mult^k).
 * @example
 * const s = new lr_scheduler.CosineAnnealingWarmRestarts(opt, 10, { T_mult: 2 });
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  static override _deferInit = true;
  T_0: number;
  T_i: number;
  T_mult: number;
  eta_min: number;
  T_cur: number;
  constructor(optimizer: Optimizer, ...args: unknown[]) {
    const o = opts<{ T_0: number; T_mult?: number; eta_min?: number; last_epoch?: number; verbose?: boolean }>(['T_0', 'T_mult', 'eta_min', 'last_epoch', 'verbose'], args);
    const T_mult = o.T_mult ?? 1;
    if (!(o.T_0 > 0) || !Number.isInteger(o.T_0)) throw new ValueError(`Expected positive integer T_0, but got ${o.T_0}`);
    if (T_mult < 1 || !Number.isInteger(T_mult)) throw new ValueError(`Expected integer T_mult >= 1, but got ${T_mult}`);
    super(optimizer, o.last_epoch ?? -1, o.verbose ?? false);
    this.T_0 = o.T_0;
    this.T_i = o.T_0;
    this.T_mult = T_mult;
    this.eta_min = o.eta_min ?? 0;
    this.T_cur = this.last_epoch;
    this._initial_step();
  }
  get_lr(): number[] {
    return this.base_lrs.map((b) => this.eta_min + ((b - this.eta_min) * (1 + Math.cos((Math.PI * this.T_cur) / this.T_i))) / 2);
  }
  /** step() advances one epoch; step(epoch) may be fractional (iterations within an epoch). */
  override step(epoch?: number): void {
    if (epoch === undefined && this.last_epoch < 0) epoch = 0;
    if (epoch === undefined) {
      epoch = this.last_epoch + 1;
      this.T_cur += 1;
      if (this.T_cur >= this.T_i) {
        this.T_cur -= this.T_i;
        this.T_i *= this.T_mult;
      }
    } else {
      if (epoch < 0) throw new ValueError(`Expected non-negative epoch, but got ${epoch}`);
      if (epoch >= this.T_0) {
        if (this.T_mult === 1) this.T_cur = pyMod(epoch, this.T_0);
        else {
          const n = Math.trunc(Math.log((epoch / this.T_0) * (this.T_mult - 1) + 1) / Math.log(this.T_mult));
          this.T_cur = epoch - (this.T_0 * (this.T_mult ** n - 1)) / (this.T_mult - 1);
          this.T_i = this.T_0 * this.T_mult ** n;
        }
      } else {
        this.T_i = this.T_0;
        this.T_cur = epoch;
      }
    }
    this.last_epoch = Math.floor(epoch);
    this._step_count += 1;
    const values = this.get_lr();
    this.optimizer.param_groups.forEach((g, i) => (g.lr = values[i]));
    this._last_lr = this.groupLrs();
  }
}
