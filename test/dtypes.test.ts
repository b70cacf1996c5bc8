// float16, bfloat16, uint8, int8, int16 against PyTorch 1.13 (test/fixtures/gen_dtypes.py).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../torchlike/index.js';
import type { DType, Tensor } from '../torchlike/index.js';

type Enc = { dtype: string; shape: number[]; data: (number | boolean | string)[] };
type Err = { type: string; message: string };
const F = JSON.parse(readFileSync(fileURLToPath(new URL('./fixtures/dtypes.json', import.meta.url)), 'utf8'));

const DT: Record<string, DType> = {
  bool: torch.bool, uint8: torch.uint8, int8: torch.int8, int16: torch.int16, int32: torch.int32, int64: torch.int64,
  float16: torch.float16, bfloat16: torch.bfloat16, float32: torch.float32, float64: torch.float64,
};
const num = (v: number | boolean | string): number | boolean => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number));
const dec = (e: Enc): Tensor => torch.tensor(e.data.map(num) as number[], { dtype: DT[e.dtype] }).reshape(e.shape);
const flat = (t: Tensor): (number | boolean)[] => {
  const v = t.tolist();
  return Array.isArray(v) ? (v.flat(Infinity) as (number | boolean)[]) : [v as number];
};
const same = (a: number | boolean, b: number | boolean): boolean => (typeof a === 'number' && Number.isNaN(a) ? Number.isNaN(b as number) : Object.is(a, b));

/** Exact comparison (dtype, shape, every value; -0 and NaN included); ulps > 0 allows that many units in the last place for halves. */
function expectTensor(got: Tensor, want: Enc, what: string, ulps = 0, atol = 0): void {
  expect(got.dtype.name, `${what}: dtype`).toBe(want.dtype);
  expect(got.shape, `${what}: shape`).toEqual(want.shape);
  const g = flat(got);
  const w = want.data.map(num);
  const eps = want.dtype === 'float16' ? 2 ** -10 : want.dtype === 'bfloat16' ? 2 ** -7 : 0;
  for (let i = 0; i < w.length; i++) {
    if (same(g[i], w[i])) continue;
    const a = g[i] as number;
    const b = w[i] as number;
    // one ulp of b: eps times the power of two at the bottom of b's binade (normal range)
    const ulp = eps * 2 ** Math.floor(Math.log2(Math.max(Math.abs(b), want.dtype === 'float16' ? 2 ** -14 : 2 ** -126)));
    if (ulps > 0 && Math.abs(a - b) <= ulps * ulp) continue;
    if (Math.abs(a - b) <= atol) continue;
    expect.fail(`${what}: element ${i}: got ${g[i]}, PyTorch ${w[i]} (${Math.abs(a - b) / ulp} ulps)`);
  }
}
function expectError(fn: () => unknown, e: Err): void {
  let thrown: unknown = null;
  try {
    fn();
  } catch (x) {
    thrown = x;
  }
  expect(thrown, 'should throw').toBeInstanceOf(Error);
  expect((thrown as Error).message).toBe(e.message);
}

describe('dtype objects', () => {
  for (const [name, p] of Object.entries(F.props as Record<string, { is_floating_point: boolean; is_signed: boolean; itemsize: number; repr: string; type: string }>))
    it(name, () => {
      const d = DT[name];
      expect(d.is_floating_point).toBe(p.is_floating_point);
      expect(d.is_signed).toBe(p.is_signed);
      expect(d.itemsize).toBe(p.itemsize);
      expect(String(d)).toBe(p.repr);
      expect(torch.zeros(0, { dtype: d }).type()).toBe(p.type);
      expect(torch.zeros(1, { dtype: d }).element_size()).toBe(p.itemsize);
    });
  it('aliases', () => {
    expect(torch.half).toBe(torch.float16);
    expect(torch.short).toBe(torch.int16);
    expect(torch.zeros(1, { dtype: 'half' }).dtype).toBe(torch.float16);
    expect(torch.zeros(1, { dtype: 'torch.bfloat16' }).dtype).toBe(torch.bfloat16);
  });
});

