// nn.init and layer initialisation against PyTorch under torch.manual_seed (same draws, same order).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import { nn } from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { expectClose } from '../helpers/fixtures.js';

const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/nn_layers.json', import.meta.url)), 'utf8'));
const init = nn.init;

describe('layer initialisation equals PyTorch under manual_seed(0)', () => {
  it('nn.Linear(4, 3): kaiming_uniform_(a=√5) weight, then U(±1/√fan_in) bias', () => {
    torch.manual_seed(0);
    const lin = new nn.Linear(4, 3);
    expectClose(lin.weight, fx.init.linear_weight, 'weight');
    expectClose(lin.bias!, fx.init.linear_bias, 'bias');
  });
  it('nn.Embedding(5, 3, padding_idx=1): N(0, 1) with the padding row zeroed', () => {
    torch.manual_seed(0);
    expectClose(new nn.Embedding(5, 3, { padding_idx: 1 }).weight, fx.init.embedding_weight, 'weight');
  });
  it('nn.Bilinear(2, 3, 2)', () => {
    torch.manual_seed(0);
    expectClose(new nn.Bilinear(2, 3, 2).weight, fx.init.bilinear_weight, 'weight');
  });
});

describe('nn.init functions equal PyTorch under manual_seed(0)', () => {
  const fns: [string, (t: Tensor) => Tensor][] = [
    ['xavier_uniform_', (t) => init.xavier_uniform_(t, 2)],
    ['xavier_normal_', (t) => init.xavier_normal_(t)],
    ['kaiming_uniform_', (t) => init.kaiming_uniform_(t, { mode: 'fan_out', nonlinearity: 'relu' })],
    ['kaiming_normal_', (t) => init.kaiming_normal_(t, 0.1)],
    ['trunc_normal_', (t) => init.trunc_normal_(t, 0.5, 1.5, -1, 2)],
    ['orthogonal_', (t) => init.orthogonal_(t)],
    ['uniform_', (t) => init.uniform_(t, -2, 3)],
    ['normal_', (t) => init.normal_(t, 1, 0.5)],
  ];
  for (const [name, f] of fns)
    it(name, () => {
      torch.manual_seed(0);
      const t = torch.zeros(3, 5);
      expect(f(t)).toBe(t);
      expectClose(t, fx.init[name], name);
    });
  it('orthogonal_ of a tall 3-D tensor with gain', () => {
    torch.manual_seed(0);
    expectClose(init.orthogonal_(torch.zeros(5, 2, 2), 0.5), fx.init.orthogonal_tall, 'orthogonal_');
  });
  it('works on parameters that require grad (no autograd recording)', () => {
    const p = new nn.Parameter(torch.zeros(3, 4));
    init.kaiming_uniform_(p);
    expect(p.grad_fn).toBe(null);
    expect(p.requires_grad).toBe(true);
  });
});

describe('deterministic initialisers and helpers', () => {
  it('constant_, zeros_, ones_, eye_', () => {
    expect(init.constant_(torch.zeros(2, 2), 0.5).tolist()).toEqual([[0.5, 0.5], [0.5, 0.5]]);
    expect(init.ones_(torch.zeros(2)).tolist()).toEqual([1, 1]);
    expect(init.zeros_(torch.ones(2)).tolist()).toEqual([0, 0]);
    expect(init.eye_(torch.ones(2, 3)).tolist()).toEqual([[1, 0, 0], [0, 1, 0]]);
  });
  it('calculate_gain and fans as PyTorch', () => {
    for (const [k, v] of Object.entries(fx.init.gains as Record<string, number>)) expect(init.calculate_gain(k)).toBeCloseTo(v, 15);
    expect(init.calculate_gain('leaky_relu', Math.sqrt(5))).toBeCloseTo(fx.init.gain_leaky, 15);
    expect(init._calculate_fan_in_and_fan_out(torch.zeros(6, 4, 3, 2))).toEqual(fx.init.fans);
    expect(() => init.calculate_gain('foo')).toThrow(fx.errors.gain);
    expect(() => init.kaiming_uniform_(torch.zeros(3))).toThrow(fx.errors.fan);
  });
  it('orthogonal_ gives orthonormal rows (wide) and columns (tall)', () => {
    const w = init.orthogonal_(torch.zeros(3, 7));
    const rows = w.matmul(w.t()).tolist() as number[][];
    rows.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(i === j ? 1 : 0, 5)));
  });
});
