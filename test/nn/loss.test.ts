// Loss functions vs PyTorch 1.13 (fixtures/gen_losses.py): values, input gradients, errors;
// float64 gradchecks of the primitive losses; nn loss modules; ORT calls per cross_entropy.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import * as F from '../../torchlike/nn/functional/loss.js';
import * as L from '../../torchlike/nn/modules/loss.js';
import { withTracer, type Tracer } from '../../src/dispatch.js';
import { checkCase, decInputs, loadFixtures, type Case } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

type Fn = (...xs: any[]) => Tensor;
const fns: Record<string, Fn> = F as unknown as Record<string, Fn>;
const byName: Record<string, Fn> = {
  bce_logits_pos_weight: (x, t, w, pw, kw) => F.binary_cross_entropy_with_logits(x, t, w, { ...kw, pos_weight: pw }),
};

function call(c: Case, xs: unknown[]): Tensor {
  const fname = c.name.split('/')[c.name.startsWith('error/') ? 1 : 0];
  const fn = byName[fname] ?? fns[fname];
  if (!fn) throw new Error(`no function for ${c.name}`);
  return fn(...xs, c.kwargs);
}

describe('losses vs PyTorch', () => {
  for (const c of loadFixtures('losses')) {
    const err = (c as Case & { error?: { type: string; message: string } }).error;
    if (err) {
      it(c.name, () => {
        let thrown: unknown = null;
        try {
          call(c, decInputs(c, false));
        } catch (e) {
          thrown = e;
        }
        expect(thrown, 'should throw').toBeInstanceOf(Error);
        expect((thrown as Error).message).toBe(err.message);
        expect((thrown as Error).name).toBe(err.type);
      });
      continue;
    }
    // Large logits: ~1e4-sized values in float32 carry ~1e-3 absolute error.
    const tol = c.name.includes('large') ? { rtol: 1e-5, atol: 1e-3 } : {};
    it(c.name, () => checkCase(c, (...xs) => call(c, xs), tol));
  }
});

const f64 = (shape: number[], scale = 1, offset = 0): Tensor => torch.randn(shape, { dtype: torch.float64 }).mul(scale).add(offset);

describe('gradcheck (float64)', () => {
  torch.manual_seed(1);
  const t = torch.tensor([0, 2, -100, 1]);
  const w = torch.tensor([0.5, 1.5, 2], { dtype: torch.float64 });
  for (const reduction of ['none', 'mean', 'sum'] as const) {
    it(`cross_entropy ${reduction}`, () => {
      expect(gradcheck((x) => F.cross_entropy(x, t, { reduction }), [f64([4, 3])])).toBe(true);
    });
    it(`cross_entropy weight + label smoothing ${reduction}`, () => {
      expect(gradcheck((x) => F.cross_entropy(x, t, w, { reduction, label_smoothing: 0.2 }), [f64([4, 3])])).toBe(true);
    });
    it(`cross_entropy K-dim ${reduction}`, () => {
      const tk = torch.tensor([[0, 1], [2, -100]]);
      expect(gradcheck((x) => F.cross_entropy(x, tk, w, { reduction, label_smoothing: 0.1 }), [f64([2, 3, 2])])).toBe(true);
    });
    it(`nll_loss ${reduction}`, () => {
      const tn = torch.tensor([0, 2, 1, 1]);
      expect(gradcheck((x) => F.nll_loss(x, tn, w, { reduction, ignore_index: 1 }), [f64([4, 3])])).toBe(true);
    });
    it(`binary_cross_entropy ${reduction}`, () => {
      const p = torch.rand([3, 2], { dtype: torch.float64 }).mul(0.8).add(0.1);
      const y = torch.rand([3, 2], { dtype: torch.float64 });
      const wb = torch.rand([2], { dtype: torch.float64 });
      expect(gradcheck((x, yy) => F.binary_cross_entropy(x, yy, wb, { reduction }), [p, y])).toBe(true);
    });
  }
});

describe('double backward', () => {
  it('nll_loss: the gradient of its gradient w.r.t. the upstream gradient (float64 gradcheck)', () => {
    const t = torch.tensor([0, 2, -100, 1]);
    const w = torch.tensor([0.5, 1.5, 2], { dtype: torch.float64 });
    for (const reduction of ['none', 'mean', 'sum'] as const) {
      const x = f64([4, 3]).requires_grad_(true);
      const gshape = reduction === 'none' ? [4] : [];
      const gradOf = (gy: Tensor) =>
        torch.enable_grad(() => torch.autograd.grad(F.nll_loss(x, t, w, { reduction }), [x], { grad_outputs: [gy], create_graph: true })[0]!);
      expect(gradcheck(gradOf, [f64(gshape)])).toBe(true);
    }
  });
});

