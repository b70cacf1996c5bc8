// F.conv1d / conv2d / conv_transpose1d / conv_transpose2d vs PyTorch (fixtures from
// test/fixtures/gen_nn_conv.py), float64 gradchecks (the im2col lowering), PyTorch's errors.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { checkCase, loadFixtures } from '../helpers/fixtures.js';
import { gradcheck } from '../helpers/gradcheck.js';

const F = torch.nn.functional;
const fns: Record<string, (...a: any[]) => Tensor> = {
  conv1d: F.conv1d, conv2d: F.conv2d, conv_transpose1d: F.conv_transpose1d, conv_transpose2d: F.conv_transpose2d,
};

/** Deterministic float64 values in (-1, 1) (no dependency on the RNG). */
export function f64(shape: number[], seed = 1): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const d = Array.from({ length: n }, (_, i) => Math.sin(seed * 12.9898 + i * 78.233) * 0.9);
  return torch.tensor(d, { dtype: torch.float64 }).reshape(shape);
}

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
