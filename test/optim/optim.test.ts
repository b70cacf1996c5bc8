// Optimizers vs PyTorch 1.13 (fixtures/gen_optim.py): parameters and state_dict after 5 steps with
// gradients set directly on p.grad; PyTorch's errors; one onnxruntime call per group and dtype per
// step, no new session when lr changes; a failing step changes nothing; clip_grad_*.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import * as optim from '../../torchlike/optim/index.js';
import { clip_grad_norm_, clip_grad_value_ } from '../../torchlike/nn/utils.js';
import { cachedSessionCount, withTracer, type Tracer } from '../../src/dispatch.js';
import { dec, expectClose, type EncTensor } from '../helpers/fixtures.js';

interface OptCase {
  name: string;
  optimizer: keyof typeof optim;
  kwargs: Record<string, unknown>;
  groups: ({ params: number[] } & Record<string, unknown>)[] | null;
  lr_change: [number, number] | null;
  params0: EncTensor[];
  grads: (EncTensor | null)[][];
  params: EncTensor[];
  state: Record<string, Record<string, EncTensor | number | null>>;
  param_groups: Record<string, unknown>[];
}
interface OptErr {
  name: string;
  type: string;
  message: string;
}
const file = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/optim.json', import.meta.url)), 'utf8')) as { cases: OptCase[]; errors: OptErr[] };

type Ctor = new (params: unknown, opts?: unknown) => optim.Optimizer;
const make = (name: string, params: unknown, kwargs: Record<string, unknown>): optim.Optimizer => new (optim[name as keyof typeof optim] as unknown as Ctor)(params, kwargs);

function runCase(c: OptCase): { ps: Tensor[]; opt: optim.Optimizer } {
  const ps = c.params0.map((e) => dec(e).requires_grad_(true));
  const opt = make(c.optimizer, c.groups ? c.groups.map((g) => ({ ...g, params: g.params.map((i) => ps[i]) })) : ps, c.kwargs);
  c.grads.forEach((step, k) => {
    if (c.lr_change && k === c.lr_change[0]) for (const g of opt.param_groups) g.lr = c.lr_change[1];
    ps.forEach((p, i) => (p.grad = step[i] ? dec(step[i]!) : null));
    opt.step();
  });
  return { ps, opt };
}

const isEnc = (v: unknown): v is EncTensor => typeof v === 'object' && v !== null && 'dtype' in v;

describe('optimizers vs PyTorch (5 steps)', () => {
  for (const c of file.cases) {
    it(c.name, () => {
      const { ps, opt } = runCase(c);
      ps.forEach((p, i) => expectClose(p, c.params[i], `param ${i}`, 1e-5, 1e-6));
      const sd = opt.state_dict();
      expect(sd.param_groups).toEqual(c.param_groups);
      expect(Object.keys(sd.state).sort()).toEqual(Object.keys(c.state).sort());
      for (const [k, want] of Object.entries(c.state)) {
        const got = sd.state[Number(k)];
        expect(Object.keys(got).sort(), `state ${k} keys`).toEqual(Object.keys(want).sort());
        for (const [kk, v] of Object.entries(want)) {
          if (isEnc(v)) expectClose(got[kk] as Tensor, v, `state ${k}.${kk}`, 1e-5, 1e-6);
          else expect(got[kk], `state ${k}.${kk}`).toEqual(v);
        }
      }
    });
  }
});

describe('optimizer errors', () => {
  const p = () => torch.zeros([2], { requires_grad: true });
  const build: Record<string, () => unknown> = {
    empty: () => new optim.SGD([], { lr: 0.1 }),
    tensor_params: () => new optim.SGD(p() as never, { lr: 0.1 }),
    overlap: () => {
      const q = p();
      return new optim.SGD([{ params: [q] }, { params: [q] }], { lr: 0.1 });
    },
    non_leaf: () => new optim.SGD([p().mul(2)], { lr: 0.1 }),
    sgd_lr: () => new optim.SGD([p()], { lr: -0.5 }),
    sgd_momentum: () => new optim.SGD([p()], { lr: 0.1, momentum: -0.5 }),
    sgd_nesterov: () => new optim.SGD([p()], { lr: 0.1, nesterov: true }),
    adam_beta0: () => new optim.Adam([p()], { betas: [1.5, 0.9] }),
    adam_beta1: () => new optim.Adam([p()], { betas: [0.9, -0.5] }),
    adam_eps: () => new optim.Adam([p()], { eps: -0.5 }),
    adamw_wd: () => new optim.AdamW([p()], { weight_decay: -0.5 }),
    rmsprop_alpha: () => new optim.RMSprop([p()], { alpha: -0.5 }),
    adagrad_lr_decay: () => new optim.Adagrad([p()], { lr_decay: -0.5 }),
    adadelta_rho: () => new optim.Adadelta([p()], { rho: 1.5 }),
    load_groups: () =>
      new optim.SGD([p()], { lr: 0.1 }).load_state_dict({ state: {}, param_groups: [{ lr: 0.1, params: [0] }, { lr: 0.1, params: [1] }] }),
    load_size: () => new optim.SGD([p()], { lr: 0.1 }).load_state_dict({ state: {}, param_groups: [{ lr: 0.1, params: [0, 1] }] }),
  };
  for (const e of file.errors) {
    it(e.name, () => {
      let thrown: Error | null = null;
      try {
        build[e.name]();
      } catch (x) {
        thrown = x as Error;
      }
      expect(thrown?.message).toBe(e.message);
      expect(thrown?.name).toBe(e.type);
    });
  }
});

