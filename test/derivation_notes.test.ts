// Each derivation in /work/shared/derivation-notes.txt (section 1) as a test: autograd's gradient
// against the notes' closed form, computed with torchlike ops, and against PyTorch's numbers
// (test/fixtures/gen_autograd.py, cases notes_*). Section 2 (field experience) is the nn group's.
import { describe, expect, it } from 'vitest';
import * as torch from '../torchlike/index.js';
import type { Tensor } from '../torchlike/index.js';
import { dec, type EncTensor, expectClose, loadFixtures } from './helpers/fixtures.js';

const F = torch.nn.functional;
const cases = loadFixtures('autograd') as unknown as Record<string, any>[];
const fx = (name: string): Record<string, any> => cases.find((c) => c.name === name)!;

/** Deterministic float64 test matrix (values in [-1, 1), no RNG needed). */
function mat(rows: number, cols: number, seed: number, requires_grad = true): Tensor {
  const d: number[][] = [];
  for (let i = 0; i < rows; i++) d.push(Array.from({ length: cols }, (_, j) => Math.sin(seed * 7.3 + i * 1.7 + j * 0.9) * 0.9));
  return torch.tensor(d, { dtype: torch.float64, requires_grad });
}

/** Elementwise |a-b| <= atol + rtol|b| with a readable failure. */
function expectAllClose(a: Tensor, b: Tensor, what: string, rtol = 1e-10, atol = 1e-12): void {
  expect(a.shape, `${what}: shape`).toEqual(b.shape);
  const x = Array.from(a.detach().numpy() as Float64Array);
  const y = Array.from(b.detach().numpy() as Float64Array);
  x.forEach((v, i) => {
    if (!(Math.abs(v - y[i]) <= atol + rtol * Math.abs(y[i]))) expect.fail(`${what}: element ${i}: ${v} vs ${y[i]}`);
  });
}
const maxAbsDiff = (a: Tensor, b: Tensor): number => a.detach().sub(b.detach()).abs().max().item() as number;

describe('1.1.1 MSE: dMSE/dŷ = 2/n (ŷ − y)', () => {
  const c = fx('notes_mse');

  it('written with ops: (ŷ − y).pow(2).mean()', () => {
    const yhat = dec(c.yhat, true);
    const y = dec(c.y);
    yhat.sub(y).pow(2).mean().backward();
    const n = y.numel();
    expectAllClose(yhat.grad!, yhat.detach().sub(y).mul(2 / n), '2/n (ŷ − y)');
    expectClose(yhat.grad!, c.grad_mean, 'vs PyTorch F.mse_loss');
  });

  it('F.mse_loss, reductions mean and sum', () => {
    const yhat = dec(c.yhat, true);
    const y = dec(c.y);
    const [gMean] = torch.autograd.grad(F.mse_loss(yhat, y), [yhat]);
    expectClose(gMean!, c.grad_mean, 'F.mse_loss mean vs PyTorch');
    expectAllClose(gMean!, yhat.detach().sub(y).mul(2 / y.numel()), '2/n (ŷ − y)');
    const [gSum] = torch.autograd.grad(F.mse_loss(yhat, y, { reduction: 'sum' }), [yhat]);
    expectAllClose(gSum!, yhat.detach().sub(y).mul(2), "reduction 'sum': 2 (ŷ − y)");
  });
});

