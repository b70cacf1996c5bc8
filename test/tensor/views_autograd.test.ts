// Autograd through strided views: float64 finite-difference checks of every view op and of
// in-place writes through views (CopySlices), double backward, hooks, version counters and the
// errors PyTorch raises. PyTorch-made fixtures for the same behaviour: views.test.ts.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { gradcheck } from '../helpers/gradcheck.js';

const f64 = (...shape: number[]): Tensor => {
  const n = shape.reduce((a, b) => a * b, 1);
  return torch.arange(n, { dtype: torch.float64 }).mul(0.37).add(0.2).sin().reshape(shape);
};

describe('gradients of view ops (float64 finite differences)', () => {
  it('transpose, select, narrow, expand, diagonal, unfold, as_strided', () => {
    expect(gradcheck((x) => x.t().select(0, 1).mul(x.narrow(1, 0, 1).squeeze(1)), [f64(3, 3)])).toBe(true);
    expect(gradcheck((x) => x.unsqueeze(0).expand(2, 3, 4).mul(f64(2, 3, 4)), [f64(3, 4)])).toBe(true);
    expect(gradcheck((x) => [x.diagonal(), x.diagonal(1), x.diagonal(-2, 0, 1)], [f64(3, 4)])).toBe(true);
    expect(gradcheck((x) => x.reshape(2, 3, 4).diagonal(0, 2, 0), [f64(24)])).toBe(true);
    expect(gradcheck((x) => x.unfold(1, 3, 1).pow(2), [f64(2, 5)])).toBe(true); // overlapping windows
    expect(gradcheck((x) => x.unfold(0, 2, 2), [f64(5, 2)])).toBe(true);
    expect(gradcheck((x) => torch.as_strided(x, [2, 3], [1, 2], 1).pow(2), [f64(8)])).toBe(true);
    expect(gradcheck((x, s) => torch.as_strided_scatter(x, s, [2, 2], [3, 1], 1), [f64(3, 3), f64(2, 2)])).toBe(true);
    expect(gradcheck((x) => x.tensor_split(3, 1).map((p, i) => p.mul(i + 1)), [f64(2, 7)])).toBe(true);
  });
  it('products of transposed views (folded into the kernel)', () => {
    expect(gradcheck((a, b) => a.t().matmul(b), [f64(4, 3), f64(4, 2)])).toBe(true);
    expect(gradcheck((a, b) => a.matmul(b.t()), [f64(3, 4), f64(2, 4)])).toBe(true);
    expect(gradcheck((a, b) => a.mT.matmul(b.mT), [f64(2, 4, 3), f64(2, 5, 4)])).toBe(true);
  });
});

describe('in-place writes through views (CopySlices)', () => {
  it('gradients of writes through select, narrow, t, diagonal, and a sibling read', () => {
    const write = (a: Tensor, c: Tensor) => {
      const b = a.mul(1);
      b.select(0, 1).mul_(c.select(0, 0));
      b.narrow(1, 2, 2).add_(c.narrow(1, 1, 2));
      b.t().select(0, 0).copy_(c.select(1, 0).narrow(0, 0, 3));
      b.diagonal().mul_(2);
      return b.exp();
    };
    expect(gradcheck(write, [f64(3, 4), f64(3, 4).mul(0.5)])).toBe(true);
  });
  it('a view read after its base is written sees the new values and gradient', () => {
    const fn = (a: Tensor) => {
      const b = a.mul(1);
      const v = b.narrow(0, 1, 2);
      b.mul_(a);
      return v.pow(2);
    };
    expect(gradcheck(fn, [f64(3, 2)])).toBe(true);
  });
  it('fill_ and zero_ through views cut the gradient of the written part', () => {
    const a = torch.ones(2, 3, { dtype: torch.float64, requires_grad: true });
    const b = a.mul(3);
    b.select(1, 1).zero_();
    b.select(0, 0).fill_(5);
    expect(b.grad_fn?.name()).toBe('CopySlices');
    b.sum().backward();
    expect(a.grad!.tolist()).toEqual([[0, 0, 0], [3, 0, 3]]);
    expect(b.tolist()).toEqual([[5, 5, 5], [3, 0, 3]]);
  });
  it('double backward through a write into a view', () => {
    const a = torch.tensor([1, 2, 3], { dtype: torch.float64, requires_grad: true });
    const b = a.mul(1);
    b.narrow(0, 0, 2).mul_(a.narrow(0, 1, 2)); // b = [a0*a1, a1*a2, a2]
    const [g] = torch.autograd.grad(b.pow(2).sum(), [a], { create_graph: true });
    // d/da of sum(b^2): [2 a0 a1^2, 2 a0^2 a1 + 2 a1 a2^2, 2 a1^2 a2 + 2 a2]
    expect(g!.tolist()).toEqual([8, 2 * 2 + 2 * 2 * 9, 2 * 4 * 3 + 6]);
    const [h] = torch.autograd.grad(g!.sum(), [a]);
    // d/da of sum(g): [2 a1^2 + 4 a0 a1, 4 a0 a1 + 2 a0^2 + 2 a2^2 + 4 a1 a2, 4 a1 a2 + 2 a1^2 + 2]
    expect(h!.tolist()).toEqual([16, 52, 34]);
  });
  it('hooks and retain_grad on a view written in place', () => {
    const a = torch.ones(2, 2, { requires_grad: true });
    const b = a.mul(2);
    const v = b.select(0, 0);
    v.mul_(3);
    v.retain_grad();
    const seen: number[][] = [];
    v.register_hook((g) => void seen.push(g.tolist() as number[]));
    expect(v.grad_fn?.name()).toBe('AsStridedBackward0'); // rebuilt from the base, as PyTorch's
    v.sum().backward();
    expect(seen).toEqual([[1, 1]]);
    expect(v.grad!.tolist()).toEqual([1, 1]);
    expect(a.grad!.tolist()).toEqual([[6, 6], [0, 0]]);
  });
});

