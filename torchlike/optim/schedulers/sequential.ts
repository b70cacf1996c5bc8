// SequentialLR: runs schedulers one after another, switching at the milestones.
import { bind } from '../../../src/args.js';
import { ValueError } from '../../../src/errors.js';
import type { Optimizer } from '../optimizer.js';
import { LRScheduler } from './base.js';

/** Python's bisect.bisect_right on a sorted list. */
function bisectRight(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < a[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Runs schedulers in sequence: schedulers[i] until milestones[i].
 * @example
 * const warm = new lr_scheduler.LinearLR(opt, { start_factor: 0.1, total_iters: 5 });
 * const decay = new lr_scheduler.ExponentialLR(opt, 0.9);
 * const s = new lr_scheduler.SequentialLR(opt, [warm, decay], [5]);
 */
export class SequentialLR {
  optimizer: Optimizer;
  _schedulers: LRScheduler[];
  _milestones: number[];
  last_epoch: number;
  _last_lr: number[];

  constructor(optimizer: Optimizer, schedulers: LRScheduler[], milestones: number[], ...args: unknown[]) {
    const { last_epoch } = bind<{ last_epoch: number }>(['last_epoch'], args, { last_epoch: -1 });
    schedulers.forEach((s, i) => {
      if (s.optimizer !== optimizer)
        throw new ValueError(
          `Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index ${i} to be different than the optimizer passed in.`,
        );
    });
    if (milestones.length !== schedulers.length - 1)
      throw new ValueError(
        `Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers ${schedulers.length} and the number of milestones to be equal to ${milestones.length}`,
      );
    this._schedulers = schedulers;
    this._milestones = milestones;
    this.last_epoch = last_epoch + 1;
    this.optimizer = optimizer;
    for (const g of optimizer.param_groups) g.lr = g.initial_lr as number;
    for (const s of schedulers) s.last_epoch -= 1;
    schedulers[0]._initial_step();
    this._last_lr = schedulers[0].get_last_lr();
  }

  step(): void {
    this.last_epoch += 1;
    const idx = bisectRight(this._milestones, this.last_epoch);
    const s = this._schedulers[idx];
    if (idx > 0 && this._milestones[idx - 1] === this.last_epoch) s.step(0);
    else s.step();
    this._last_lr = s.get_last_lr();
  }

  get_last_lr(): number[] {
    return this._last_lr;
  }

  state_dict(): Record<string, unknown> {
    return {
      _milestones: this._milestones.slice(),
      last_epoch: this.last_epoch,
      _last_lr: this._last_lr.slice(),
      _schedulers: this._schedulers.map((s) => s.state_dict()),
    };
  }

  load_state_dict(sd: Record<string, unknown>): void {
    const { _schedulers, ...rest } = sd as { _schedulers: Record<string, unknown>[] };
    Object.assign(this, structuredClone(rest));
    _schedulers.forEach((s, i) => this._schedulers[i].load_state_dict(s));
  }
}
