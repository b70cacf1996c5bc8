import { describe, expect, it } from 'vitest';
import * as torch from '../torchlike/index.js';
import { gradcheck } from './helpers/gradcheck.js';

const f64 = (a: number[][] | number[]) => torch.tensor(a, { dtype: torch.float64 });

describe('gradcheck of core ops', () => {
  it('matmul, add, mul, sub, pow, mean, sum, relu, expand, permute', () => {
    const a = f64([[0.3, -1.2, 0.7], [1.1, 0.4, -0.6]]);
    const b = f64([[0.5, 0.2], [-0.3, 0.9], [1.4, -0.8]]);
    expect(gradcheck((x, y) => x.matmul(y), [a, b])).toBe(true);
    expect(gradcheck((x, y) => x.mul(y.t()).add(x, { alpha: 2 }).sub(y.t()), [a, b])).toBe(true);
    expect(gradcheck((x) => x.pow(3).mean(1), [a])).toBe(true);
    expect(gradcheck((x) => x.relu().sum(0, true).expand(4, 3), [a])).toBe(true);
    expect(gradcheck((x) => x.permute(1, 0).reshape(-1), [a])).toBe(true);
  });
});
