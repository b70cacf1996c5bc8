// The `torchlike/testing/vitest` matcher: passes and fails exactly as assert_close.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import '../../torchlike/testing/vitest.js';

const F32 = { dtype: torch.float32 };

describe('expect(t).toBeCloseTensor(ref, opts)', () => {
  it('passes on close tensors and with tolerances', () => {
    expect(torch.tensor([1.5, 2, 3.5])).toBeCloseTensor(torch.tensor([1.5, 2, 3.5000001]));
    expect(torch.tensor([1.5, 2])).toBeCloseTensor(torch.tensor([1.51, 2]), { rtol: 0.1, atol: 0 });
    expect({ w: torch.ones(2) }).toBeCloseTensor({ w: torch.ones(2) });
  });
  it("fails with assert_close's message", () => {
    let message = '';
    try {
      expect(torch.tensor([1, 2, 3, 4], F32)).toBeCloseTensor(torch.tensor([1, 2, 3.5, 4], F32));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('Tensor-likes are not close!\n\nMismatched elements: 1 / 4 (25.0%)\nGreatest absolute difference: 0.5 at index (2,) (up to 1e-05 allowed)\nGreatest relative difference: 0.14285714285714285 at index (2,) (up to 1.3e-06 allowed)');
  });
  it('.not inverts it', () => {
    expect(torch.tensor([1.5])).not.toBeCloseTensor(torch.tensor([2.5]));
    expect(() => expect(torch.tensor([1.5])).not.toBeCloseTensor(torch.tensor([1.5]))).toThrow('expected the tensors not to be close');
  });
});
