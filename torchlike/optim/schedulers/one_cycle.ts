// OneCycleLR (Smith & Topin's 1cycle): lr up to max_lr then down to min_lr (cos or linear
// annealing, optional three phases), with momentum / beta1 cycled inversely.
import { bind } from '../../../src/args.js';
import { ValueError } from '../../../src/errors.js';
import { TorchTypeError } from '../../../src/errors.js';
import { Optimizer } from '../optimizer.js';
import { LRScheduler } from './base.js';

/** PyTorch's positional order after (optimizer, max_lr). */
const ONE_CYCLE_ARGS = ['total_steps', 'epochs', 'steps_per_epoch', 'pct_start', 'anneal_strategy', 'cycle_momentum', 'base_momentum', 'max_momentum', 'div_factor', 'final_div_factor', 'three_phase', 'last_epoch', 'verbose'];

export interface OneCycleOptions {
  total_steps?: number | null;
  epochs?: number | null;
  steps_per_epoch?: number | null;
  pct_start?: number;
  anneal_strategy?: 'cos' | 'linear';
  cycle_momentum?: boolean;
  base_momentum?: number | number[];
  max_momentum?: number | number[];
  div_factor?: number;
  final_div_factor?: number;
  three_phase?: boolean;
  last_epoch?: number;
  verbose?: boolean;
}

interface Phase {
  end_step: number;
  start_lr: string;
  end_lr: string;
  start_momentum: string;
  end_momentum: string;
}

function perGroup(name: string, optimizer: Optimizer, v: number | number[]): number[] {
  const n = optimizer.param_groups.length;
  if (!Array.isArray(v)) return Array(n).fill(v);
  if (v.length !== n) throw new ValueError(`expected ${n} values for ${name}, got ${v.length}`);
  return v;
}

const annealCos = (start: number, end: number, pct: number): number => end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);
const annealLinear = (start: number, end: number, pct: number): number => (end - start) * pct + start;

/**
 * The 1cycle policy; call step() after every batch.
 * @example
 * const s = new lr_scheduler.OneCycleLR(opt, 0.1, { total_steps: 1000 });
 */
export class OneCycleLR extends LRScheduler {
  static override _deferInit = true;
  total_steps: number;
  _schedule_phases: Phase[];
  anneal_strategy: 'cos' | 'linear';
  cycle_momentum: boolean;
  use_beta1 = false;

