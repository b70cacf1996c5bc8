// torch.testing.assert_close against PyTorch 1.13's messages (fixtures/gen_testing.py).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';

interface Enc { __tensor__?: { dtype: string; shape: number[]; data?: unknown[]; sparse?: [number, unknown][] }; t?: boolean; __float__?: string }
interface Case { name: string; actual: unknown; expected: unknown; kwargs: Record<string, unknown>; error: { type: string; message: string } | null }
const fixtures = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/testing.json', import.meta.url)), 'utf8')) as { cases: Case[] };

const FLOATS: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity };
const num = (v: unknown): unknown => (typeof v === 'object' && v && '__float__' in v ? FLOATS[(v as Enc).__float__!] : v);
function dec(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(dec);
  if (x === null || typeof x !== 'object') return x;
  const e = x as Enc;
  if (e.__float__) return FLOATS[e.__float__];
  if (e.__tensor__) {
    const { dtype, shape, data, sparse } = e.__tensor__;
    const dt = (torch as unknown as Record<string, torch.DType>)[dtype];
    let t: torch.Tensor;
    if (sparse) {
      const vals = new Array(shape.reduce((a, b) => a * b, 1)).fill(0);
      for (const [i, v] of sparse) vals[i] = num(v);
      t = torch.tensor(vals, { dtype: dt }).reshape(shape);
    } else t = torch.tensor(data!.map(num) as number[], { dtype: dt }).reshape(shape);
    return e.t ? t.t() : t;
  }
  return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, dec(v)]));
}

describe('assert_close matches PyTorch 1.13', () => {
  for (const c of fixtures.cases) {
    it(c.name, () => {
      const run = () => torch.testing.assert_close(dec(c.actual), dec(c.expected), c.kwargs);
      if (!c.error) return void expect(run).not.toThrow();
      let err: Error | undefined;
      try {
        run();
      } catch (e) {
        err = e as Error;
      }
      expect(err, 'assert_close did not throw').toBeDefined();
      expect(err!.message).toBe(c.error.message);
      expect(err!.name).toBe(c.error.type);
    });
  }
});

describe('assert_close in JavaScript terms', () => {
  it('a msg function receives the generated message', () => {
    expect(() => torch.testing.assert_close([torch.tensor([1.5])], [torch.tensor([2.5])], { msg: (m) => `Header\n\n${m}` }))
      .toThrow(/^Header\n\nTensor-likes are not close![\s\S]*The failure occurred for item \[0\]$/);
  });
  it('Maps, typed arrays and bigints are containers and numbers', () => {
    torch.testing.assert_close(new Map([['a', torch.ones(2)]]), new Map([['a', torch.ones(2)]]));
    torch.testing.assert_close(new Float32Array([1, 2]), new Float32Array([1, 2]));
    expect(() => torch.testing.assert_close(2n ** 60n, 2n ** 60n + 1n)).toThrow('Scalars are not equal!\n\nAbsolute difference: 1\nRelative difference: 8.673617379884035e-19');
  });
  it('int64 values beyond 2^53 are compared exactly', () => {
    const a = torch.tensor([2 ** 53]).add(1);
    expect(() => torch.testing.assert_close(a, torch.tensor([2 ** 53]))).toThrow('Greatest absolute difference: 1 at index (0,)');
  });
  it('default_tolerances is the loosest of the dtypes', () => {
    expect(torch.testing.default_tolerances(torch.float64, torch.float32)).toEqual([1.3e-6, 1e-5]);
    expect(torch.testing.default_tolerances(torch.int64)).toEqual([0, 0]);
  });
});
