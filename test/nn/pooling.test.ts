// F.max_pool1d/2d, avg_pool1d/2d, adaptive_avg_pool1d/2d vs PyTorch (fixtures from
// test/fixtures/gen_nn_conv.py; indices and NaN included), float64 gradchecks, errors, modules.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { AdaptiveAvgPool1d, AdaptiveAvgPool2d, AvgPool1d, AvgPool2d, MaxPool1d, MaxPool2d } from '../../torchlike/nn/modules/pooling.js';
import { checkCase, loadFixtures } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

const F = torch.nn.functional;
/** Seeded standard-normal float64 input for gradchecks. */
const f64 = (shape: number[], seed: number): Tensor => {
  torch.manual_seed(seed);
  return torch.randn(shape, { dtype: torch.float64 });
};
const fns: Record<string, (...a: any[]) => Tensor | Tensor[]> = {
  max_pool1d: F.max_pool1d, max_pool2d: F.max_pool2d, avg_pool1d: F.avg_pool1d, avg_pool2d: F.avg_pool2d,
  adaptive_avg_pool1d: F.adaptive_avg_pool1d, adaptive_avg_pool2d: F.adaptive_avg_pool2d,
};

describe('pooling vs PyTorch', () => {
  for (const c of loadFixtures('nn_conv')) {
    const fname = c.name.split('/')[0];
    if (!(fname in fns)) continue;
    it(c.name, () => checkCase(c, (...xs) => fns[fname](...xs, c.kwargs)));
  }
});

describe('pooling float64 gradcheck', () => {
  it('max_pool2d with padding, dilation, ceil_mode', () => {
    expect(gradcheck((x) => F.max_pool2d(x, 3, { stride: 2, padding: 1, ceil_mode: true }), [f64([2, 2, 6, 5], 1)])).toBe(true);
    expect(gradcheck((x) => F.max_pool2d(x, [2, 2], { stride: 1, dilation: 2 }), [f64([1, 2, 5, 5], 2)])).toBe(true);
  });
  it('max_pool1d', () => {
    expect(gradcheck((x) => F.max_pool1d(x, 3, { stride: 2, padding: 1 }), [f64([2, 2, 9], 3)])).toBe(true);
  });
  it('avg_pool2d: count_include_pad, ceil_mode, divisor_override', () => {
    expect(gradcheck((x) => F.avg_pool2d(x, 3, { stride: 2, padding: 1, ceil_mode: true, count_include_pad: false }), [f64([1, 2, 6, 7], 4)])).toBe(true);
    expect(gradcheck((x) => F.avg_pool2d(x, [2, 3], { stride: [2, 1], padding: 1, divisor_override: 5 }), [f64([1, 2, 5, 5], 5)])).toBe(true);
  });
  it('avg_pool1d', () => {
    expect(gradcheck((x) => F.avg_pool1d(x, 3, { stride: 2, padding: 1, ceil_mode: true }), [f64([2, 2, 8], 6)])).toBe(true);
  });
  it('adaptive_avg_pool2d / 1d', () => {
    expect(gradcheck((x) => F.adaptive_avg_pool2d(x, [3, 2]), [f64([1, 2, 7, 5], 7)])).toBe(true);
    expect(gradcheck((x) => F.adaptive_avg_pool2d(x, 1), [f64([2, 2, 3, 3], 8)])).toBe(true);
    expect(gradcheck((x) => F.adaptive_avg_pool1d(x, 4), [f64([2, 2, 10], 9)])).toBe(true);
  });
});

describe('pooling errors (PyTorch text)', () => {
  const z = (...s: number[]) => torch.zeros(s);
  it('bad padding, rank and output size', () => {
    expect(() => F.max_pool2d(z(1, 1, 4, 4), 3, { padding: 2 })).toThrow('pad should be at most half of kernel size, but got pad=2 and kernel_size=3');
    expect(() => F.max_pool2d(z(2, 3), 2)).toThrow('non-empty 3D or 4D (batch mode) tensor expected for input');
    expect(() => F.max_pool1d(z(2), 2)).toThrow('max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:[2]');
    expect(() => F.avg_pool2d(z(1, 1, 2, 2), 3)).toThrow('Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small');
    expect(() => F.avg_pool2d(z(1, 1, 4, 4), 2, { divisor_override: 0 })).toThrow('divisor must be not zero');
    expect(() => F.adaptive_avg_pool2d(z(2, 3), 2)).toThrow('adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got [2, 3]');
  });
});

describe('pooling modules', () => {
  it('forward = F function; reprs as PyTorch', () => {
    const x = torch.randn([2, 3, 7, 6]);
    const same = (a: Tensor, b: Tensor) => expect(a.sub(b).abs().max().item()).toBe(0);
    same(new MaxPool2d(3, { stride: 2, padding: 1 })(x), F.max_pool2d(x, 3, 2, 1));
    same(x.max_pool2d(3, { stride: 2, padding: 1 }), F.max_pool2d(x, 3, 2, 1));
    same(new AvgPool2d(3, { stride: 2, ceil_mode: true })(x), F.avg_pool2d(x, 3, { stride: 2, ceil_mode: true }));
    same(new AdaptiveAvgPool2d([2, 3])(x), F.adaptive_avg_pool2d(x, [2, 3]));
    const x1 = torch.randn([2, 3, 9]);
    same(new MaxPool1d(2)(x1), F.max_pool1d(x1, 2));
    same(new AvgPool1d(3)(x1), F.avg_pool1d(x1, 3));
    same(new AdaptiveAvgPool1d(4)(x1), F.adaptive_avg_pool1d(x1, 4));
    const [y, idx] = new MaxPool2d(2, { return_indices: true })(x) as [Tensor, Tensor];
    same(y, F.max_pool2d(x, 2));
    expect(idx.dtype).toBe(torch.int64);
    expect(String(new MaxPool2d(2))).toBe('MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)');
    expect(String(new MaxPool1d(3, 2))).toBe('MaxPool1d(kernel_size=3, stride=2, padding=0, dilation=1, ceil_mode=False)');
    expect(String(new AvgPool2d(3, 2, 1))).toBe('AvgPool2d(kernel_size=3, stride=2, padding=1)');
    expect(String(new AvgPool1d(3))).toBe('AvgPool1d(kernel_size=(3,), stride=(3,), padding=(0,))');
    expect(String(new AdaptiveAvgPool2d([1, 1]))).toBe('AdaptiveAvgPool2d(output_size=(1, 1))');
    expect(String(new AdaptiveAvgPool2d([null, 3]))).toBe('AdaptiveAvgPool2d(output_size=(None, 3))');
  });
});