describe('memory model', () => {
  it('views share storage and the version counter; reshape of a transposed view copies', () => {
    const x = torch.zeros(3, 4);
    const r = x.select(0, 2);
    expect(r.untyped_storage().data_ptr()).toBe(x.untyped_storage().data_ptr());
    expect(r.data_ptr()).toBe(x.data_ptr() + 8 * 4);
    x.add_(1);
    expect(r._version).toBe(x._version);
    const c = x.t().reshape(-1);
    expect(c.untyped_storage().data_ptr()).not.toBe(x.untyped_storage().data_ptr());
    expect(x.t().contiguous().is_contiguous()).toBe(true);
    const n = x.narrow(0, 1, 1);
    expect(n.contiguous()).toBe(n);
  });
  it('a saved tensor written through a view fails backward with PyTorch\'s message', () => {
    const a = torch.ones(2, 2, { requires_grad: true });
    const b = a.mul(1);
    const y = b.pow(2);
    b.select(0, 0).add_(1);
    expect(() => y.sum().backward()).toThrow(/modified by an inplace operation/);
  });
  it('PyTorch\'s errors: view of a leaf, overlapping write, incompatible view, as_strided out of bounds', () => {
    const w = torch.zeros(2, 2, { requires_grad: true });
    expect(() => w.select(0, 0).add_(1)).toThrow('a view of a leaf Variable that requires grad is being used in an in-place operation.');
    torch.no_grad(() => w.select(0, 0).add_(1)); // allowed without grad mode
    expect(w.tolist()).toEqual([[1, 1], [0, 0]]);
    expect(() => torch.zeros(3).expand(2, 3).mul_(2)).toThrow(
      'unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.',
    );
    expect(() => torch.zeros(2, 3).t().view(6)).toThrow(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
    expect(() => torch.as_strided(torch.zeros(4), [2, 2], [2, 1], 2)).toThrow(/out of bounds for storage of size 16/);
  });
  it('elementwise results keep a permuted input\'s layout (no copy in, as PyTorch\'s TensorIterator); other ops give contiguous results', () => {
    const x = torch.arange(12, { dtype: torch.float32 }).reshape(3, 4);
    const y = x.t().mul(2).add(x.t()).relu();
    expect([y.is_contiguous(), y.stride(), y.tolist()]).toEqual([false, [1, 4], x.t().mul(3).contiguous().tolist()]);
    expect(x.t().clone().stride()).toEqual([1, 4]); // clone keeps it too (preserve_format)
    const sq = torch.arange(16, { dtype: torch.float32 }).reshape(4, 4);
    expect(sq.add(sq.t()).stride()).toEqual([4, 1]); // mixed layouts: contiguous
    expect(x.t().cumsum(0).is_contiguous()).toBe(true);
  });
  it('view ops copy nothing: 1024x1024 transpose, select, narrow, expand, view share memory', () => {
    const x = torch.zeros(1024, 1024);
    for (const v of [x.t(), x.select(1, 3), x.narrow(0, 5, 100), x.unsqueeze(0).expand(3, 1024, 1024), x.view(-1), x.T, x.diagonal(), x.unfold(0, 4, 4)])
      expect(v.untyped_storage().data_ptr()).toBe(x.untyped_storage().data_ptr());
  });
});
