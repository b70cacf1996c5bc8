// quantile / nanquantile: PyTorch's composite (sort, ranks q·(n − 1), gather, lerp), so values,
// NaN handling and gradients are those of the ops it is written with.
import { bind } from '../args.js';
import { int64 } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { any } from './any.js';
import { ceil } from './ceil.js';
import { floor } from './floor.js';
import { gather } from './gather.js';
import { isnan } from './isnan.js';
import { lerp } from './lerp.js';
import { logical_not } from './logical_not.js';
import { lt } from './lt.js';
import { masked_fill } from './masked_fill.js';
import { movedim } from './movedim.js';
import { mul } from './mul.js';
import { reshape } from './reshape.js';
import { round } from './round.js';
import { sortImpl } from './sort.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { to_dtype } from './to_dtype.js';
import { unsqueeze } from './unsqueeze.js';

type Interpolation = 'linear' | 'lower' | 'higher' | 'midpoint' | 'nearest';
interface QuantileOpts {
  dim?: number | null;
  keepdim?: boolean;
  interpolation?: Interpolation;
}

function quantileImpl(name: string, input: Tensor, q: number | Tensor, o: QuantileOpts, ignoreNan: boolean): Tensor {
  const interpolation = o.interpolation ?? 'linear';
  if (!['linear', 'lower', 'higher', 'midpoint', 'nearest'].includes(interpolation))
    throw new RuntimeError(`${name}() interpolation must be one of linear, lower, higher, midpoint or nearest, but got ${interpolation}`);
  if (input.numel() === 0 && o.dim == null) throw new RuntimeError(`${name}() input tensor must be non-empty`);
  if (!(input.dtype.name === 'float32' || input.dtype.name === 'float64'))
    throw new RuntimeError(`${name}() input tensor must be either float or double dtype`);
  if (!(q instanceof Tensor) && !(q >= 0 && q <= 1)) throw new RuntimeError(`${name}() q must be in the range [0, 1] but got ${q}`);
  const qt = q instanceof Tensor ? q : new Tensor(input.dtype.name === 'float64' ? Float64Array.of(q) : Float32Array.of(q), [], input.dtype);
  if (qt.dim() > 1) throw new RuntimeError(`${name}() q must be a scalar or 1D tensor`);
  if (qt.dtype !== input.dtype) throw new RuntimeError(`${name}() q tensor must be same dtype as the input tensor`);
  const qs = qt._data as Float64Array;
  for (let i = 0; i < qs.length; i++) if (!(qs[i] >= 0 && qs[i] <= 1)) throw new RuntimeError(`${name}() q values must be in the range [0, 1]`);
  // The reduced dim last; a flattened input for dim=None.
  const dim = o.dim == null ? null : normDim(o.dim, Math.max(input.dim(), 1));
  const x = dim === null ? reshape(input, [-1]) : input.dim() === 0 ? reshape(input, [1]) : movedim(input, dim, -1);
  const sorted = sortImpl(x, -1, false).values;
  const n = sorted._shape[sorted.dim() - 1];
  const last = n - 1;
  const q1 = reshape(qt, [-1]); // [Q]
  let ranks: Tensor;
  if (ignoreNan) {
    const valid = to_dtype(sum(logical_not(isnan(sorted)), -1, true), input.dtype); // [..., 1]
    ranks = mul(q1, sub(valid, 1)); // [..., Q]
    ranks = masked_fill(ranks, lt(ranks, 0), last);
  } else {
    ranks = mul(q1, last);
    ranks = masked_fill(ranks.expand(...sorted._shape.slice(0, -1), q1._shape[0]), any(isnan(sorted), -1, true), last);
  }
  let out: Tensor;
  if (interpolation === 'linear' || interpolation === 'midpoint') {
    const below = floor(ranks);
    const vb = gather(sorted, -1, to_dtype(below, int64));
    const va = gather(sorted, -1, to_dtype(ceil(ranks), int64));
    out = lerp(vb, va, interpolation === 'midpoint' ? 0.5 : sub(ranks, below));
  } else {
    const r = interpolation === 'lower' ? floor(ranks) : interpolation === 'higher' ? ceil(ranks) : round(ranks);
    out = gather(sorted, -1, to_dtype(r, int64));
  }
  // out: [..., Q]. keepdim puts the reduced dim back as size 1.
  if (o.keepdim) {
    if (dim === null) out = reshape(out, [...input._shape.map(() => 1), q1._shape[0]]);
    else if (input.dim() > 0) out = movedim(unsqueeze(out, -2), -2, dim);
  }
  return qt.dim() === 0 ? out.squeeze(-1) : movedim(out, -1, 0);
}

/**
 * torch.quantile(input, q, dim=None, keepdim=False, interpolation='linear'): the q-th quantiles
 * (q a number or a 1-D tensor in [0, 1]) along dim, or of all elements; a NaN makes its row NaN.
 * @example
 * torch.quantile(torch.tensor([0., 1, 2, 3]), 0.5); // 1.5
 */
export function quantile(input: Tensor, q: number | Tensor, ...args: unknown[]): Tensor {
  return quantileImpl('quantile', input, q, bind<QuantileOpts & Record<string, unknown>>(['dim', 'keepdim'], args), false);
}

/**
 * torch.nanquantile(input, q, dim=None, keepdim=False, interpolation='linear'): quantile over
 * the non-NaN values (NaN where a row has none).
 * @example
 * torch.nanquantile(torch.tensor([NaN, 1, 2]), 0.5); // 1.5
 */
export function nanquantile(input: Tensor, q: number | Tensor, ...args: unknown[]): Tensor {
  return quantileImpl('nanquantile', input, q, bind<QuantileOpts & Record<string, unknown>>(['dim', 'keepdim'], args), true);
}

declare module '../tensor.js' {
  interface Tensor {
    quantile(q: number | Tensor, dim?: number | null | QuantileOpts, keepdim?: boolean, opts?: QuantileOpts): Tensor;
    nanquantile(q: number | Tensor, dim?: number | null | QuantileOpts, keepdim?: boolean, opts?: QuantileOpts): Tensor;
  }
}
Tensor.prototype.quantile = function (this: Tensor, q: number | Tensor, ...args: unknown[]) {
  return quantile(this, q, ...args);
};
Tensor.prototype.nanquantile = function (this: Tensor, q: number | Tensor, ...args: unknown[]) {
  return nanquantile(this, q, ...args);
};