describe('cross_entropy speed', () => {
  it('one onnxruntime call forward and one backward', () => {
    const x = torch.randn([8, 10], { requires_grad: true });
    const y = torch.randint(0, 10, [8]);
    let ops: string[] = [];
    const tracer: Tracer = { record: (op) => void (op.eager ? null : ops.push(op.name)), alias: () => undefined };
    const loss = withTracer(tracer, () => F.cross_entropy(x, y, { label_smoothing: 0.1 }));
    expect(ops).toEqual(['cross_entropy_loss']);
    ops = [];
    withTracer(tracer, () => loss.backward());
    expect(ops.filter((n) => n !== 'ones_like' && n !== 'expand')).toEqual(['_cross_entropy_loss_backward']);
  });
  it('stays finite for logits of ±1e4 in every mode', () => {
    const x = torch.tensor([[1e4, -1e4, 0], [-1e4, 1e4, 5e3]], { dtype: torch.float32, requires_grad: true });
    for (const [target, opts] of [
      [torch.tensor([1, 2]), {}],
      [torch.tensor([1, 2]), { label_smoothing: 0.3, reduction: 'sum' }],
      [torch.softmax(torch.randn(2, 3), 1), {}],
    ] as const) {
      x.grad = null;
      const l = F.cross_entropy(x, target as Tensor, opts);
      l.backward();
      expect(Number.isFinite(l.item())).toBe(true);
      for (const g of x.grad!.tolist() as number[][]) for (const v of g) expect(Number.isFinite(v)).toBe(true);
    }
  });
});

describe('loss modules', () => {
  const x = torch.randn(5, 4);
  const y = torch.randn(5, 4);
  const same = (a: Tensor, b: Tensor) => expect(a.tolist()).toEqual(b.tolist());
  it('forward equals the functional form with the same options', () => {
    same(new L.MSELoss()(x, y), F.mse_loss(x, y));
    same(new L.L1Loss({ reduction: 'sum' })(x, y), F.l1_loss(x, y, { reduction: 'sum' }));
    same(new L.SmoothL1Loss({ beta: 0.5 })(x, y), F.smooth_l1_loss(x, y, { beta: 0.5 }));
    same(new L.HuberLoss({ delta: 0.7, reduction: 'none' })(x, y), F.huber_loss(x, y, { delta: 0.7, reduction: 'none' }));
    const t = torch.tensor([0, 3, 1, 2, 3]);
    const w = torch.rand(4);
    same(new L.CrossEntropyLoss({ weight: w, label_smoothing: 0.1, ignore_index: 3 })(x, t), F.cross_entropy(x, t, w, { label_smoothing: 0.1, ignore_index: 3 }));
    same(new L.NLLLoss(w)(x, t), F.nll_loss(x, t, w));
    const p = torch.sigmoid(x);
    const q = torch.rand(5, 4);
    same(new L.BCELoss()(p, q), F.binary_cross_entropy(p, q));
    same(new L.BCEWithLogitsLoss({ pos_weight: torch.ones(4).mul(2) })(x, q), F.binary_cross_entropy_with_logits(x, q, null, { pos_weight: torch.ones(4).mul(2) }));
    same(new L.KLDivLoss({ reduction: 'batchmean' })(x, q), F.kl_div(x, q, { reduction: 'batchmean' }));
    const s = torch.tensor([1, -1, 1, 1, -1]);
    same(new L.CosineEmbeddingLoss({ margin: 0.1 })(x, y, s), F.cosine_embedding_loss(x, y, s, { margin: 0.1 }));
    same(new L.MarginRankingLoss(0.2)(x.select(1, 0), y.select(1, 0), s.float()), F.margin_ranking_loss(x.select(1, 0), y.select(1, 0), s.float(), { margin: 0.2 }));
  });
  it('registers weight and pos_weight as buffers and prints like PyTorch', () => {
    const m = new L.CrossEntropyLoss({ weight: torch.ones(3) });
    expect(Object.keys(m.state_dict())).toEqual(['weight']);
    expect(String(new L.MSELoss())).toBe('MSELoss()');
    expect(Object.keys(new L.BCEWithLogitsLoss({ pos_weight: torch.ones(2) }).state_dict())).toEqual(['pos_weight']);
  });
});