describe('promotion', () => {
  it('promote_types: all 100 pairs', () => {
    const bad = (F.promote as [string, string, string][]).filter(([a, b, r]) => torch.promote_types(DT[a], DT[b]) !== DT[r]);
    expect(bad).toEqual([]);
    expect(F.promote.length).toBe(100);
  });
  it('can_cast: all 100 pairs', () => {
    const bad = (F.can_cast as [string, string, boolean][]).filter(([a, b, r]) => torch.can_cast(DT[a], DT[b]) !== r);
    expect(bad).toEqual([]);
  });
  it('result_type with 0-d tensors and scalars', () => {
    let n = 0;
    for (const c of F.result_type as Record<string, string>[]) {
      const dim = torch.ones(2, { dtype: DT[c.a] });
      const zero = torch.ones([], { dtype: DT[c.a] });
      if (c.b) {
        const other = torch.ones([], { dtype: DT[c.b] });
        expect(torch.result_type(dim, other).name, `${c.a}[2] with ${c.b}[]`).toBe(c.dim_zero);
        expect(torch.result_type(zero, other).name, `${c.a}[] with ${c.b}[]`).toBe(c.zero_zero);
      } else {
        const s = c.scalar === 'int' ? 2 : c.scalar === 'float' ? 2.5 : true;
        expect(torch.result_type(dim, s).name, `${c.a}[2] with ${c.scalar}`).toBe(c.dim_scalar);
        expect(torch.result_type(zero, s).name, `${c.a}[] with ${c.scalar}`).toBe(c.zero_scalar);
      }
      n++;
    }
    expect(n).toBe(130);
  });
});

describe('finfo / iinfo', () => {
  for (const [name, v] of Object.entries(F.finfo as Record<string, Record<string, number | string>>))
    it(`finfo ${name}`, () => {
      const f = torch.finfo(DT[name]);
      for (const k of ['bits', 'eps', 'max', 'min', 'tiny', 'smallest_normal', 'resolution', 'dtype'] as const) expect(f[k], k).toBe(v[k]);
      expect(String(f)).toBe(v.repr);
    });
  for (const [name, v] of Object.entries(F.iinfo as Record<string, Record<string, number | string>>))
    it(`iinfo ${name}`, () => {
      const f = torch.iinfo(DT[name]);
      for (const k of ['bits', 'max', 'min', 'dtype'] as const) expect(f[k], k).toBe(name === 'int64' && k !== 'dtype' && k !== 'bits' ? Number(v[k]) : v[k]);
      expect(String(f)).toBe(v.repr);
    });
  it('finfo() is the default dtype', () => expect(torch.finfo().dtype).toBe('float32'));
  it('errors', () => {
    const e = F.info_errors;
    expectError(() => torch.finfo(torch.int32), e.finfo_int32.error);
    expectError(() => torch.iinfo(torch.float32), e.iinfo_float32.error);
    expectError(() => torch.iinfo(torch.bool), e.iinfo_bool.error);
  });
});

describe('casts between every pair', () => {
  for (const c of F.casts as { from: string; to: string; x: Enc; y: Enc }[])
    it(`${c.from} -> ${c.to}`, () => {
      const x = dec(c.x);
      expectTensor(x, c.x, 'source');
      expectTensor(x.to(DT[c.to]), c.y, 'cast');
    });
  it('methods', () => {
    const x = torch.tensor([1.5, -2, 300], { dtype: torch.float32 });
    expect(x.half().dtype).toBe(torch.float16);
    expect(x.bfloat16().dtype).toBe(torch.bfloat16);
    expect(x.short().tolist()).toEqual([1, -2, 300]);
    expect(x.char().tolist()).toEqual([1, -2, 44]);
    expect(x.byte().tolist()).toEqual([1, 254, 44]);
    expect((x.type('torch.HalfTensor') as Tensor).dtype).toBe(torch.float16);
    expect((x.type(torch.int8) as Tensor).dtype).toBe(torch.int8);
    expect(x.to('bfloat16').dtype).toBe(torch.bfloat16);
  });
});

