// LRScheduler (PyTorch's _LRScheduler): sets each group's lr from last_epoch. Subclasses write
// get_lr() in PyTorch's recursive (chainable) form and, where PyTorch has one,
// _get_closed_form_lr() used when step(epoch) is given.
import { TorchTypeError } from '../../../src/errors.js';
import { KeyError } from '../../nn/modules/module.js';
import { Optimizer } from '../optimizer.js';

export type SchedulerState = Record<string, unknown>;

export abstract class LRScheduler {
  optimizer: Optimizer;
  base_lrs: number[];
  last_epoch: number;
  verbose: boolean;
  _step_count = 0;
  _last_lr: number[] = [];

  /**
   * Classes whose get_lr reads their own fields set the fields first and call
   * this._initial_step() at the end of their constructor (JavaScript cannot assign fields before
   * super()); those set `static _deferInit = true`.
   */
  static _deferInit = false;

  constructor(optimizer: Optimizer, last_epoch = -1, verbose = false) {
    if (!(optimizer instanceof Optimizer)) throw new TorchTypeError(`${(optimizer as object)?.constructor?.name ?? typeof optimizer} is not an Optimizer`);
    this.optimizer = optimizer;
    optimizer.param_groups.forEach((g, i) => {
      if ('initial_lr' in g) return;
      if (last_epoch !== -1) throw new KeyError(`"param 'initial_lr' is not specified in param_groups[${i}] when resuming an optimizer"`);
      g.initial_lr = g.lr;
    });
    this.base_lrs = optimizer.param_groups.map((g) => g.initial_lr as number);
    this.last_epoch = last_epoch;
    this.verbose = verbose;
    if (!(new.target as typeof LRScheduler)._deferInit) this._initial_step();
  }

  /** @internal the first step(), made by the constructor. */
  _initial_step(): void {
    this._step_count = 0;
    this.step();
  }

  /** The learning rates for last_epoch (PyTorch's chainable form). */
  abstract get_lr(): number[];

  /** The learning rates the last step() set, one per group. */
  get_last_lr(): number[] {
    return this._last_lr;
  }

  /**
   * Advances one epoch (or jumps to `epoch`, using the closed form where one exists) and writes
   * each group's lr.
   * @example
   * for (let epoch = 0; epoch < 30; epoch++) { train(); opt.step(); sched.step(); }
   */
  step(epoch?: number): void {
    this._step_count += 1;
    let values: number[];
    if (epoch === undefined) {
      this.last_epoch += 1;
      values = this.get_lr();
    } else {
      this.last_epoch = epoch;
      values = this._get_closed_form_lr ? this._get_closed_form_lr() : this.get_lr();
    }
    this.optimizer.param_groups.forEach((g, i) => {
      g.lr = values[i];
      if (this.verbose) console.log(`Adjusting learning rate of group ${i} to ${values[i].toExponential(4)}.`);
    });
    this._last_lr = this.optimizer.param_groups.map((g) => g.lr);
  }

  _get_closed_form_lr?(): number[];

  /** Every field but the optimizer (and functions), as PyTorch's state_dict. */
  state_dict(): SchedulerState {
    const out: SchedulerState = {};
    for (const [k, v] of Object.entries(this)) if (k !== 'optimizer' && typeof v !== 'function') out[k] = structuredClone(v);
    return out;
  }

  load_state_dict(state_dict: SchedulerState): void {
    Object.assign(this, structuredClone(state_dict));
  }

  /** The current lr of each group. */
  protected groupLrs(): number[] {
    return this.optimizer.param_groups.map((g) => g.lr);
  }
}
