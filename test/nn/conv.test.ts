// F.conv1d / conv2d / conv_transpose1d / conv_transpose2d vs PyTorch (fixtures from
// test/fixtures/gen_nn_conv.py), float64 gradchecks (the im2col lowering), PyTorch's errors.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { Conv1d, Conv2d, ConvTranspose2d } from '../../torchlike/nn/modules/conv.js';
import { checkCase, loadFixtures } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

const F = torch.nn.functional;
const fns: Record<string, (...a: any[]) => Tensor> = {
  conv1d: F.conv1d, conv2d: F.conv2d, conv_transpose1d: F.conv_transpose1d, conv_transpose2d: F.conv_transpose2d,
};

/** Seeded standard-normal float64 input for gradchecks. */
const f64 = (shape: number[], seed: number): Tensor => {
  torch.manual_seed(seed);
  return torch.randn(shape, { dtype: torch.float64 });
};

describe('conv vs PyTorch', () => {
  for (const c of loadFixtures('nn_conv')) {
    const fname = c.name.split('/')[0];
    if (!(fname in fns)) continue;
    // Sums of up to C·k·k float32 products: accumulation order differs from PyTorch's, hence atol 1e-5.
    it(c.name, () => checkCase(c, (...xs) => fns[fname](...xs, c.kwargs), { atol: 1e-5 }));
  }
});

describe('conv float64 gradcheck', () => {
  it('conv2d: stride, asymmetric padding, dilation, groups, bias', () => {
    const x = f64([2, 4, 5, 6], 1);
    const w = f64([4, 2, 3, 2], 2);
    const b = f64([4], 3);
    expect(gradcheck((x, w, b) => F.conv2d(x, w, b, { stride: [2, 1], padding: [1, 0], dilation: [1, 2], groups: 2 }), [x, w, b])).toBe(true);
  });
  it("conv2d padding='same' with an even kernel; uneven stride remainder", () => {
    expect(gradcheck((x, w) => F.conv2d(x, w, null, { padding: 'same' }), [f64([1, 2, 4, 5], 4), f64([3, 2, 2, 3], 5)])).toBe(true);
    expect(gradcheck((x, w) => F.conv2d(x, w, null, { stride: 3 }), [f64([1, 2, 7, 6], 6), f64([2, 2, 2, 2], 7)])).toBe(true);
  });
  it('conv1d', () => {
    expect(gradcheck((x, w, b) => F.conv1d(x, w, b, { stride: 2, padding: 1, dilation: 2 }), [f64([2, 2, 9], 8), f64([3, 2, 3], 9), f64([3], 10)])).toBe(true);
  });
  it('conv_transpose2d: stride, padding, output_padding, groups, dilation', () => {
    const x = f64([1, 4, 3, 3], 11);
    const w = f64([4, 2, 3, 2], 12);
    const b = f64([4], 13);
    expect(gradcheck((x, w, b) => F.conv_transpose2d(x, w, b, { stride: [2, 1], padding: [1, 0], output_padding: [1, 0], groups: 2, dilation: [1, 2] }), [x, w, b])).toBe(true);
    expect(gradcheck((x, w) => F.conv_transpose2d(x, w, null, { dilation: 2, output_padding: 1 }), [f64([1, 2, 3, 3], 14), f64([2, 2, 2, 2], 15)])).toBe(true);
  });
  it('double backward: gradient of the input gradient', () => {
    // d/dw of sum(dL/dx) exercises conv_transpose's own gradient.
    // gradcheck evaluates under no_grad; the inner gradient needs grad mode.
    const fn = (x: Tensor, w: Tensor) =>
      torch.enable_grad(() => {
        const xr = x.requires_grad ? x : x.detach().requires_grad_(true);
        const y = F.conv2d(xr, w, null, { stride: 2, padding: 1 });
        const [gx] = torch.autograd.grad(y.pow(2).sum(), [xr], { create_graph: true });
        return gx!;
      });
    expect(gradcheck(fn, [f64([1, 2, 5, 4], 16), f64([2, 2, 3, 3], 17)])).toBe(true);
  });
});

describe('conv float32 uses the same results as float64', () => {
  it('float32 and float64 agree', () => {
    const x = f64([2, 3, 6, 6], 21);
    const w = f64([4, 3, 3, 3], 22);
    const a = F.conv2d(x, w, null, { padding: 1, stride: 2 });
    const b = F.conv2d(x.float(), w.float(), null, { padding: 1, stride: 2 });
    const err = a.sub(b.double()).abs().max().item() as number;
    expect(err).toBeLessThan(1e-5);
  });
});

