// torch.testing.make_tensor (PyTorch 1.13's torch/testing/_creation.py): same draws, so with the
// same seed it gives PyTorch's values (uniform floats: high * r + low * (1 - r) in the dtype).
import { DType, float32, toDType } from '../../src/dtype.js';
import { ValueError } from '../../src/errors.js';
import { Tensor } from '../../src/tensor.js';
import { as_strided } from '../../src/ops/index.js';
import { rand, randint } from '../../src/random/functions.js';
import type { Generator } from '../../src/random/generator.js';

export interface MakeTensorOptions {
  /** required, as in PyTorch */
  dtype: DType | string;
  device?: string | { toString(): string };
  /** inclusive lower bound (default: -9 for numbers, 0 for bool and unsigned) */
  low?: number | null;
  /** exclusive upper bound (default: 9 for floats, 10 for integers) */
  high?: number | null;
  requires_grad?: boolean;
  /** a strided view of a buffer twice as large (ignored below two elements) */
  noncontiguous?: boolean;
  /** zeros become 1 (integers) or the dtype's smallest normal number (floats) */
  exclude_zero?: boolean;
  generator?: Generator;
}

// [lowest, highest, tiny] per dtype name; one line per dtype.
const FLOAT_RANGES: Record<string, [number, number, number]> = {
  float16: [-65504, 65504, 6.103515625e-5],
  bfloat16: [-3.3895313892515355e38, 3.3895313892515355e38, 1.1754943508222875e-38],
  float32: [-3.4028234663852886e38, 3.4028234663852886e38, 1.1754943508222875e-38],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE, 2.2250738585072014e-308],
};
const INT_RANGES: Record<string, [number, number]> = {
  uint8: [0, 255], int8: [-128, 127], int16: [-32768, 32767], int32: [-2147483648, 2147483647], int64: [-(2 ** 63), 2 ** 63 - 1],
};

function lowHigh(low: number | null | undefined, high: number | null | undefined, range: [number, number], defLow: number, defHigh: number, integral: boolean): [number, number] {
  let lo = low ?? defLow;
  let hi = high ?? defHigh;
  if (Number.isNaN(lo) || Number.isNaN(hi)) throw new ValueError('make_tensor: one of low or high was NaN!');
  if (lo > hi) throw new ValueError('make_tensor: low must be weakly less than high!');
  const clamp = (v: number) => Math.min(Math.max(v, range[0]), range[1]);
  lo = clamp(lo);
  hi = clamp(hi);
  return integral ? [Math.floor(lo), Math.ceil(hi)] : [lo, hi];
}

/**
 * torch.testing.make_tensor(shape, { dtype, low, high, requires_grad, noncontiguous, exclude_zero }):
 * values drawn uniformly from [low, high).
 * @example
 * const x = torch.testing.make_tensor([3], { dtype: torch.float32, low: -1, high: 1 });
 * const m = torch.testing.make_tensor(2, 2, { dtype: torch.bool });
 */
export function make_tensor(...args: (number | number[] | MakeTensorOptions)[]): Tensor {
  const opts = args.length && typeof args[args.length - 1] === 'object' && !Array.isArray(args[args.length - 1]) ? (args.pop() as MakeTensorOptions) : undefined;
  if (!opts?.dtype) throw new TypeError("make_tensor() missing 1 required keyword-only argument: 'dtype'");
  const shape = (args.length === 1 && Array.isArray(args[0]) ? args[0] : args) as number[];
  const dtype = toDType(opts.dtype, float32);
  const name = dtype.name as string;
  const g = opts.generator ? { generator: opts.generator } : {};
  if (opts.requires_grad && !dtype.is_floating_point) throw new ValueError('make_tensor: requires_grad must be False for integral dtype');
  let result: Tensor;
  if (name === 'bool') result = randint(0, 2, shape, { dtype, ...g });
  else if (INT_RANGES[name]) {
    const [lo, hi] = lowHigh(opts.low, opts.high, INT_RANGES[name], name === 'uint8' ? 0 : -9, 10, true);
    result = randint(lo, hi, shape, { dtype, ...g });
  } else if (FLOAT_RANGES[name]) {
    const [lo, hi] = lowHigh(opts.low, opts.high, FLOAT_RANGES[name].slice(0, 2) as [number, number], -9, 9, false);
    const r = rand(shape, { dtype, ...g });
    // high * r + low * (1 - r), each op rounded to the dtype as PyTorch's kernels do
    if (name === 'float32' || name === 'float64') {
      const round = name === 'float64' ? (v: number) => v : Math.fround;
      const [h, l] = [round(hi), round(lo)];
      const d = r._data as Float32Array | Float64Array;
      result = new Tensor(d.map((v) => round(round(h * v) + round(l * round(1 - v)))), shape.slice(), dtype);
    } else result = r.mul(hi).add(r.neg().add(1).mul(lo)); // float16/bfloat16: the same ops in the dtype
  } else {
    throw new TypeError(`The requested dtype '${dtype}' is not supported by torch.testing.make_tensor(). To request support, file an issue at: https://github.com/pytorch/pytorch/issues`);
  }
  if (opts.noncontiguous && result.numel() > 1) result = noncontiguous(result);
  if (opts.exclude_zero) {
    const one = FLOAT_RANGES[name]?.[2] ?? 1;
    result._mutate((d) => {
      for (let i = 0; i < d.length; i++) if (Number(d[i]) === 0) d[i] = (d instanceof BigInt64Array ? 1n : one) as never;
    });
  }
  if (dtype.is_floating_point && opts.requires_grad) result.requires_grad_(true);
  return result;
}

/** repeat_interleave(2, -1)[..., ::2]: the same values, every stride doubled. */
function noncontiguous(t: Tensor): Tensor {
  const d = t._data;
  const wide = new (d.constructor as new (n: number) => typeof d)(d.length * 2);
  for (let i = 0; i < d.length; i++) wide[2 * i] = wide[2 * i + 1] = d[i] as never;
  const base = new Tensor(wide, [wide.length], t.dtype);
  const strides = (t.stride() as number[]).map((s) => 2 * s);
  return as_strided(base, t.shape, strides);
}