describe('creation', () => {
  const run = (c: { fn: string; args: unknown[]; dtype: string }): Tensor => {
    const dtype = DT[c.dtype];
    const a = c.args as never[];
    switch (c.fn) {
      case 'tensor':
      case 'tensor_big':
        return torch.tensor(a[0], { dtype });
      case 'zeros':
        return torch.zeros(a[0], { dtype });
      case 'ones':
        return torch.ones(a[0], { dtype });
      case 'full':
        return torch.full(a[0], a[1], { dtype });
      case 'arange':
        return torch.arange(...(a as number[]), { dtype });
      case 'requires_grad':
        return torch.zeros(2, { dtype, requires_grad: true });
      case 'linspace':
        return torch.linspace(a[0], a[1], a[2], { dtype });
      case 'eye':
        return torch.eye(a[0], { dtype });
    }
    throw new Error(c.fn);
  };
  for (const c of F.creation as { fn: string; args: unknown[]; dtype: string; res: { value?: Enc; error?: Err } }[])
    it(`${c.fn}(${JSON.stringify(c.args)}) ${c.dtype}`, () => {
      if (c.res.error?.message.includes('not implemented for')) {
        // 1.13 lacks this CPU kernel (eye for BFloat16); PyTorch 2.x has it: the float32 result, converted.
        const y = run(c);
        expect(y.dtype).toBe(DT[c.dtype]);
        expect(y.tolist()).toEqual(run({ ...c, dtype: 'float32' }).tolist());
      } else if (c.res.error) expectError(() => run(c), c.res.error);
      else expectTensor(run(c), c.res.value!, c.fn);
    });
  it('*_like keep the dtype', () => {
    const x = torch.ones(2, { dtype: torch.bfloat16 });
    expect(torch.zeros_like(x).dtype).toBe(torch.bfloat16);
    expect(torch.full_like(x, 0.1).tolist()).toEqual([0.10009765625, 0.10009765625]);
    expect(torch.empty_like(torch.ones(1, { dtype: torch.int8 })).dtype).toBe(torch.int8);
  });
});

describe('repr', () => {
  for (const r of F.repr as { values: Enc; repr: string; requires_grad?: boolean }[])
    it(r.repr, () => {
      const t = dec(r.values);
      if (r.requires_grad) t.requires_grad_(true);
      expect(String(t)).toBe(r.repr);
    });
});

