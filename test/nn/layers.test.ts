// Layers and nn.functional against PyTorch: each layer loads PyTorch's weights via
// load_state_dict, then forward output, input gradients and parameter gradients are compared;
// float64 finite-difference gradchecks for every new differentiable op.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import { nn } from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { checkCase, dec, expectClose, loadFixtures, type EncTensor } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

const F = torch.nn.functional;
const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/nn_layers.json', import.meta.url)), 'utf8'));

interface LayerCase {
  name: string;
  state: Record<string, EncTensor>;
  inputs: EncTensor[];
  output: EncTensor;
  gout: EncTensor;
  input_grads: (EncTensor | null)[];
  param_grads: Record<string, EncTensor>;
}

// The same modules the generator builds.
const layers: Record<string, () => nn.Module> = {
  Identity: () => new nn.Identity(),
  Linear: () => new nn.Linear(4, 3),
  Linear_nobias: () => new nn.Linear(4, 3, { bias: false }),
  Bilinear: () => new nn.Bilinear(4, 5, 3),
  ReLU: () => new nn.ReLU(),
  ReLU6: () => new nn.ReLU6(),
  LeakyReLU: () => new nn.LeakyReLU(0.1),
  PReLU: () => new nn.PReLU(),
  PReLU3: () => new nn.PReLU(3, 0.1),
  ELU: () => new nn.ELU(0.7),
  CELU: () => new nn.CELU(1.3),
  SELU: () => new nn.SELU(),
  GELU: () => new nn.GELU(),
  GELU_tanh: () => new nn.GELU({ approximate: 'tanh' }),
  SiLU: () => new nn.SiLU(),
  Mish: () => new nn.Mish(),
  Softplus: () => new nn.Softplus(),
  Softplus_beta: () => new nn.Softplus({ beta: 2, threshold: 3 }),
  Hardtanh: () => new nn.Hardtanh(-0.5, 0.8),
  Hardswish: () => new nn.Hardswish(),
  Hardsigmoid: () => new nn.Hardsigmoid(),
  Tanh: () => new nn.Tanh(),
  Sigmoid: () => new nn.Sigmoid(),
  Softmax: () => new nn.Softmax(1),
  Softmax_last: () => new nn.Softmax({ dim: -1 }),
  LogSoftmax: () => new nn.LogSoftmax(1),
  Softmin: () => new nn.Softmin(2),
  Flatten: () => new nn.Flatten(),
  Unflatten: () => new nn.Unflatten(2, [5, 1]),
  Dropout_eval: () => new nn.Dropout(0.3).eval(),
  Embedding: () => new nn.Embedding(6, 3),
  Embedding_pad: () => new nn.Embedding(6, 3, { padding_idx: 2 }),
  Sequential: () => new nn.Sequential(new nn.Linear(4, 6), new nn.Tanh(), new nn.Linear(6, 2)),
};

describe('layers vs PyTorch (weights via load_state_dict)', () => {
  for (const c of fx.layers as LayerCase[])
    it(c.name, () => {
      const m = layers[c.name]();
      const sd = Object.fromEntries(Object.entries(c.state).map(([k, v]) => [k, dec(v)]));
      m.load_state_dict(sd);
      const xs = c.inputs.map((e) => dec(e, e.dtype === 'float32' || e.dtype === 'float64'));
      const y: Tensor = m(...xs);
      expectClose(y, c.output, `${c.name} output`);
      y.mul(dec(c.gout)).sum().backward();
      c.input_grads.forEach((g, i) => {
        if (g) expectClose(xs[i].grad!, g, `${c.name} input grad ${i}`);
      });
      const params = Object.fromEntries(m.named_parameters());
      expect(Object.keys(params).sort()).toEqual(Object.keys(c.param_grads).sort());
      for (const [k, g] of Object.entries(c.param_grads)) expectClose(params[k].grad!, g, `${c.name} grad ${k}`);
    });
});

const fns: Record<string, (...xs: any[]) => Tensor> = {
  softmax_f64: (x) => F.softmax(x, 0),
  log_softmax_f64: (x) => F.log_softmax(x, -1),
  softmax_dtype: (x) => F.softmax(x, 1, { dtype: torch.float64 }),
  softmax_big: (x) => F.softmax(x, 1),
  log_softmax_big: (x) => F.log_softmax(x, { dim: 1 }),
  gelu_f64: (x) => F.gelu(x),
  gelu_tanh_f64: (x) => F.gelu(x, { approximate: 'tanh' }),
  elu_f64: (x) => F.elu(x, 0.5),
  selu_f64: (x) => F.selu(x),
  softplus_f64: (x) => F.softplus(x, 1.5, 4),
  mish_f64: (x) => F.mish(x),
  silu_f64: (x) => F.silu(x),
  hardswish_f64: (x) => F.hardswish(x),
  hardsigmoid_f64: (x) => F.hardsigmoid(x),
  leaky_relu_f64: (x) => F.leaky_relu(x, 0.3),
  prelu_f64: (x, w) => F.prelu(x, w),
  linear_f64: (x, w, b) => F.linear(x, w, b),
  bilinear_3d: (a, b, w) => F.bilinear(a, b, w),
  embedding_f: (i, w) => F.embedding(i, w, { padding_idx: -1 }),
  embedding_maxnorm: (i, w) => F.embedding(i, w, { max_norm: 1.0 }),
  relu6_edges: (x) => F.relu6(x),
  hardtanh_edges: (x) => F.hardtanh(x),
};

