import { describe, expect, it } from 'vitest';
import * as torch from '../torchlike/index.js';

describe('smoke', () => {
  it('matmul relu pow mean backward', () => {
    const w = torch.tensor([[0.5, -1], [2, 0.25], [-0.5, 1]], { requires_grad: true });
    const x = torch.tensor([[1, 2, 3], [4, 5, 6]]).float();
    const loss = x.matmul(w).relu().pow(2).mean();
    loss.backward();
    // y = x@w = [[3, 3.5], [9, 7.25]]; loss = mean(y^2); dL/dw = x^T (2y/4)
    const y = [[3, 2.5], [9, 3.25]];
    expect(loss.item()).toBeCloseTo((9 + 6.25 + 81 + 10.5625) / 4, 5);
    const gw = [0, 1, 2].map((i) => [0, 1].map((j) => (x.tolist() as number[][]).reduce((s, row, b) => s + row[i] * (2 * y[b][j]) / 4, 0)));
    const got = w.grad!.tolist() as number[][];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) expect(got[i][j]).toBeCloseTo(gw[i][j], 4);
  });
  it('broadcast add grads reduce', () => {
    const a = torch.ones([2, 3], { requires_grad: true });
    const b = torch.ones([3], { requires_grad: true });
    a.add(b, { alpha: 2 }).sum().backward();
    expect(b.grad!.tolist()).toEqual([4, 4, 4]);
    expect(a.grad!.tolist()).toEqual([[1, 1, 1], [1, 1, 1]]);
  });
});