type Arith = { op: string; dtype: string; inputs: Enc[]; output?: Enc; error?: Err; ref_via_float32?: Enc; gout?: Enc; grads?: Enc[] };
const OPS: Record<string, (...x: Tensor[]) => Tensor> = {
  add: (x, y) => x.add(y), sub: (x, y) => x.sub(y), mul: (x, y) => x.mul(y), div: (x, y) => x.div(y),
  add_scalar: (x) => x.add(x.dtype.is_floating_point ? 0.1 : 1), mul_scalar: (x) => x.mul(x.dtype.is_floating_point ? 0.3 : 100),
  neg: (x) => x.neg(), abs: (x) => x.abs(), exp: (x) => x.exp(), log: (x) => x.log(), sqrt: (x) => x.sqrt(), tanh: (x) => x.tanh(),
  sigmoid: (x) => x.sigmoid(), relu: (x) => x.relu(), pow2: (x) => x.pow(2), sum: (x) => x.sum(), sum_dim: (x) => x.sum(1),
  mean: (x) => x.mean(), mean_dim: (x) => x.mean(0), max: (x) => x.max(), argmax: (x) => x.argmax(1),
  matmul: (x, y) => (x.dtype.is_floating_point ? x.matmul(y) : x.reshape(2, 3).matmul(y.reshape(3, 2))),
  softmax: (x) => x.softmax(1), gt: (x, y) => x.gt(y), eq: (x) => x.eq(x), where: (x, y) => torch.where(x.gt(0), x, y),
  clamp: (x) => (x.dtype.is_floating_point ? x.clamp(-1, 1) : x.clamp(2, 50)), pow3: (x) => x.pow(3), bitwise_not: (x) => x.bitwise_not(),
  gt_neg_scalar: (x) => x.gt(-1), eq_big_scalar: (x) => x.eq(300), neg_div_floor: (x, y) => torch.div(x, y, { rounding_mode: 'floor' }), overflow_mul: (x) => x.mul(1e4), cat: (x, y) => torch.cat([x, y]),
  mixed_f32: (x, y) => x.add(y), mixed_f64_0d: (x) => x.add(torch.tensor(0.1, { dtype: torch.float64 })),
  floor_div: (x, y) => torch.div(x, y, { rounding_mode: 'floor' }), remainder: (x, y) => x.remainder(y), cumsum: (x) => x.cumsum(0),
  mixed_float: (x) => x.add(2.5), mixed_i64_0d: (x) => x.add(torch.tensor(1000)),
  log_softmax: (x) => x.log_softmax(1), layer_norm: (x) => torch.F.layer_norm(x, [6]), gelu: (x) => torch.F.gelu(x), silu: (x) => torch.F.silu(x),
  mse_loss: (x, y) => torch.F.mse_loss(x, y), cross_entropy: (x) => torch.F.cross_entropy(x, torch.tensor([1, 0, 5, 3])),
  conv2d: (x, w) => torch.F.conv2d(x, w, null, { padding: 1 }), max_pool2d: (x) => torch.F.max_pool2d(x, 2), linear: (x, w) => torch.F.linear(x, w),
  var: (x) => x.var(1), cumsum_dim1: (x) => x.cumsum(1), prod: (x) => x.prod(1), min_dim: (x) => (x.min(1) as unknown as Tensor[])[0], sub_alpha: (x, y) => torch.sub(x, y, { alpha: 0.5 }), add_alpha: (x, y) => torch.add(x, y, { alpha: 0.3 }),
  maximum: (x, y) => torch.maximum(x, y), floor: (x) => x.mul(1.7).floor(), round: (x) => x.mul(1.7).round(),
  u8_plus_i8: (x, y) => x.add(y), bool_plus_u8: (x, y) => x.add(y), f16_plus_bf16: (x, y) => x.add(y), i8_plus_float: (x) => x.add(0.5),
};
// Where PyTorch's result depends on its summation order or a float32 kernel's approximation, one ulp of slack.
// gelu: 0.5·x·(1 + erf(x/√2)) cancels for x ≪ 0, where float32 erf's last bits show.
const ULPS: Record<string, number> = { sum: 1, sum_dim: 1, mean: 1, mean_dim: 1, matmul: 1, softmax: 1, exp: 1, tanh: 1, sigmoid: 1, log: 1, gelu: 2, linear: 1, conv2d: 1 };
// gelu's gradient far in the negative tail (x < -5): 1.13's bfloat16 kernel gives 0, ours ~1e-9.
const ATOL: Record<string, number> = { gelu: 1e-7 };
// PyTorch 1.13's bfloat16 kernels of these round intermediates to bfloat16 (2.x computes in float32):
// we compute in float32 and round once, so we equal PyTorch's float32 result rounded (ref_f32)
// and stay within 1% of the largest magnitude of 1.13's own bfloat16 result (which is less accurate);
// their gradients (our backward rules round per op) likewise.
const ROUNDS_ONCE = new Set(['log_softmax', 'layer_norm', 'silu', 'cross_entropy']);
const pct = (e: Enc): number => 0.01 * Math.max(...e.data.map((v) => Math.abs(Number(num(v)))).filter(Number.isFinite));