describe('nn.functional vs PyTorch', () => {
  for (const c of loadFixtures('nn_layers')) it(c.name, () => checkCase(c, fns[c.name]));
});

describe('float64 gradcheck of the new ops', () => {
  const x = torch.tensor([[-2.5, -1.2, -0.3, 0.4], [0.9, 1.7, 2.6, -3.4], [3.3, -0.05, 0.15, 5.5]], { dtype: torch.float64 });
  const unary: [string, (t: Tensor) => Tensor][] = [
    ['leaky_relu', (t) => F.leaky_relu(t, 0.2)],
    ['elu', (t) => F.elu(t, 0.7)],
    ['selu', (t) => F.selu(t)],
    ['celu', (t) => F.celu(t, 1.3)],
    ['gelu', (t) => F.gelu(t)],
    ['gelu tanh', (t) => F.gelu(t, 'tanh')],
    ['softplus', (t) => F.softplus(t, 2, 3)],
    ['silu', (t) => F.silu(t)],
    ['mish', (t) => F.mish(t)],
    ['hardtanh', (t) => F.hardtanh(t, -1, 2)],
    ['relu6', (t) => F.relu6(t.mul(2))],
    ['hardswish', (t) => F.hardswish(t)],
    ['hardsigmoid', (t) => F.hardsigmoid(t)],
    ['softmax dim 0', (t) => F.softmax(t, 0)],
    ['softmax dim 1', (t) => F.softmax(t, 1)],
    ['log_softmax', (t) => F.log_softmax(t, 1)],
    ['softmin', (t) => F.softmin(t, 0)],
  ];
  for (const [name, f] of unary) it(name, () => expect(gradcheck(f, [x])).toBe(true));
  it('softmax and log_softmax twice (double backward)', () => {
    const w = torch.linspace(-1, 2, 12, { dtype: torch.float64 }).reshape(3, 4);
    for (const f of [(t: Tensor) => F.softmax(t, 1), (t: Tensor) => F.log_softmax(t, 0)]) {
      // gradcheck evaluates under no_grad for the numeric side; the inner gradient needs a graph.
      const gradOf = (t: Tensor) =>
        torch.enable_grad(() => {
          const leaf = t.requires_grad ? t : t.detach().requires_grad_(true);
          return torch.autograd.grad(f(leaf).mul(w).sum(), [leaf], { create_graph: true })[0]!;
        });
      expect(gradcheck(gradOf, [x])).toBe(true);
    }
  });
  it('prelu (input and weight, shared and per channel)', () => {
    const inp = x.reshape(2, 3, 2);
    expect(gradcheck((t, w) => F.prelu(t, w), [inp, torch.tensor([0.1, -0.3, 0.2], { dtype: torch.float64 })])).toBe(true);
    expect(gradcheck((t, w) => F.prelu(t, w), [inp, torch.tensor([0.25], { dtype: torch.float64 })])).toBe(true);
  });
  it('embedding weight (repeated indices accumulate)', () => {
    // Without padding_idx: its row's gradient is zero by definition, not by calculus.
    const idx = torch.tensor([[0, 2, 2], [3, 0, 1]]);
    expect(gradcheck((w) => F.embedding(idx, w), [x.reshape(4, 3)])).toBe(true);
  });
  it('bilinear', () => {
    const a = x.reshape(2, 6).narrow(1, 0, 3);
    const b = x.reshape(2, 6).narrow(1, 3, 2);
    const w = torch.linspace(-1, 1, 12, { dtype: torch.float64 }).reshape(2, 3, 2);
    expect(gradcheck((p, q, r, s) => F.bilinear(p, q, r, s), [a, b, w, torch.tensor([0.5, -0.5], { dtype: torch.float64 })])).toBe(true);
  });
});

