// PyTorch's default assert_close tolerances per dtype (torch/testing/_comparison.py, _DTYPE_PRECISIONS).
import type { DType } from '../../src/dtype.js';

/** {dtype name: [rtol, atol]}; dtypes not listed compare exactly (0, 0). */
export const DTYPE_PRECISIONS: Readonly<Record<string, readonly [number, number]>> = {
  float16: [0.001, 1e-5],
  bfloat16: [0.016, 1e-5],
  float32: [1.3e-6, 1e-5],
  float64: [1e-7, 1e-7],
};

/**
 * torch.testing._comparison.default_tolerances: [rtol, atol], the loosest of the given dtypes'.
 * @example
 * torch.testing.default_tolerances(torch.float32, torch.float64); // [1.3e-6, 1e-5]
 */
export function default_tolerances(...dtypes: (DType | string)[]): [number, number] {
  let rtol = 0;
  let atol = 0;
  for (const d of dtypes) {
    const [r, a] = DTYPE_PRECISIONS[typeof d === 'string' ? d : d.name] ?? [0, 0];
    rtol = Math.max(rtol, r);
    atol = Math.max(atol, a);
  }
  return [rtol, atol];
}
