// F.batch_norm / layer_norm / group_norm and nn.BatchNorm1d/2d, LayerNorm, GroupNorm vs PyTorch
// (fixtures from test/fixtures/gen_nn_conv.py: outputs, grads, updated running stats and
// num_batches_tracked), float64 gradchecks, and BatchNorm keeping a deep stack's activations bounded.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { BatchNorm1d, BatchNorm2d, GroupNorm, LayerNorm } from '../../torchlike/nn/modules/normalization.js';
import { Conv2d } from '../../torchlike/nn/modules/conv.js';
import { checkCase, loadFixtures } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';
import { Session } from '../../src/ort/runtime.js';

const F = torch.nn.functional;
const f64 = (shape: number[], seed: number): Tensor => {
  torch.manual_seed(seed);
  return torch.randn(shape, { dtype: torch.float64 });
};

/** The generator's bn_fn: running stats given as lists, returned after the in-place update. */
function bnFn(x: Tensor, w: Tensor | null, b: Tensor | null, rm: number[] | null, rv: number[] | null, kw: object): Tensor | Tensor[] {
  const rmT = rm ? torch.tensor(rm, { dtype: x.dtype }) : null;
  const rvT = rv ? torch.tensor(rv, { dtype: x.dtype }) : null;
  const y = F.batch_norm(x, rmT, rvT, w, b, kw);
  return rmT ? [y, rmT, rvT!] : y;
}

/** The generator's bn_module: two train-mode steps, then eval; outputs and buffers. */
function bnModule(x1: Tensor, x2: Tensor, kw: object): Tensor[] {
  const m = x1.dim() === 4 ? new BatchNorm2d(x1.shape[1], kw) : new BatchNorm1d(x1.shape[1], kw);
  m(x1);
  const y = m(x2);
  m.eval();
  const y2 = m(x1);
  if (m.running_mean === null) return [y, y2];
  return [y, y2, m.running_mean, m.running_var!, m.num_batches_tracked!];
}

const fns: Record<string, (c: { kwargs: object }) => (...a: any[]) => Tensor | Tensor[]> = {
  batch_norm: (c) => (x, w, b, rm, rv) => bnFn(x, w, b, rm, rv, c.kwargs),
  BatchNorm2d: (c) => (x1, x2) => bnModule(x1, x2, c.kwargs),
  BatchNorm1d: (c) => (x1, x2) => bnModule(x1, x2, c.kwargs),
  layer_norm: (c) => (...xs) => F.layer_norm(...(xs as [Tensor]), c.kwargs),
  group_norm: (c) => (...xs) => F.group_norm(...(xs as [Tensor]), c.kwargs),
};

describe('normalization vs PyTorch', () => {
  for (const c of loadFixtures('nn_conv')) {
    const fname = c.name.split('/')[0];
    if (!(fname in fns)) continue;
    it(c.name, () => checkCase(c, fns[fname](c)));
  }
});

describe('normalization float64 gradcheck', () => {
  it('batch_norm, training (gradient through the batch statistics)', () => {
    const rm = torch.zeros([3], { dtype: torch.float64 });
    const rv = torch.ones([3], { dtype: torch.float64 });
    expect(gradcheck((x, w, b) => F.batch_norm(x, rm, rv, w, b, true), [f64([4, 3, 2, 2], 1), f64([3], 2), f64([3], 3)])).toBe(true);
    expect(gradcheck((x) => F.batch_norm(x, null, null, null, null, true), [f64([5, 3], 4)])).toBe(true);
  });
  it('batch_norm, eval', () => {
    const rm = f64([3], 5);
    const rv = f64([3], 6).abs().add(0.5);
    expect(gradcheck((x, w, b) => F.batch_norm(x, rm, rv, w, b, false), [f64([2, 3, 4], 7), f64([3], 8), f64([3], 9)])).toBe(true);
  });
  it('layer_norm and group_norm', () => {
    expect(gradcheck((x, w, b) => F.layer_norm(x, [3, 4], w, b), [f64([2, 3, 4], 10), f64([3, 4], 11), f64([3, 4], 12)])).toBe(true);
    expect(gradcheck((x, w, b) => F.group_norm(x, 2, w, b), [f64([2, 4, 3], 13), f64([4], 14), f64([4], 15)])).toBe(true);
  });
});

