// torch.unique / unique_consecutive against PyTorch fixtures (gen_unique.py): values, inverse
// indices, counts, slices along a dim, NaNs (all distinct), empty input; export refuses them.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import { checkCase, fixtureCall, loadFixtures } from '../helpers/fixtures.js';

describe('unique fixtures (PyTorch 1.13)', () => {
  const cases = loadFixtures('unique');
  it('has the generator\'s cases', () => expect(cases.length).toBeGreaterThanOrEqual(17));
  for (const c of cases) it(c.name, () => checkCase(c, fixtureCall(c, torch)));
});

describe('unique: errors', () => {
  it('dim out of range and export', () => {
    expect(() => torch.unique(torch.zeros(2, 2), { dim: 2 })).toThrow('Dimension out of range (expected to be in range of [-2, 1], but got 2)');
    class M extends torch.nn.Module {
      forward(x: torch.Tensor) {
        return torch.unique(x) as torch.Tensor;
      }
    }
    expect(() => torch.onnx.export(new M(), [torch.zeros(3)], '/tmp/unique_refused.onnx')).toThrow(/unique cannot be exported to ONNX/);
  });
});

describe('unique: NaN', () => {
  it('each NaN is its own value, after every number (PyTorch 1.13 CPU returns garbage here; see gen_unique.py)', () => {
    const [u, inv, counts] = torch.unique(torch.tensor([NaN, 1, NaN, 0]), { return_inverse: true, return_counts: true }) as torch.Tensor[];
    expect(u.tolist()).toEqual([0, 1, NaN, NaN]);
    expect(inv.tolist()).toEqual([2, 1, 3, 0]);
    expect(counts.tolist()).toEqual([1, 1, 1, 1]);
  });
});
