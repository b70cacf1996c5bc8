// torchlike.numpy.load/save against files numpy wrote (fixtures/gen_numpy.py) and against numpy itself.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import { dtypeOfCode } from '../../export/numpy/dtypes.js';
import { hasNumpy, py } from './numpy_python.js';

const FIX = fileURLToPath(new URL('../fixtures/numpy/', import.meta.url));
interface NpCase { descr: string; shape: number[]; fortran: boolean; data: (number | boolean | string)[] }
const cases = (JSON.parse(readFileSync(join(FIX, '../numpy.json'), 'utf8')) as { cases: Record<string, NpCase> }).cases;
const flat = (t: torch.Tensor): unknown[] => (t.dim() === 0 ? [t.item()] : (t.reshape(-1).tolist() as unknown[]));
const values = (c: NpCase) => c.data.map((v) => (v === 'nan' ? NaN : v));
const tmp = mkdtempSync(join(tmpdir(), 'torchlike-npy-'));

describe('numpy.load reads what numpy.save wrote', () => {
  for (const [name, c] of Object.entries(cases)) {
    const code = c.descr.slice(1);
    it(`${name} (${c.descr})`, () => {
      const load = () => torch.numpy.load(join(FIX, `${name}.npy`)) as torch.Tensor;
      if (!dtypeOfCode(code)) {
        // a dtype torchlike does not have (yet): PyTorch's torch.from_numpy error
        expect(load).toThrow(/^can't convert np.ndarray of type numpy\.\w+\. The only supported types are/);
        return;
      }
      const t = load();
      expect(t.shape).toEqual(c.shape);
      expect(flat(t)).toEqual(values(c));
      if (c.fortran) expect(t.stride()).toEqual(c.shape.map((_, i) => c.shape.slice(0, i).reduce((a, b) => a * b, 1)));
      else expect(t.is_contiguous()).toBe(true);
    });
  }
  it('npz, stored and deflated, with numpy.savez positional names', () => {
    for (const f of ['stored', 'deflated']) {
      const z = torch.numpy.load(join(FIX, `${f}.npz`)) as Record<string, torch.Tensor>;
      expect(Object.keys(z).sort()).toEqual(['a', 'b']);
      torch.testing.assert_close(z, { a: torch.arange(6, { dtype: torch.float32 }).reshape(2, 3), b: torch.tensor([1, 2, 3]) });
    }
    expect(Object.keys(torch.numpy.load(join(FIX, 'positional.npz')) as object).sort()).toEqual(['arr_0', 'arr_1']);
  });
});

describe('numpy.save writes what numpy writes', () => {
  for (const [name, c] of Object.entries(cases)) {
    if (c.descr.startsWith('>') || !dtypeOfCode(c.descr.slice(1))) continue;
    it(`${name}: byte for byte`, () => {
      const t = torch.numpy.load(join(FIX, `${name}.npy`)) as torch.Tensor;
      expect(Buffer.from(torch.numpy.save(null, t)).equals(readFileSync(join(FIX, `${name}.npy`)))).toBe(true);
    });
  }
  it('round trip of every dtype, 0-d, empty, non-contiguous views', () => {
    const xs = [
      torch.tensor([[1.5, 2], [3, 4]]), torch.tensor([1, 2], { dtype: torch.float64 }), torch.tensor([1, -2], { dtype: torch.int32 }),
      torch.tensor([2 ** 40, -1]), torch.tensor([true, false]), torch.tensor(2.5), torch.zeros(0, 2, 3),
      torch.arange(12).reshape(3, 4).t().narrow(0, 1, 2), torch.arange(24, { dtype: torch.float32 }).reshape(2, 3, 4).permute(2, 1, 0),
    ];
    for (const x of xs) {
      const back = torch.numpy.load(torch.numpy.save(null, x)) as torch.Tensor;
      torch.testing.assert_close(back, x, { rtol: 0, atol: 0 });
    }
    const f = torch.arange(6, { dtype: torch.float32 }).reshape(3, 2).t();
    expect((torch.numpy.load(torch.numpy.save(null, f)) as torch.Tensor).stride()).toEqual([1, 2]);
  });
  it("bfloat16 has no numpy dtype: PyTorch's error", () => {
    expect(() => torch.numpy.save(null, torch.ones(2, { dtype: torch.bfloat16 }))).toThrow('Got unsupported ScalarType BFloat16');
  });
  it('savez / savez_compressed / file names', () => {
    const sd = { w: torch.ones(2, 3), n: torch.tensor(7) };
    for (const fn of [torch.numpy.savez, torch.numpy.savez_compressed]) {
      torch.testing.assert_close(torch.numpy.load(fn(null, sd)), sd);
    }
    torch.numpy.save(join(tmp, 'x'), torch.ones(2));
    torch.numpy.savez(join(tmp, 'y'), torch.ones(1), { k: torch.zeros(1) });
    expect(torch.numpy.load(join(tmp, 'x.npy'))).toBeInstanceOf(torch.Tensor);
    expect(Object.keys(torch.numpy.load(join(tmp, 'y.npz'))).sort()).toEqual(['arr_0', 'k']);
  });
});

describe.runIf(hasNumpy)('numpy reads what torchlike writes', () => {
  it('npy, npz stored and compressed, Fortran order', () => {
    const x = torch.arange(6, { dtype: torch.float64 }).reshape(2, 3);
    writeFileSync(join(tmp, 'a.npy'), torch.numpy.save(null, x.t()));
    torch.numpy.savez(join(tmp, 's.npz'), { x, b: torch.tensor([true, false]) });
    torch.numpy.savez_compressed(join(tmp, 'c.npz'), { x, i: torch.tensor([1, 2], { dtype: torch.int32 }) });
    const got = py(`
a = np.load(sys.argv[1]); s = np.load(sys.argv[2]); c = np.load(sys.argv[3])
print(json.dumps({'a': a.tolist(), 'af': bool(np.isfortran(a)), 's': {k: [s[k].dtype.str, s[k].tolist()] for k in s.files},
                  'c': {k: [c[k].dtype.str, c[k].tolist()] for k in c.files}}))`, join(tmp, 'a.npy'), join(tmp, 's.npz'), join(tmp, 'c.npz'));
    expect(got).toEqual({
      a: [[0, 3], [1, 4], [2, 5]], af: true,
      s: { x: ['<f8', [[0, 1, 2], [3, 4, 5]]], b: ['|b1', [true, false]] },
      c: { x: ['<f8', [[0, 1, 2], [3, 4, 5]]], i: ['<i4', [1, 2]] },
    });
  });
});
