// Tensor repr against PyTorch's str(t) (fixtures from gen_format.py), and console.log's use of it.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as torch from '../torchlike/index.js';
import { dec, isEnc, loadFixtures } from './helpers/fixtures.js';

const F64 = torch.float64;
const x = () => torch.tensor([1, 2], { dtype: torch.float32, requires_grad: true });
/** Cases whose autograd state is built here (the fixture records PyTorch's string only). */
const built: Record<string, () => torch.Tensor> = {
  grad_leaf: x,
  grad_mul: () => x().mul(2),
  grad_add: () => x().add(1),
  grad_sum: () => {
    const t = x();
    return t.mul(t).sum();
  },
  grad_f64_suffix_wrap: () => torch.arange(12, { dtype: F64 }).reshape([3, 4]).requires_grad_(),
  grad_long_line_wrap: () => torch.linspace(0, 1, 12, { dtype: F64 }).requires_grad_(),
};

describe('format: str(t) as PyTorch prints it', () => {
  for (const c of loadFixtures('format'))
    it(c.name, () => {
      const t = built[c.name]?.() ?? (isEnc(c.inputs[0]) ? dec(c.inputs[0]) : undefined);
      expect(t, `no tensor for ${c.name}`).toBeDefined();
      expect(String(t)).toBe(c.outputs[0]);
    });
});

describe('format: console', () => {
  it('util.inspect (console.log) prints the repr', () => {
    const t = torch.tensor([[1, 2], [3, 4]], { dtype: torch.float32 });
    expect(inspect(t)).toBe('tensor([[1., 2.],\n        [3., 4.]])');
    expect(`${torch.tensor([true, false])}`).toBe('tensor([ True, False])');
  });
});
