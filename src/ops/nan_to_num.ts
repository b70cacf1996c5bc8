// nan_to_num: NaN, +inf, −inf replaced by finite values (torch.nan_to_num, Tensor.nan_to_num, nan_to_num_). Composite.
import type { DType } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import { binaryMethods } from './_emath.js';
import { clone } from './clone.js';
import { eq } from './eq.js';
import { isnan } from './isnan.js';
import { where } from './where.js';

const FMAX: Record<string, number> = { float32: 3.4028234663852886e38, float64: Number.MAX_VALUE, float16: 65504, bfloat16: 3.3895313892515355e38 };
const fmax = (d: DType) => FMAX[d.name];

export interface NanToNumOpts {
  nan?: number | null;
  posinf?: number | null;
  neginf?: number | null;
}

/**
 * torch.nan_to_num(input, nan=0, posinf=None, neginf=None): NaN → nan, +inf → posinf (default the
 * dtype's largest finite value), −inf → neginf (default the most negative). Integer input is returned as is.
 * @example
 * torch.nan_to_num(torch.tensor([NaN, Infinity, -Infinity, 1]));
 */
export function nan_to_num(input: Tensor, ...args: (number | null | undefined | NanToNumOpts)[]): Tensor {
  const last = args[args.length - 1];
  const o: NanToNumOpts = typeof last === 'object' && last !== null ? (args.pop() as NanToNumOpts) : {};
  const [nan = o.nan ?? 0, posinf = o.posinf ?? null, neginf = o.neginf ?? null] = args as (number | null | undefined)[];
  if (!input.dtype.is_floating_point) return clone(input);
  const m = fmax(input.dtype);
  const y = where(eq(input, Infinity), posinf ?? m, where(eq(input, -Infinity), neginf ?? -m, input));
  return where(isnan(input), nan ?? 0, y);
}

declare module '../tensor.js' {
  interface Tensor {
    nan_to_num(...args: (number | null | undefined | NanToNumOpts)[]): Tensor;
    nan_to_num_(...args: (number | null | undefined | NanToNumOpts)[]): Tensor;
  }
}
binaryMethods('nan_to_num', nan_to_num as never);