describe('1.1.2 cross entropy with softmax: d/dẑ = softmax(ẑ) − y', () => {
  const c = fx('notes_cross_entropy');
  const onehot = () => dec(c.onehot);
  const batch = (c.z as EncTensor).shape[0];

  it('−Σ y·log_softmax(ẑ) has gradient exactly softmax(ẑ) − y', () => {
    const z = dec(c.z, true);
    const y = onehot();
    y.mul(F.log_softmax(z, 1)).sum().neg().backward();
    const p = F.softmax(z.detach(), 1);
    expectClose(p, c.softmax, 'softmax vs PyTorch');
    expectAllClose(z.grad!, p.sub(y), 'softmax − y', 1e-9, 1e-12);
    expectClose(z.grad!, c.grad_sum, 'vs PyTorch cross_entropy(sum)');
  });

  it("F.cross_entropy: reduction 'sum' gives softmax − y, 'mean' averages over the batch", () => {
    const z = dec(c.z, true);
    const target = dec(c.target);
    const p = F.softmax(z.detach(), 1);
    const [gSum] = torch.autograd.grad(F.cross_entropy(z, target, { reduction: 'sum' }), [z]);
    expectAllClose(gSum!, p.sub(onehot()), 'sum: softmax − y', 1e-9, 1e-12);
    expectClose(gSum!, c.grad_sum, 'sum vs PyTorch');
    const [gMean] = torch.autograd.grad(F.cross_entropy(z, target), [z]);
    expectAllClose(gMean!, p.sub(onehot()).div(batch), 'mean: (softmax − y) / batch', 1e-9, 1e-12);
    expectClose(gMean!, c.grad_mean, 'mean vs PyTorch');
  });

  it("the notes' −Σ y·log(softmax + 1e-5) is close to softmax − y, not equal", () => {
    const eps = 1e-5;
    const z = dec(c.z, true);
    const y = onehot();
    const p = F.softmax(z, 1);
    y.mul(p.add(eps).log()).sum().neg().backward();
    expectClose(z.grad!, c.grad_eps, 'vs PyTorch');
    const exact = F.softmax(z.detach(), 1).sub(y);
    // Math: for one-hot y with class c, the gradient is (p_c / (p_c + eps)) · (p − y) per row.
    const pc = F.softmax(z.detach(), 1).mul(y).sum(1, true);
    expectAllClose(z.grad!, exact.mul(pc.div(pc.add(eps))), '(p_c/(p_c+ε))(p − y)', 1e-9, 1e-12);
    const d = maxAbsDiff(z.grad!, exact);
    expect(d).toBeGreaterThan(0);
    expect(d).toBeLessThan(eps / (pc.min().item() as number));
  });
});

describe('1.2 f(x) = x / sum(x)', () => {
  const x0 = [0.7, 1.3, 2.2, 0.4];
  const S = x0.reduce((a, b) => a + b, 0);

  it('the Jacobian is the piecewise formula of the notes', () => {
    const x = torch.tensor(x0, { dtype: torch.float64, requires_grad: true });
    const f = x.div(x.sum());
    for (let i = 0; i < x0.length; i++) {
      const e = torch.tensor(x0.map((_, j) => (j === i ? 1 : 0)), { dtype: torch.float64 });
      const [row] = torch.autograd.grad(f, [x], { grad_outputs: e, retain_graph: true });
      const want = x0.map((_, j) => (i === j ? (S - x0[i]) / S ** 2 : -x0[i] / S ** 2));
      (row!.tolist() as number[]).forEach((v, j) => expect(v, `∂f${i}/∂x${j}`).toBeCloseTo(want[j], 12));
    }
  });

  it('vector-Jacobian product: dL/dx_i = g_i / S − Σ_k g_k x_k / S²', () => {
    const x = torch.tensor(x0, { dtype: torch.float64, requires_grad: true });
    const g = torch.tensor([0.5, -1.5, 2.0, 0.25], { dtype: torch.float64 });
    x.div(x.sum()).backward(g);
    const xd = x.detach();
    const s = xd.sum();
    const closed = g.div(s).sub(g.mul(xd).sum().div(s.mul(s)));
    expectAllClose(x.grad!, closed, 'closed form');
  });
});