describe('dropout', () => {
  it('eval mode and p = 0 are the identity; p = 1 zeroes; bad p raises', () => {
    const x = torch.ones(3, 4);
    expect(F.dropout(x, 0.5, false)).toBe(x);
    expect(F.dropout(x, 0)).toBe(x);
    expect(F.dropout(x, 1).tolist()).toEqual(torch.zeros(3, 4).tolist());
    expect(() => new nn.Dropout(1.5)).toThrow(fx.errors.dropout_p);
  });
  it('training: kept elements scaled by 1/(1 − p); gradient is the same mask', () => {
    const x = torch.ones(50, 40, { requires_grad: true });
    const y = F.dropout(x, 0.25);
    const vals = new Set(Array.from(y.detach().numpy() as Float32Array));
    expect([...vals].sort()).toEqual([0, Math.fround(1 / 0.75)]);
    y.sum().backward();
    expect(x.grad!.tolist()).toEqual(y.detach().tolist());
  });
  it('inplace writes into the input', () => {
    const x = torch.ones(4, 4);
    expect(F.dropout(x, 0.5, true, true)).toBe(x);
  });
  it('seeded masks equal PyTorch (F.dropout, nn.Dropout2d, nn.Dropout)', () => {
    torch.manual_seed(0);
    expectClose(F.dropout(torch.ones(4, 5), 0.3), fx.dropout.dropout, 'dropout');
    torch.manual_seed(0);
    expectClose(new nn.Dropout2d(0.5)(torch.ones(2, 3, 2, 2)), fx.dropout.dropout2d, 'dropout2d');
    torch.manual_seed(0);
    expectClose(new nn.Dropout(0.5)(torch.arange(8, { dtype: torch.float32 }).reshape(2, 4)), fx.dropout.module, 'Dropout');
  });
  it('Dropout2d zeroes whole channels', () => {
    const y = new nn.Dropout2d(0.5)(torch.ones(4, 6, 3, 3));
    const per = y.reshape(24, 9).tolist() as number[][];
    for (const row of per) expect(new Set(row).size).toBe(1);
  });
});

describe('embedding', () => {
  it('padding row starts at zero and gets no gradient; from_pretrained freezes', () => {
    const emb = new nn.Embedding(5, 2, { padding_idx: -1 });
    expect(emb.padding_idx).toBe(4);
    expect((emb.weight.tolist() as number[][])[4]).toEqual([0, 0]);
    emb(torch.tensor([4, 1, 4])).sum().backward();
    expect(emb.weight.grad!.tolist()).toEqual([[0, 0], [1, 1], [0, 0], [0, 0], [0, 0]]);
    const pre = torch.tensor([[1, 2.5], [3, 4]], { dtype: torch.float32 });
    const frozen = nn.Embedding.from_pretrained(pre);
    expect(frozen.weight.requires_grad).toBe(false);
    expect(frozen(torch.tensor([1])).tolist()).toEqual([[3, 4]]);
    expect(nn.Embedding.from_pretrained(pre, false).weight.requires_grad).toBe(true);
  });
  it("errors: out-of-range index, float indices", () => {
    expect(() => F.embedding(torch.tensor([5]), torch.zeros(4, 2))).toThrow(fx.errors.embedding_index);
    expect(() => F.embedding(torch.tensor([1.5]), torch.zeros(4, 2))).toThrow("Expected tensor for argument #1 'indices'");
  });
});

describe('activation details', () => {
  it('inplace activations write into the input', () => {
    const x = torch.tensor([-1, 2], { dtype: torch.float32 });
    expect(new nn.ReLU(true)(x)).toBe(x);
    expect(x.tolist()).toEqual([0, 2]);
    const y = torch.tensor([-1, 2], { dtype: torch.float32 });
    F.leaky_relu(y, 0.5, true);
    expect(y.tolist()).toEqual([-0.5, 2]);
  });
  it('softmax: implicit dim follows PyTorch (0 for 0/1/3-D, else 1); grad_fn names', () => {
    const x = torch.tensor([[1, 2], [3, 5]], { dtype: torch.float32, requires_grad: true });
    expect(F.softmax(x).tolist()).toEqual(F.softmax(x, 1).tolist());
    expect(F.softmax(x.reshape(1, 2, 2)).tolist()).toEqual(F.softmax(x.reshape(1, 2, 2), 0).tolist());
    expect(F.softmax(x, 1).grad_fn!.name()).toBe('SoftmaxBackward0');
    expect(F.log_softmax(x, 1).grad_fn!.name()).toBe('LogSoftmaxBackward0');
    expect(F.gelu(x).grad_fn!.name()).toBe('GeluBackward0');
  });
  it('prelu channel mismatch raises PyTorch error', () => {
    expect(() => F.prelu(torch.zeros(2, 4), torch.zeros(3))).toThrow(fx.errors.prelu_mismatch);
  });
});
