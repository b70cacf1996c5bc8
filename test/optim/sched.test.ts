// LR schedulers vs PyTorch 1.13 (fixtures/gen_sched.py): lr and cycled momentum over 30 steps.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import * as optim from '../../torchlike/optim/index.js';

const S = optim.lr_scheduler;
interface SchedCase {
  name: string;
  scheduler: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  optimizer: 'sgd' | 'adam';
  metrics: number[] | null;
  lrs: number[][];
  momenta: number[][];
}
const cases = (JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/sched.json', import.meta.url)), 'utf8')) as { cases: SchedCase[] }).cases;
const LAMBDAS: Record<string, (e: number) => number> = { pow095: (e) => 0.95 ** e, div3: (e) => 1.0 / (1 + Math.floor(e / 3)) };

function makeOpt(kind: 'sgd' | 'adam'): optim.Optimizer {
  const groups = [{ params: [torch.zeros([2], { requires_grad: true })] }, { params: [torch.zeros([3], { requires_grad: true })], lr: 0.05 }];
  return kind === 'adam' ? new optim.Adam(groups, { lr: 0.1 }) : new optim.SGD(groups, { lr: 0.1, momentum: 0.9 });
}

type AnySched = { step(m?: number): void; get_last_lr(): number[] };
function build(opt: optim.Optimizer, name: string, args: unknown[], kwargs: Record<string, unknown>): AnySched {
  const Ctor = (S as unknown as Record<string, new (...a: unknown[]) => AnySched>)[name];
  if (name === 'LambdaLR' || name === 'MultiplicativeLR') return new Ctor(opt, LAMBDAS[args[0] as string]);
  if (name === 'SequentialLR') {
    const subs = (args[0] as [string, unknown[], Record<string, unknown>][]).map(([n, a, k]) => build(opt, n, a, k));
    return new Ctor(opt, subs, args[1]);
  }
  const hasKw = Object.keys(kwargs).length > 0 || name === 'ReduceLROnPlateau';
  return new Ctor(opt, ...args, ...(hasKw ? [kwargs] : []));
}

const close = (got: number[], want: number[], what: string) =>
  want.forEach((w, i) => {
    if (!(Math.abs(got[i] - w) <= 1e-12 * Math.abs(w) + 1e-15)) expect.fail(`${what}[${i}]: got ${got[i]}, PyTorch ${w}`);
  });

describe('lr schedulers vs PyTorch', () => {
  for (const c of cases) {
    it(c.name, () => {
      const opt = makeOpt(c.optimizer);
      const s = build(opt, c.scheduler, c.args, c.kwargs);
      const lrs = () => opt.param_groups.map((g) => g.lr);
      const moms = () => opt.param_groups.map((g) => (g.betas ? (g.betas as number[])[0] : (g.momentum as number)));
      close(lrs(), c.lrs[0], 'initial lr');
      close(moms(), c.momenta[0], 'initial momentum');
      for (let k = 1; k < c.lrs.length; k++) {
        opt.step();
        s.step(c.metrics ? c.metrics[k - 1] : undefined);
        close(lrs(), c.lrs[k], `step ${k} lr`);
        close(moms(), c.momenta[k], `step ${k} momentum`);
        if (c.scheduler !== 'ReduceLROnPlateau') close(s.get_last_lr(), c.lrs[k], `step ${k} get_last_lr`);
      }
    });
  }
});

describe('scheduler state', () => {
  it('state_dict / load_state_dict resumes the schedule', () => {
    const opt = makeOpt('sgd');
    const s = new S.CosineAnnealingLR(opt, 10, { eta_min: 0.001 });
    for (let k = 0; k < 4; k++) s.step();
    const sd = s.state_dict();
    expect(sd.last_epoch).toBe(4);
    expect('optimizer' in sd).toBe(false);
    const before = opt.param_groups.map((g) => g.lr);
    s.step();
    const next = s.get_last_lr();
    opt.param_groups.forEach((g, i) => (g.lr = before[i]));
    const s2 = new S.CosineAnnealingLR(makeOpt('sgd'), 10);
    (s2 as unknown as { optimizer: optim.Optimizer }).optimizer = opt;
    s2.load_state_dict(sd);
    s2.step();
    expect(s2.get_last_lr()).toEqual(next);
  });
  it('the scheduled lr reaches the optimizer step without new onnxruntime sessions', async () => {
    const { cachedSessionCount } = await import('../../src/dispatch.js');
    const p = torch.ones([3], { requires_grad: true });
    const opt = new optim.SGD([p], { lr: 1 });
    const s = new S.ExponentialLR(opt, 0.5);
    p.grad = torch.ones([3]);
    opt.step();
    s.step();
    const n = cachedSessionCount();
    const before = p.tolist() as number[];
    opt.step();
    expect(p.tolist()).toEqual(before.map((v) => v - 0.5));
    expect(cachedSessionCount()).toBe(n);
  });
});