describe('1.3 matrix-product gradients', () => {
  it('Example 1: Y = XW with ∂Y all ones: ∂W = Xᵀ∂Y, ∂X = ∂Y Wᵀ', () => {
    const X = mat(5, 3, 1);
    const W = mat(3, 4, 2);
    const Y = X.matmul(W);
    const dY = torch.ones_like(Y);
    Y.backward(dY);
    expectAllClose(W.grad!, X.detach().t().matmul(dY), 'Xᵀ ∂Y');
    expectAllClose(X.grad!, dY.matmul(W.detach().t()), '∂Y Wᵀ');
    // and with a general upstream gradient
    const X2 = mat(5, 3, 3);
    const W2 = mat(3, 4, 4);
    const g = mat(5, 4, 5, false);
    X2.matmul(W2).backward(g);
    expectAllClose(W2.grad!, X2.detach().t().matmul(g), 'Xᵀ G');
    expectAllClose(X2.grad!, g.matmul(W2.detach().t()), 'G Wᵀ');
  });

  it('Example 2: f = Y², ∂f/∂X = (2 ⊙ Y) Wᵀ', () => {
    const X = mat(2, 2, 6);
    const W = mat(2, 2, 7);
    const Y = X.matmul(W);
    Y.pow(2).sum().backward();
    const Yd = Y.detach();
    expectAllClose(X.grad!, Yd.mul(2).matmul(W.detach().t()), '(2⊙Y) Wᵀ');
    expectAllClose(W.grad!, X.detach().t().matmul(Yd.mul(2)), 'Xᵀ (2⊙Y)');
    // the notes' 2×2 entry (1,1) written out: (2y11)w11 + (2y12)w12
    const [y, w] = [Yd.tolist() as number[][], W.detach().tolist() as number[][]];
    expect((X.grad!.tolist() as number[][])[0][0]).toBeCloseTo(2 * y[0][0] * w[0][0] + 2 * y[0][1] * w[0][1], 12);
  });

  /** f(C) = mean(C³): a non-linear f, with ∂f/∂C read back through retain_grad. */
  const f = (t: Tensor): Tensor => t.pow(3).mean();

  it('Theorem 1: C = AB: ∂f/∂A = ∂C Bᵀ, ∂f/∂B = Aᵀ ∂C', () => {
    const A = mat(3, 4, 8);
    const B = mat(4, 2, 9);
    const C = A.matmul(B);
    C.retain_grad();
    f(C).backward();
    const dC = C.grad!;
    expectAllClose(A.grad!, dC.matmul(B.detach().t()), '∂C Bᵀ');
    expectAllClose(B.grad!, A.detach().t().matmul(dC), 'Aᵀ ∂C');
  });

  it('Theorem 2: D = ABC: ∂A = ∂D CᵀBᵀ, ∂B = Aᵀ ∂D Cᵀ, ∂C = BᵀAᵀ ∂D', () => {
    const A = mat(2, 3, 10);
    const B = mat(3, 4, 11);
    const C = mat(4, 5, 12);
    const D = A.matmul(B).matmul(C);
    D.retain_grad();
    f(D).backward();
    const dD = D.grad!;
    const [a, b, c] = [A, B, C].map((t) => t.detach());
    expectAllClose(A.grad!, dD.matmul(c.t()).matmul(b.t()), '∂D Cᵀ Bᵀ');
    expectAllClose(A.grad!, dD.matmul(b.matmul(c).t()), '∂D (BC)ᵀ');
    expectAllClose(B.grad!, a.t().matmul(dD).matmul(c.t()), 'Aᵀ ∂D Cᵀ');
    expectAllClose(C.grad!, b.t().matmul(a.t()).matmul(dD), 'Bᵀ Aᵀ ∂D');
    expectAllClose(C.grad!, a.matmul(b).t().matmul(dD), '(AB)ᵀ ∂D');
  });

  it('Theorem 3: Y1 = X1…Xn, ∂Y2/∂Xi = (X1…X(i−1))ᵀ ∂Y1 (X(i+1)…Xn)ᵀ', () => {
    const dims = [3, 4, 2, 5, 3, 2];
    const Xs = dims.slice(0, -1).map((d, i) => mat(d, dims[i + 1], 20 + i));
    const Y1 = Xs.reduce((acc, x) => acc.matmul(x));
    Y1.retain_grad();
    f(Y1).backward();
    const dY1 = Y1.grad!;
    const xs = Xs.map((x) => x.detach());
    const prod = (from: number, to: number, size: number): Tensor =>
      from > to ? torch.eye(size, { dtype: torch.float64 }) : xs.slice(from, to + 1).reduce((acc, x) => acc.matmul(x));
    xs.forEach((x, i) => {
      const left = prod(0, i - 1, x.size(0));
      const right = prod(i + 1, xs.length - 1, x.size(1));
      expectAllClose(Xs[i].grad!, left.t().matmul(dY1).matmul(right.t()), `X${i + 1}`);
    });
  });
});