describe('arithmetic vs PyTorch CPU', () => {
  for (const c of F.arith as Arith[])
    it(`${c.op} ${c.dtype}`, () => {
      const fn = OPS[c.op];
      const grad = !!c.grads;
      const xs = c.inputs.map((e) => (grad && DT[e.dtype].is_floating_point ? dec(e).requires_grad_(true) : dec(e)));
      // PyTorch 1.13 lacks these CPU Half kernels; PyTorch 2.x has them (float32 math, rounded once): compare with that.
      const want = c.output ?? c.ref_via_float32;
      if (!want) return expectError(() => fn(...xs), c.error!);
      const y = fn(...xs);
      const loose = c.dtype === 'bfloat16' && ROUNDS_ONCE.has(c.op);
      if (loose) {
        expectTensor(y, (c as { ref_f32?: Enc }).ref_f32!, `${c.op} vs float32 rounded once`, 1);
        expectTensor(y, want, `${c.op} vs 1.13 bfloat16`, 0, pct(want));
      } else expectTensor(y, want, c.op, ULPS[c.op] ?? 0, ATOL[c.op] ?? 0);
      if (grad) {
        const gs = torch.autograd.grad(y.mul(dec(c.gout!)).sum(), xs.filter((x) => x.requires_grad));
        gs.forEach((g, i) => expectTensor(g!, c.grads![i], `${c.op} grad ${i}`, ULPS[c.op] ?? 0, loose ? pct(c.grads![i]) : (ATOL[c.op] ?? 0)));
      }
    });
  it('integer overflow wraps', () => {
    expect(torch.tensor([127], { dtype: torch.int8 }).add(1).tolist()).toEqual([-128]);
    expect(torch.tensor([255], { dtype: torch.uint8 }).add(1).tolist()).toEqual([0]);
    expect(torch.tensor([0], { dtype: torch.uint8 }).sub(1).tolist()).toEqual([255]);
    expect(torch.tensor([32767], { dtype: torch.int16 }).add(1).tolist()).toEqual([-32768]);
  });
  it('float16 / bfloat16 autograd', () => {
    for (const d of [torch.float16, torch.bfloat16]) {
      const x = torch.tensor([1, 2, 3], { dtype: d, requires_grad: true });
      x.mul(x).sum().backward();
      expect(x.grad!.dtype).toBe(d);
      expect(x.grad!.tolist()).toEqual([2, 4, 6]);
    }
  });
  it('in-place ops keep the dtype and can_cast guards them', () => {
    const x = torch.tensor([1, 2], { dtype: torch.float16 });
    x.add_(0.1);
    expect(x.dtype).toBe(torch.float16);
    expect(x.tolist()).toEqual([1.099609375, 2.099609375]);
    const u = torch.tensor([250], { dtype: torch.uint8 });
    u.add_(10);
    expect(u.tolist()).toEqual([4]);
    expect(() => u.add_(0.5)).toThrow("result type Float can't be cast to the desired output type Byte");
  });
  it('item and fill_', () => {
    const x = torch.zeros(2, { dtype: torch.bfloat16 });
    x.fill_(0.1);
    expect(x.tolist()).toEqual([0.10009765625, 0.10009765625]);
    expect(torch.tensor(65519, { dtype: torch.float16 }).item()).toBe(65504);
    expect(torch.tensor(65520, { dtype: torch.float16 }).item()).toBe(Infinity);
  });
});

describe('other paths that touch raw storage', () => {
  it('rand/randn/normal_ in float16 and bfloat16 are float32 draws rounded (PyTorch draws the same for fewer than 16 values)', () => {
    torch.manual_seed(0);
    const want = torch.randn(5).half().tolist();
    torch.manual_seed(0);
    expect(torch.randn(5, { dtype: torch.float16 }).tolist()).toEqual(want);
    torch.manual_seed(3);
    const u = torch.rand(1000, { dtype: torch.bfloat16 }).float();
    expect(u.min().item()).toBeGreaterThanOrEqual(0);
    expect(u.max().item()).toBeLessThanOrEqual(1);
    expect(Math.abs((u.mean().item() as number) - 0.5)).toBeLessThan(0.05);
    const w = torch.nn.init.normal_(torch.zeros(2000, { dtype: torch.float16 }), 0, 2).float();
    expect(Math.abs((w.std().item() as number) - 2)).toBeLessThan(0.15);
  });
  it('from_numpy of Int8Array / Int16Array; Uint16Array is refused', () => {
    expect(torch.from_numpy(new Int8Array([1, -2])).dtype).toBe(torch.int8);
    expect(torch.from_numpy(new Int16Array([1, -2])).dtype).toBe(torch.int16);
    expect(() => torch.from_numpy(new Uint16Array(2))).toThrow(/numpy\.uint16/);
  });
  it('views, clone, index_select, masked_fill, copy_ keep half bits', () => {
    const x = torch.tensor([[0.1, 2], [3, -4]], { dtype: torch.float16 });
    expect(x.t().tolist()).toEqual([[0.0999755859375, 3], [2, -4]]);
    expect(x.clone().reshape(4).index_select(0, torch.tensor([3, 0])).tolist()).toEqual([-4, 0.0999755859375]);
    expect(x.masked_fill(x.gt(1), 0.3).tolist()).toEqual([[0.0999755859375, 0.300048828125], [0.300048828125, -4]]);
    const y = torch.zeros(2, { dtype: torch.bfloat16 });
    y.copy_(torch.tensor([0.1, 1e38], { dtype: torch.float64 }));
    expect(y.tolist()).toEqual([0.10009765625, 9.969209968386869e37]);
  });
});

