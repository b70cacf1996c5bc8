// Step-wise schedules: LambdaLR, MultiplicativeLR, StepLR, MultiStepLR, ConstantLR, LinearLR,
// ExponentialLR, PolynomialLR (torch/optim/lr_scheduler.py, same recursive formulas).
import { bind } from '../../../src/args.js';
import { ValueError } from '../../../src/errors.js';
import type { Optimizer } from '../optimizer.js';
import { LRScheduler } from './base.js';

type LrLambda = (epoch: number) => number;

function lambdas(optimizer: Optimizer, f: LrLambda | LrLambda[]): LrLambda[] {
  const n = optimizer.param_groups.length;
  if (!Array.isArray(f)) return Array(n).fill(f);
  if (f.length !== n) throw new ValueError(`Expected ${n} lr_lambdas, but got ${f.length}`);
  return f.slice();
}

/**
 * lr = base_lr × lr_lambda(epoch).
 * @example
 * new lr_scheduler.LambdaLR(opt, (epoch) => 0.95 ** epoch);
 */
export class LambdaLR extends LRScheduler {
  static override _deferInit = true;
  lr_lambdas: LrLambda[];
  constructor(optimizer: Optimizer, lr_lambda: LrLambda | LrLambda[], ...args: unknown[]) {
    const { last_epoch, verbose } = bind<{ last_epoch: number; verbose: boolean }>(['last_epoch', 'verbose'], args, { last_epoch: -1, verbose: false });
    super(optimizer, last_epoch, verbose);
    this.lr_lambdas = lambdas(optimizer, lr_lambda);
    this._initial_step();
  }
  get_lr(): number[] {
    return this.base_lrs.map((b, i) => b * this.lr_lambdas[i](this.last_epoch));
  }
  override state_dict() {
    const { lr_lambdas: _drop, ...rest } = super.state_dict();
    return { ...rest, lr_lambdas: this.lr_lambdas.map(() => null) };
  }
  override load_state_dict(sd: Record<string, unknown>): void {
    const { lr_lambdas: _drop, ...rest } = sd;
    super.load_state_dict(rest);
  }
}

/**
 * lr = previous lr × lr_lambda(epoch) (from epoch 1 on).
 * @example
 * new lr_scheduler.MultiplicativeLR(opt, () => 0.95);
 */
export class MultiplicativeLR extends LambdaLR {
  override get_lr(): number[] {
    if (this.last_epoch > 0) return this.groupLrs().map((lr, i) => lr * this.lr_lambdas[i](this.last_epoch));
    return this.groupLrs();
  }
}

/** Reads opts-or-positional arguments: (optimizer, a, b, { c }) as PyTorch's keyword arguments. */
function opts<T extends Record<string, unknown>>(names: string[], args: unknown[]): T {
  const out: Record<string, unknown> = {};
  const last = args[args.length - 1];
  const pos = last !== null && typeof last === 'object' && !Array.isArray(last) ? args.slice(0, -1) : args;
  pos.forEach((v, i) => v !== undefined && (out[names[i]] = v));
  if (pos.length < args.length) Object.assign(out, last as object);
  return out as T;
}
export { opts as _opts };

/**
 * Multiplies lr by gamma every step_size epochs.
 * @example
 * new lr_scheduler.StepLR(opt, 30, { gamma: 0.1 });
 */
export class StepLR extends LRScheduler {
  static override _deferInit = true;
  step_size: number;
  gamma: number;
  constructor(optimizer: Optimizer, ...args: unknown[]) {
    const o = opts<{ step_size: number; gamma?: number; last_epoch?: number; verbose?: boolean }>(['step_size', 'gamma', 'last_epoch', 'verbose'], args);
    super(optimizer, o.last_epoch ?? -1, o.verbose ?? false);
    this.step_size = o.step_size;
    this.gamma = o.gamma ?? 0.1;
    this._initial_step();
  }
  get_lr(): number[] {
    if (this.last_epoch === 0 || this.last_epoch % this.step_size !== 0) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * this.gamma);
  }
  override _get_closed_form_lr(): number[] {
    return this.base_lrs.map((b) => b * this.gamma ** Math.floor(this.last_epoch / this.step_size));
  }
}

/**
 * Multiplies lr by gamma at each milestone (repeated milestones multiply repeatedly).
 * @example
 * new lr_scheduler.MultiStepLR(opt, [30, 80], { gamma: 0.1 });
 */
export class MultiStepLR extends LRScheduler {
  static override _deferInit = true;
  milestones: Record<number, number>;
  gamma: number;
  constructor(optimizer: Optimizer, ...args: unknown[]) {
    const o = opts<{ milestones: number[]; gamma?: number; last_epoch?: number; verbose?: boolean }>(['milestones', 'gamma', 'last_epoch', 'verbose'], args);
    super(optimizer, o.last_epoch ?? -1, o.verbose ?? false);
    this.milestones = {};
    for (const m of o.milestones) this.milestones[m] = (this.milestones[m] ?? 0) + 1;
    this.gamma = o.gamma ?? 0.1;
    this._initial_step();
  }
  get_lr(): number[] {
    const k = this.milestones[this.last_epoch];
    if (!k) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * this.gamma ** k);
  }
  override _get_closed_form_lr(): number[] {
    let passed = 0;
    for (const [m, k] of Object.entries(this.milestones)) if (Number(m) <= this.last_epoch) passed += k;
    return this.base_lrs.map((b) => b * this.gamma ** passed);
  }
}