  constructor(optimizer: Optimizer, max_lr: number | number[], ...args: [o?: OneCycleOptions | number | null, ...rest: unknown[]]) {
    const o: OneCycleOptions = bind<Record<string, any>>(ONE_CYCLE_ARGS, args);
    if (!(optimizer instanceof Optimizer)) throw new TorchTypeError(`${(optimizer as object)?.constructor?.name} is not an Optimizer`);
    let total: number;
    if (o.total_steps == null && o.epochs == null && o.steps_per_epoch == null)
      throw new ValueError('You must define either total_steps OR (epochs AND steps_per_epoch)');
    else if (o.total_steps != null) {
      if (o.total_steps <= 0 || !Number.isInteger(o.total_steps)) throw new ValueError(`Expected positive integer total_steps, but got ${o.total_steps}`);
      total = o.total_steps;
    } else {
      if (!(o.epochs! > 0) || !Number.isInteger(o.epochs)) throw new ValueError(`Expected positive integer epochs, but got ${o.epochs}`);
      if (!(o.steps_per_epoch! > 0) || !Number.isInteger(o.steps_per_epoch))
        throw new ValueError(`Expected positive integer steps_per_epoch, but got ${o.steps_per_epoch}`);
      total = o.epochs! * o.steps_per_epoch!;
    }
    const pct = o.pct_start ?? 0.3;
    const phases: Phase[] = o.three_phase
      ? [
          { end_step: pct * total - 1, start_lr: 'initial_lr', end_lr: 'max_lr', start_momentum: 'max_momentum', end_momentum: 'base_momentum' },
          { end_step: 2 * pct * total - 2, start_lr: 'max_lr', end_lr: 'initial_lr', start_momentum: 'base_momentum', end_momentum: 'max_momentum' },
          { end_step: total - 1, start_lr: 'initial_lr', end_lr: 'min_lr', start_momentum: 'max_momentum', end_momentum: 'max_momentum' },
        ]
      : [
          { end_step: pct * total - 1, start_lr: 'initial_lr', end_lr: 'max_lr', start_momentum: 'max_momentum', end_momentum: 'base_momentum' },
          { end_step: total - 1, start_lr: 'max_lr', end_lr: 'min_lr', start_momentum: 'base_momentum', end_momentum: 'max_momentum' },
        ];
    if (pct < 0 || pct > 1) throw new ValueError(`Expected float between 0 and 1 pct_start, but got ${pct}`);
    const strategy = o.anneal_strategy ?? 'cos';
    if (strategy !== 'cos' && strategy !== 'linear') throw new ValueError(`anneal_strategy must by one of 'cos' or 'linear', instead got ${strategy}`);
    const last_epoch = o.last_epoch ?? -1;
    const maxLrs = perGroup('max_lr', optimizer, max_lr);
    const div = o.div_factor ?? 25;
    const finalDiv = o.final_div_factor ?? 1e4;
    if (last_epoch === -1)
      optimizer.param_groups.forEach((g, i) => {
        g.initial_lr = maxLrs[i] / div;
        g.max_lr = maxLrs[i];
        g.min_lr = (g.initial_lr as number) / finalDiv;
      });
    const cycle = o.cycle_momentum ?? true;
    let useBeta1 = false;
    if (cycle) {
      if (!('momentum' in optimizer.defaults) && !('betas' in optimizer.defaults))
        throw new ValueError('optimizer must support momentum with `cycle_momentum` option enabled');
      useBeta1 = 'betas' in optimizer.defaults;
      const maxM = perGroup('max_momentum', optimizer, o.max_momentum ?? 0.95);
      const baseM = perGroup('base_momentum', optimizer, o.base_momentum ?? 0.85);
      if (last_epoch === -1)
        optimizer.param_groups.forEach((g, i) => {
          if (useBeta1) g.betas = [maxM[i], ...(g.betas as number[]).slice(1)];
          else g.momentum = maxM[i];
          g.max_momentum = maxM[i];
          g.base_momentum = baseM[i];
        });
    }
    super(optimizer, last_epoch, o.verbose ?? false);
    this.total_steps = total;
    this._schedule_phases = phases;
    this.anneal_strategy = strategy;
    this.cycle_momentum = cycle;
    this.use_beta1 = useBeta1;
    this._initial_step();
  }

  get_lr(): number[] {
    const step = this.last_epoch;
    if (step > this.total_steps) throw new ValueError(`Tried to step ${step + 1} times. The specified number of total steps is ${this.total_steps}`);
    const anneal = this.anneal_strategy === 'cos' ? annealCos : annealLinear;
    return this.optimizer.param_groups.map((g) => {
      let start = 0;
      let lr = 0;
      let mom = 0;
      const phases = this._schedule_phases;
      for (let i = 0; i < phases.length; i++) {
        const ph = phases[i];
        if (step <= ph.end_step || i === phases.length - 1) {
          const pct = (step - start) / (ph.end_step - start);
          lr = anneal(g[ph.start_lr] as number, g[ph.end_lr] as number, pct);
          if (this.cycle_momentum) mom = anneal(g[ph.start_momentum] as number, g[ph.end_momentum] as number, pct);
          break;
        }
        start = ph.end_step;
      }
      if (this.cycle_momentum) {
        if (this.use_beta1) g.betas = [mom, ...(g.betas as number[]).slice(1)];
        else g.momentum = mom;
      }
      return lr;
    });
  }
}