describe('normalization: fused primitives', () => {
  it('float64 gradcheck without affine parameters, other ranks, running stats present', () => {
    const rm = torch.zeros([3], { dtype: torch.float64 });
    const rv = torch.ones([3], { dtype: torch.float64 });
    expect(gradcheck((x) => F.batch_norm(x, rm, rv, null, null, true, 0.1), [f64([3, 3, 4], 20)])).toBe(true);
    expect(gradcheck((x, b) => F.batch_norm(x, null, null, null, b, true), [f64([4, 3, 2, 1, 2], 21), f64([3], 22)])).toBe(true);
    expect(gradcheck((x, w) => F.batch_norm(x, rm.clone(), rv.clone(), w, null, false), [f64([2, 3], 23), f64([3], 24)])).toBe(true);
    expect(gradcheck((x) => F.layer_norm(x, [4]), [f64([3, 4], 25)])).toBe(true);
    expect(gradcheck((x, w) => F.layer_norm(x, [2, 3], w), [f64([2, 3], 26), f64([2, 3], 27)])).toBe(true);
    expect(gradcheck((x) => F.group_norm(x, 3), [f64([2, 6, 2, 2], 28)])).toBe(true);
    expect(gradcheck((x, b) => F.group_norm(x, 1, null, b), [f64([3, 2], 29), f64([2], 30)])).toBe(true);
  });
  it('grad_fn names; double backward is not implemented', () => {
    const x = f64([4, 3], 31).requires_grad_(true);
    const w = f64([3], 32).requires_grad_(true);
    expect(F.batch_norm(x, null, null, w, null, true).grad_fn!.name()).toBe('NativeBatchNormBackward0');
    expect(F.batch_norm(x, torch.zeros([3], { dtype: torch.float64 }), torch.ones([3], { dtype: torch.float64 }), w).grad_fn!.name()).toBe('NativeBatchNormBackward0');
    expect(F.layer_norm(x, [3], w).grad_fn!.name()).toBe('NativeLayerNormBackward0');
    expect(F.group_norm(x, 3, w).grad_fn!.name()).toBe('NativeGroupNormBackward0');
    const y = F.batch_norm(x, null, null, w, null, true);
    const [gx] = torch.autograd.grad(y.mul(y).sum(), [x], { create_graph: true });
    expect(() => gx!.sum().backward()).toThrow('double backward of native_batch_norm is not implemented');
  });
  it('running statistics: unbiased variance, updated in place, not saved for backward', () => {
    const x = torch.tensor([[1, 2], [3, 6], [5, 1]]).float().requires_grad_(true);
    const rm = torch.zeros([2]);
    const rv = torch.ones([2]);
    const y = F.batch_norm(x, rm, rv, null, null, true, 0.5);
    expect(rm.tolist()).toEqual([1.5, 1.5]);
    expect((rv.tolist() as number[]).map((v) => +v.toFixed(5))).toEqual([2.5, 4]);
    // a second training step writes the buffers again: the first graph's backward still works
    F.batch_norm(x.detach(), rm, rv, null, null, true, 0.5);
    y.pow(3).sum().backward();
    expect(x.grad!.shape).toEqual([3, 2]);
  });
  it('BatchNorm2d training step: one onnxruntime call for the forward (+1 for num_batches_tracked), one for the backward', () => {
    const bn = new BatchNorm2d(4);
    const x = torch.randn([8, 4, 5, 5]).requires_grad_(true);
    const gy = torch.randn([8, 4, 5, 5]);
    bn(x).backward(gy); // warm the session cache
    const orig = Session.prototype.run;
    let calls = 0;
    Session.prototype.run = function (this: Session, ...a: Parameters<Session['run']>) {
      calls++;
      return orig.apply(this, a);
    };
    try {
      x.grad = bn.weight!.grad = bn.bias!.grad = null; // (accumulating into existing grads is an add each)
      const y = bn(x);
      const fwd = calls;
      y.backward(gy);
      expect(fwd).toBeLessThanOrEqual(2);
      expect(calls - fwd).toBe(1);
      bn.eval();
      calls = 0;
      torch.no_grad(() => bn(x));
      expect(calls).toBe(1);
    } finally {
      Session.prototype.run = orig;
    }
  });
});

