// Optimizer steps update parameters in place, as PyTorch's do: views and typed arrays handed out
// before the step see the new values.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';

describe('optimizer writes parameters in place', () => {
  it('views share the update; arrays from numpy() and from_numpy stay live', () => {
    const lin = new torch.nn.Linear(3, 2);
    const w = lin.weight;
    const flat = w.detach().view(-1);
    const held = new Float32Array(2);
    const b = torch.from_numpy(held);
    const opt = new torch.optim.SGD([w, b.requires_grad_(true)], { lr: 0.5, momentum: 0.9 });
    for (let i = 0; i < 3; i++) {
      opt.zero_grad();
      lin(torch.ones(4, 3)).add(b).sum().backward();
      const before = w.detach().clone();
      const version = w._version;
      opt.step();
      expect(w._version).toBe(version + 1);
      expect(flat.tolist()).toEqual(w.detach().reshape(-1).tolist());
      expect(w.detach().sub(before).abs().max().item()).toBeGreaterThan(0);
    }
    expect(Array.from(held)).toEqual(b.detach().tolist());
    expect(held[0]).not.toBe(0);
  });
});

describe('bad hyper-parameters', () => {
  it('a non-number lr in a param group throws at step and changes nothing', () => {
    const a = torch.ones(2, { requires_grad: true });
    const b = torch.ones(2, { requires_grad: true });
    const opt = new torch.optim.SGD([{ params: [a] }, { params: [b], lr: 'x' as unknown as number }], { lr: 0.1, momentum: 0.9 });
    a.sum().add(b.sum()).backward();
    expect(() => opt.step()).toThrow(TypeError);
    expect(a.tolist()).toEqual([1, 1]);
    expect(b.tolist()).toEqual([1, 1]);
    expect(opt.state.size).toBe(0);
  });
});
