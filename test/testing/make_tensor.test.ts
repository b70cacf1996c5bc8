// torch.testing.make_tensor: PyTorch's values for the same seed (fixtures/gen_testing.py), and its errors.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';

interface Made { kwargs: Record<string, unknown> & { dtype: string }; out: { dtype: string; shape: number[]; data: (number | boolean)[] }; stride: number[] }
const made = (JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/testing.json', import.meta.url)), 'utf8')) as { make_tensor: Made[] }).make_tensor;

describe('make_tensor', () => {
  for (const m of made) {
    it(`same values as PyTorch for ${JSON.stringify(m.kwargs)}`, () => {
      torch.manual_seed(0);
      const t = torch.testing.make_tensor([3, 4], { ...m.kwargs, dtype: m.kwargs.dtype });
      expect(t.dtype.name).toBe(m.out.dtype);
      expect(t.stride()).toEqual(m.stride);
      const ref = torch.tensor(m.out.data as number[], { dtype: t.dtype }).reshape(m.out.shape);
      torch.testing.assert_close(t, ref, { rtol: 0, atol: 0 });
    });
  }
  it('accepts sizes as arguments, requires_grad on floats', () => {
    const t = torch.testing.make_tensor(2, 3, { dtype: torch.float64, requires_grad: true });
    expect(t.shape).toEqual([2, 3]);
    expect(t.requires_grad).toBe(true);
    expect((t._data as Float64Array).every((v) => v >= -9 && v < 9)).toBe(true);
  });
  it('float16 / bfloat16: values in [low, high) of the dtype', () => {
    for (const dtype of [torch.float16, torch.bfloat16]) {
      const t = torch.testing.make_tensor([50], { dtype, low: -2, high: 2 });
      expect(t.dtype).toBe(dtype);
      expect((t.double().tolist() as number[]).every((v) => v >= -2 && v <= 2)).toBe(true);
    }
  });
  it("raises PyTorch's errors", () => {
    expect(() => torch.testing.make_tensor([2], { dtype: torch.int64, requires_grad: true })).toThrow('make_tensor: requires_grad must be False for integral dtype');
    expect(() => torch.testing.make_tensor([2], { dtype: torch.float32, low: 2, high: 1 })).toThrow('make_tensor: low must be weakly less than high!');
    expect(() => torch.testing.make_tensor([2], { dtype: torch.float32, low: NaN })).toThrow('make_tensor: one of low or high was NaN!');
    expect(() => torch.testing.make_tensor([2], {} as never)).toThrow("make_tensor() missing 1 required keyword-only argument: 'dtype'");
  });
});