/**
 * lr × factor until total_iters, then lr.
 * @example
 * new lr_scheduler.ConstantLR(opt, { factor: 0.5, total_iters: 4 });
 */
export class ConstantLR extends LRScheduler {
  static override _deferInit = true;
  factor: number;
  total_iters: number;
  constructor(optimizer: Optimizer, ...args: unknown[]) {
    const o = opts<{ factor?: number; total_iters?: number; last_epoch?: number; verbose?: boolean }>(['factor', 'total_iters', 'last_epoch', 'verbose'], args);
    const factor = o.factor ?? 1 / 3;
    if (factor > 1 || factor < 0) throw new ValueError('Constant multiplicative factor expected to be between 0 and 1.');
    super(optimizer, o.last_epoch ?? -1, o.verbose ?? false);
    this.factor = factor;
    this.total_iters = o.total_iters ?? 5;
    this._initial_step();
  }
  get_lr(): number[] {
    if (this.last_epoch === 0) return this.groupLrs().map((lr) => lr * this.factor);
    if (this.last_epoch !== this.total_iters) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * (1 / this.factor));
  }
  override _get_closed_form_lr(): number[] {
    return this.base_lrs.map((b) => b * (this.factor + (this.last_epoch >= this.total_iters ? 1 : 0) * (1 - this.factor)));
  }
}

/**
 * Linear ramp of the lr factor from start_factor to end_factor over total_iters.
 * @example
 * new lr_scheduler.LinearLR(opt, { start_factor: 0.1, total_iters: 10 });
 */
export class LinearLR extends LRScheduler {
  static override _deferInit = true;
  start_factor: number;
  end_factor: number;
  total_iters: number;
  constructor(optimizer: Optimizer, ...args: unknown[]) {
    const o = opts<{ start_factor?: number; end_factor?: number; total_iters?: number; last_epoch?: number; verbose?: boolean }>(
      ['start_factor', 'end_factor', 'total_iters', 'last_epoch', 'verbose'],
      args,
    );
    const s = o.start_factor ?? 1 / 3;
    const e = o.end_factor ?? 1;
    if (s > 1 || s < 0) throw new ValueError('Starting multiplicative factor expected to be between 0 and 1.');
    if (e > 1 || e < 0) throw new ValueError('Ending multiplicative factor expected to be between 0 and 1.');
    super(optimizer, o.last_epoch ?? -1, o.verbose ?? false);
    this.start_factor = s;
    this.end_factor = e;
    this.total_iters = o.total_iters ?? 5;
    this._initial_step();
  }
  get_lr(): number[] {
    const { start_factor: s, end_factor: e, total_iters: n } = this;
    if (this.last_epoch === 0) return this.groupLrs().map((lr) => lr * s);
    if (this.last_epoch > n) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * (1 + (e - s) / (n * s + (this.last_epoch - 1) * (e - s))));
  }
  override _get_closed_form_lr(): number[] {
    const { start_factor: s, end_factor: e, total_iters: n } = this;
    return this.base_lrs.map((b) => b * (s + ((e - s) * Math.min(n, this.last_epoch)) / n));
  }
}

/**
 * Multiplies lr by gamma every epoch.
 * @example
 * new lr_scheduler.ExponentialLR(opt, 0.9);
 */
export class ExponentialLR extends LRScheduler {
  static override _deferInit = true;
  gamma: number;
  constructor(optimizer: Optimizer, ...args: unknown[]) {
    const o = opts<{ gamma: number; last_epoch?: number; verbose?: boolean }>(['gamma', 'last_epoch', 'verbose'], args);
    super(optimizer, o.last_epoch ?? -1, o.verbose ?? false);
    this.gamma = o.gamma;
    this._initial_step();
  }
  get_lr(): number[] {
    if (this.last_epoch === 0) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * this.gamma);
  }
  override _get_closed_form_lr(): number[] {
    return this.base_lrs.map((b) => b * this.gamma ** this.last_epoch);
  }
}

/**
 * Polynomial decay to 0 over total_iters.
 * @example
 * new lr_scheduler.PolynomialLR(opt, { total_iters: 4, power: 2 });
 */
export class PolynomialLR extends LRScheduler {
  static override _deferInit = true;
  total_iters: number;
  power: number;
  constructor(optimizer: Optimizer, ...args: unknown[]) {
    const o = opts<{ total_iters?: number; power?: number; last_epoch?: number; verbose?: boolean }>(['total_iters', 'power', 'last_epoch', 'verbose'], args);
    super(optimizer, o.last_epoch ?? -1, o.verbose ?? false);
    this.total_iters = o.total_iters ?? 5;
    this.power = o.power ?? 1;
    this._initial_step();
  }
  get_lr(): number[] {
    const n = this.total_iters;
    if (this.last_epoch === 0 || this.last_epoch > n) return this.groupLrs();
    const f = ((1 - this.last_epoch / n) / (1 - (this.last_epoch - 1) / n)) ** this.power;
    return this.groupLrs().map((lr) => lr * f);
  }
  override _get_closed_form_lr(): number[] {
    const n = this.total_iters;
    return this.base_lrs.map((b) => b * (1 - Math.min(n, this.last_epoch) / n) ** this.power);
  }
}
