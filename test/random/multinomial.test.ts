// torch.multinomial against PyTorch 1.13's draws for the same seed (gen_multinomial.py): the
// indices and the generator's state afterwards, and PyTorch's errors.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';

interface Draw {
  name: string;
  probs: number[] | number[][];
  dtype: 'float32' | 'float64';
  n: number;
  replacement: boolean;
  seed: number;
  out: number[] | number[][];
  after: number[];
}
const ref = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/multinomial.json', import.meta.url)), 'utf8')) as {
  cases: Draw[];
  errors: { name: string; probs: number[]; n: number; replacement: boolean; message: string }[];
};
const nan = (v: unknown): unknown => (Array.isArray(v) ? v.map(nan) : v === null ? NaN : v);

describe('torch.multinomial: PyTorch\'s draws for the same seed', () => {
  for (const c of ref.cases)
    it(c.name, () => {
      torch.manual_seed(c.seed);
      const p = torch.tensor(c.probs, { dtype: c.dtype === 'float64' ? torch.float64 : torch.float32 });
      const out = torch.multinomial(p, c.n, c.replacement);
      expect(out.dtype).toBe(torch.int64);
      expect(out.tolist()).toEqual(c.out);
      const after = torch.rand(2).tolist() as number[];
      after.forEach((v, i) => expect(v).toBeCloseTo(c.after[i], 7));
    });
  it('Tensor.multinomial and a generator', () => {
    const g = new torch.Generator().manual_seed(4);
    const c = ref.cases.find((x) => x.name === 'with_replacement')!;
    expect(torch.tensor(c.probs as number[]).multinomial(c.n, { replacement: true, generator: g }).tolist()).toEqual(c.out);
  });
  for (const e of ref.errors)
    it(`error: ${e.name}`, () => {
      expect(() => torch.multinomial(torch.tensor(nan(e.probs) as number[], { dtype: torch.float32 }), e.n, e.replacement)).toThrow(e.message);
    });
});