describe('conv errors (PyTorch text)', () => {
  const z = (...s: number[]) => torch.zeros(s);
  it('rank', () => {
    expect(() => F.conv2d(z(2, 3), z(8, 1, 3, 3))).toThrow('Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [2, 3]');
    expect(() => F.conv1d(z(2), z(8, 1, 3))).toThrow('Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: [2]');
  });
  it('channels and groups', () => {
    expect(() => F.conv2d(z(2, 3, 28, 28), z(8, 1, 3, 3))).toThrow(
      'Given groups=1, weight of size [8, 1, 3, 3], expected input[2, 3, 28, 28] to have 1 channels, but got 3 channels instead',
    );
    expect(() => F.conv2d(z(1, 4, 5, 5), z(3, 2, 3, 3), null, { groups: 2 })).toThrow(
      'Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [[3, 2, 3, 3]] instead',
    );
    expect(() => F.conv_transpose2d(z(1, 2, 5, 5), z(3, 4, 3, 3))).toThrow(
      'Given transposed=1, weight of size [3, 4, 3, 3], expected input[1, 2, 5, 5] to have 3 channels, but got 2 channels instead',
    );
  });
  it('padding and sizes', () => {
    expect(() => F.conv2d(z(1, 3, 5, 5), z(8, 3, 3, 3), null, { padding: 'foo' })).toThrow("Invalid padding string: 'foo'");
    expect(() => F.conv2d(z(1, 3, 5, 5), z(8, 3, 3, 3), null, { padding: 'same', stride: 2 })).toThrow("padding='same' is not supported for strided convolutions");
    expect(() => F.conv2d(z(1, 3, 2, 2), z(8, 3, 3, 3))).toThrow(
      "Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size",
    );
    expect(() => F.conv_transpose2d(z(1, 3, 5, 5), z(3, 4, 3, 3), null, { output_padding: 1 })).toThrow(
      'output padding must be smaller than either stride or dilation, but got output_padding_height: 1 output_padding_width: 1 stride_height: 1 stride_width: 1 dilation_height: 1 dilation_width: 1',
    );
  });
});

describe('conv modules', () => {
  it('Conv2d: shapes, PyTorch default init bounds, forward = F.conv2d, repr', () => {
    const conv = new Conv2d(3, 6, 5, { padding: 2 });
    expect(conv.weight.shape).toEqual([6, 3, 5, 5]);
    expect(conv.bias!.shape).toEqual([6]);
    // kaiming_uniform_(a=√5) and the bias both give U(±1/√fan_in), fan_in = 3·5·5.
    const bound = 1 / Math.sqrt(75);
    expect(conv.weight.abs().max().item()).toBeLessThanOrEqual(bound);
    expect(conv.bias!.abs().max().item()).toBeLessThanOrEqual(bound);
    expect(conv.weight.abs().max().item()).toBeGreaterThan(bound * 0.8);
    const x = torch.randn([2, 3, 8, 8]);
    const y = conv(x);
    expect(y.shape).toEqual([2, 6, 8, 8]);
    expect(y.sub(F.conv2d(x, conv.weight, conv.bias, { padding: 2 })).abs().max().item()).toBe(0);
    expect(String(conv)).toBe('Conv2d(3, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))');
    expect(Object.keys(conv.state_dict())).toEqual(['weight', 'bias']);
  });
  it('Conv1d, ConvTranspose2d: shapes and reprs', () => {
    const c1 = new Conv1d(4, 8, 3, { stride: 2, groups: 2, bias: false, padding: 1 });
    expect(c1.weight.shape).toEqual([8, 2, 3]);
    expect(c1.bias).toBe(null);
    expect(String(c1)).toBe('Conv1d(4, 8, kernel_size=(3,), stride=(2,), padding=(1,), groups=2, bias=False)');
    expect(c1(torch.randn([2, 4, 9])).shape).toEqual([2, 8, 5]);
    const up = new ConvTranspose2d(16, 8, 3, { stride: 2, padding: 1, output_padding: 1 });
    expect(up.weight.shape).toEqual([16, 8, 3, 3]);
    expect(String(up)).toBe('ConvTranspose2d(16, 8, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), output_padding=(1, 1))');
    expect(up(torch.randn([1, 16, 5, 4])).shape).toEqual([1, 8, 10, 8]);
    expect(new Conv2d(2, 4, 3, { padding: 'same' })(torch.randn([2, 5, 5])).shape).toEqual([4, 5, 5]);
  });
  it('constructor errors', () => {
    expect(() => new Conv2d(3, 6, 3, { groups: 2 })).toThrow('in_channels must be divisible by groups');
    expect(() => new Conv2d(4, 6, 3, { groups: 4 })).toThrow('out_channels must be divisible by groups');
    expect(() => new Conv2d(4, 6, 3, { padding: 'foo' as 'same' })).toThrow("Invalid padding string 'foo', should be one of {'valid', 'same'}");
    expect(() => new Conv2d(4, 6, 3, { padding: 'same', stride: 2 })).toThrow("padding='same' is not supported for strided convolutions");
  });
});