function countOps(fn: () => void): string[] {
  const ops: string[] = [];
  const tracer: Tracer = { record: (op) => void (op.eager ? null : ops.push(op.name)), alias: () => undefined };
  withTracer(tracer, fn);
  return ops;
}

describe('fused steps', () => {
  const mk = () => [torch.randn(3, 4), torch.randn(4), torch.randn(2, 2, 2), torch.randn(5)].map((t) => t.requires_grad_(true));
  const setGrads = (ps: Tensor[]) => ps.forEach((p) => (p.grad = torch.randn(p.shape)));
  const all: [string, (ps: Tensor[]) => optim.Optimizer][] = [
    ['SGD', (ps) => new optim.SGD(ps, { lr: 0.1, momentum: 0.9, nesterov: true, weight_decay: 0.1 })],
    ['Adam', (ps) => new optim.Adam(ps, { amsgrad: true })],
    ['AdamW', (ps) => new optim.AdamW(ps)],
    ['RMSprop', (ps) => new optim.RMSprop(ps, { centered: true, momentum: 0.5 })],
    ['Adagrad', (ps) => new optim.Adagrad(ps)],
    ['Adadelta', (ps) => new optim.Adadelta(ps)],
  ];
  for (const [name, ctor] of all) {
    it(`${name}: one onnxruntime call per step for 4 params; lr changes reuse the session`, () => {
      const ps = mk();
      const opt = ctor(ps);
      setGrads(ps);
      opt.step();
      const sessions = cachedSessionCount();
      for (let k = 0; k < 3; k++) {
        setGrads(ps);
        for (const g of opt.param_groups) g.lr *= 0.5;
        expect(countOps(() => opt.step())).toHaveLength(1);
      }
      expect(cachedSessionCount()).toBe(sessions);
    });
  }
  it('a step that throws leaves every parameter and the state unchanged', () => {
    const a = torch.randn(3).requires_grad_(true);
    const b = torch.randn(2).requires_grad_(true);
    const opt = new optim.Adam([{ params: [a] }, { params: [b], lr: 0.1 }]);
    a.grad = torch.randn(3);
    b.grad = torch.randn(4); // wrong shape: the second group's update fails
    const before = [a.tolist(), b.tolist()];
    expect(() => opt.step()).toThrow();
    expect([a.tolist(), b.tolist()]).toEqual(before);
    expect(opt.state.size).toBe(0);
  });
  it('writes into the parameters in place (same tensor, version bumped)', () => {
    const p = torch.ones(2).requires_grad_(true);
    const v = p._version;
    const opt = new optim.SGD([p], { lr: 1 });
    p.grad = torch.ones(2);
    opt.step();
    expect(p.tolist()).toEqual([0, 0]);
    expect(p._version).toBe(v + 1);
  });
  it('zero_grad sets to null by default, or zeros in place', () => {
    const p = torch.ones(2).requires_grad_(true);
    const opt = new optim.SGD([p], { lr: 1 });
    p.grad = torch.ones(2);
    const g = p.grad;
    opt.zero_grad(false);
    expect(p.grad).toBe(g);
    expect(g.tolist()).toEqual([0, 0]);
    opt.zero_grad();
    expect(p.grad).toBe(null);
  });
  it('step(closure) returns the loss and load_state_dict restores a run', () => {
    const p = torch.tensor([1, 2], { dtype: torch.float32, requires_grad: true });
    const opt = new optim.Adam([p], { lr: 0.1 });
    const closure = () => {
      opt.zero_grad();
      const l = p.mul(p).sum();
      l.backward();
      return l;
    };
    expect((opt.step(closure) as Tensor).item()).toBeCloseTo(5);
    const saved = opt.state_dict();
    const q = torch.tensor(p.tolist() as number[], { requires_grad: true });
    const opt2 = new optim.Adam([q], { lr: 0.5 });
    opt2.load_state_dict(saved);
    expect(opt2.param_groups[0].lr).toBe(0.1);
    opt.step(closure);
    q.grad = q.mul(2).detach();
    opt2.step();
    expect(q.tolist()).toEqual(p.tolist());
  });
});

describe('clip_grad_norm_ / clip_grad_value_ vs PyTorch', () => {
  const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/optim.json', import.meta.url)), 'utf8')) as {
    clip: { name: string; max_norm: number; norm_type: number | 'inf'; grads0: EncTensor[]; total: EncTensor; grads: EncTensor[] }[];
    clip_value: { clip_value: number; grads0: EncTensor[]; grads: EncTensor[] };
    clip_nonfinite_message: string;
  };
  const withGrads = (gs: EncTensor[]) =>
    gs.map((g) => {
      const p = torch.zeros(g.shape, { dtype: g.dtype, requires_grad: true });
      p.grad = dec(g);
      return p;
    });
  for (const c of fx.clip) {
    it(`clip_grad_norm_ ${c.name}`, () => {
      const ps = withGrads(c.grads0);
      const total = clip_grad_norm_(ps, c.max_norm, c.norm_type);
      expectClose(total, c.total, 'total norm');
      ps.forEach((p, i) => expectClose(p.grad!, c.grads[i], `grad ${i}`));
    });
  }
  it('clip_grad_value_', () => {
    const ps = withGrads(fx.clip_value.grads0);
    clip_grad_value_(ps, fx.clip_value.clip_value);
    ps.forEach((p, i) => expectClose(p.grad!, fx.clip_value.grads[i], `grad ${i}`));
  });
  it('error_if_nonfinite', () => {
    const p = torch.zeros([2], { requires_grad: true });
    p.grad = torch.tensor([1, NaN], { dtype: torch.float32 });
    expect(() => clip_grad_norm_([p], 1, 2, true)).toThrow(fx.clip_nonfinite_message);
  });
});