describe('scalars into narrow integer tensors', () => {
  it('arithmetic with an out-of-range scalar wraps; fill_/masked_fill check like PyTorch', () => {
    const x = torch.tensor([1, 100], { dtype: torch.int8 });
    expect(x.add(300).tolist()).toEqual([45, -112]);
    expect(x.mul(1000).tolist()).toEqual([-24, -96]);
    expect(torch.tensor([1], { dtype: torch.uint8 }).sub(2).tolist()).toEqual([255]);
    expect(torch.tensor([1], { dtype: torch.uint8 }).fill_(-1).tolist()).toEqual([255]);
    expect(() => torch.tensor([1], { dtype: torch.uint8 }).fill_(-300)).toThrow('value cannot be converted to type uint8_t without overflow');
    expect(() => torch.tensor([1], { dtype: torch.int8 }).masked_fill(torch.tensor([true]), 300)).toThrow('value cannot be converted to type int8_t without overflow');
    expect(torch.tensor([1, 2], { dtype: torch.float16 }).add(70000).tolist()).toEqual([Infinity, Infinity]);
  });
});

describe('half conversions (src/half.ts)', () => {
  it('bulk float32 -> float16/bfloat16 (integer RNE) equals the c10 port on ties, neighbours of ties and random bits', async () => {
    const { float32ToHalf, toFloat16Bits, toBFloat16Bits, fromFloat16Bits, halfToFloat32 } = await import('../src/half.js');
    const bits: number[] = [];
    for (let h = 0; h < 0x7c00; h++) {
      // the float32 tie between half h and h+1, and its float32 neighbours, both signs
      const lo = fromFloat16Bits(h);
      const hi = h === 0x7bff ? 65536 : fromFloat16Bits(h + 1);
      const mid = new Uint32Array(new Float32Array([(lo + hi) / 2]).buffer)[0];
      for (const b of [mid - 1, mid, mid + 1]) bits.push(b, (b | 0x80000000) >>> 0);
    }
    let seed = 12345;
    for (let i = 0; i < 200000; i++) bits.push((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0));
    bits.push(0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, 0x7f800001, 0, 0x80000000);
    const f = new Float32Array(new Uint32Array(bits).buffer);
    const h16 = float32ToHalf(f, torch.float16);
    const b16 = float32ToHalf(f, torch.bfloat16);
    let bad = 0;
    for (let i = 0; i < f.length; i++) {
      if (h16[i] !== toFloat16Bits(f[i])) bad++;
      if (b16[i] !== toBFloat16Bits(f[i])) bad++;
    }
    expect(bad).toBe(0);
    // decoding is exact: every half pattern round-trips
    const all = Uint16Array.from({ length: 65536 }, (_, i) => i);
    const back = float32ToHalf(halfToFloat32(all, torch.float16), torch.float16);
    const nan = (h: number) => (h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0;
    expect(all.filter((h) => !nan(h) && back[h] !== h).length).toBe(0);
  });
});