describe('normalization modules', () => {
  it('BatchNorm2d: buffers in PyTorch order, training updates them, eval uses them', () => {
    const bn = new BatchNorm2d(3);
    expect(Object.keys(bn.state_dict())).toEqual(['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked']);
    expect(bn.num_batches_tracked!.item()).toBe(0);
    expect(bn.running_var!.tolist()).toEqual([1, 1, 1]);
    const x = torch.randn([4, 3, 2, 2]);
    bn(x);
    bn(x);
    expect(bn.num_batches_tracked!.item()).toBe(2);
    bn.eval();
    const y = bn(x);
    const want = F.batch_norm(x, bn.running_mean, bn.running_var, bn.weight, bn.bias, false);
    expect(y.sub(want).abs().max().item()).toBe(0);
    expect(bn.num_batches_tracked!.item()).toBe(2);
    expect(String(new BatchNorm2d(6, { momentum: null }))).toBe('BatchNorm2d(6, eps=1e-05, momentum=None, affine=True, track_running_stats=True)');
    expect(String(new BatchNorm1d(16, { affine: false }))).toBe('BatchNorm1d(16, eps=1e-05, momentum=0.1, affine=False, track_running_stats=True)');
  });
  it('input rank checks', () => {
    expect(() => new BatchNorm2d(3)(torch.zeros([2, 3]))).toThrow('expected 4D input (got 2D input)');
    expect(() => new BatchNorm1d(3)(torch.zeros([2, 3, 2, 2]))).toThrow('expected 2D or 3D input (got 4D input)');
    expect(() => F.batch_norm(torch.zeros([1, 3]), torch.zeros([3]), torch.ones([3]), null, null, true)).toThrow(
      'Expected more than 1 value per channel when training, got input size torch.Size([1, 3])',
    );
    expect(() => F.group_norm(torch.zeros([2, 6, 3]), 4)).toThrow(
      'Expected number of channels in input to be divisible by num_groups, but got input of shape [2, 6, 3] and num_groups=4',
    );
    expect(() => F.layer_norm(torch.zeros([2, 3]), [4])).toThrow('Given normalized_shape=[4], expected input with shape [*, 4], but got input of size[2, 3]');
  });
  it('LayerNorm and GroupNorm: parameters and reprs', () => {
    const ln = new LayerNorm(5);
    expect(ln.weight!.tolist()).toEqual([1, 1, 1, 1, 1]);
    expect(ln.bias!.tolist()).toEqual([0, 0, 0, 0, 0]);
    expect(String(ln)).toBe('LayerNorm((5,), eps=1e-05, elementwise_affine=True)');
    expect(String(new LayerNorm([4, 5], { elementwise_affine: false }))).toBe('LayerNorm((4, 5), eps=1e-05, elementwise_affine=False)');
    expect(new LayerNorm([4, 5], { elementwise_affine: false }).parameters()).toEqual([]);
    const gn = new GroupNorm(2, 8, { eps: 1e-3 });
    expect(String(gn)).toBe('GroupNorm(2, 8, eps=0.001, affine=True)');
    expect(() => new GroupNorm(3, 8)).toThrow('num_channels must be divisible by num_groups');
  });
});

describe('derivation notes: BatchNorm keeps outputs from exploding', () => {
  // 20 conv layers whose weights have twice the variance-preserving scale: each layer multiplies
  // the activations' variance by about 4 (4^20 ≈ 1e12). With BatchNorm after each layer the
  // activations stay at unit variance.
  const depth = 20;
  const run = (withBn: boolean): number => {
    torch.manual_seed(0);
    let h = torch.randn([8, 4, 6, 6]);
    for (let i = 0; i < depth; i++) {
      const conv = new Conv2d(4, 4, 3, { padding: 1, bias: false });
      torch.nn.init.normal_(conv.weight, 0, 2 / Math.sqrt(4 * 9));
      h = torch.no_grad(() => conv(h));
      if (withBn) h = torch.no_grad(() => new BatchNorm2d(4)(h));
    }
    return h.var().item() as number;
  };
  it('explodes without BatchNorm, stays at unit variance with it', () => {
    const plain = run(false);
    const normed = run(true);
    expect(plain).toBeGreaterThan(1e6);
    expect(Math.abs(normed - 1)).toBeLessThan(0.05);
  });
});
