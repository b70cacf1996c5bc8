// torch.multinomial, as PyTorch 1.13's CPU kernel draws it: without replacement
// the Gumbel trick argmax/topk of p / q, q ~ Exp(1) from exponential_; with replacement a binary
// search of uniform doubles in the row's normalised cumulative sum. Same seed, same indices.
import { bind } from '../args.js';
import { float32, int64 } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { exponentialWrite, uniformDouble } from './distributions.js';
import { gen, type Generator } from './generator.js';

/**
 * torch.multinomial(input, num_samples, replacement=False, { generator }): for each row of
 * input (1-D or 2-D, non-negative weights, not necessarily summing to 1), num_samples category
 * indices drawn by weight, as int64.
 * @example
 * torch.manual_seed(0);
 * torch.multinomial(torch.tensor([0.1, 0.7, 0.2]), 4, true); // PyTorch's indices for seed 0
 */
export function multinomial(input: Tensor, num_samples: number, ...args: unknown[]): Tensor {
  const o = bind<{ replacement: boolean; generator?: Generator | null }>(['replacement'], args, { replacement: false });
  const n = num_samples;
  if (input.dim() < 1 || input.dim() > 2) throw new RuntimeError('prob_dist must be 1 or 2 dim');
  if (!input.dtype.is_floating_point) throw new RuntimeError(`multinomial only supports floating-point dtypes for input, got: ${input.dtype.scalarName}`);
  if (!(n > 0)) throw new RuntimeError('cannot sample n_sample <= 0 samples');
  const cats = input._shape[input.dim() - 1];
  if (!o.replacement && n > cats) throw new RuntimeError('cannot sample n_sample > prob_dist.size(-1) samples without replacement');
  if (cats > 2 ** 24) throw new RuntimeError('number of categories cannot exceed 2^24');
  const rows = input.dim() === 1 ? 1 : input._shape[0];
  const p = Array.from(input._data as ArrayLike<number>, Number);
  const out = new BigInt64Array(rows * n);
  const g = gen(o);
  const round = input.dtype === float32 ? Math.fround : (v: number) => v;
  if (!o.replacement) {
    if (p.some((v) => !(v >= 0) || v === Infinity)) throw new RuntimeError('probability tensor contains either `inf`, `nan` or element < 0');
    for (let r = 0; r < rows; r++) if (p.slice(r * cats, (r + 1) * cats).reduce((s, v) => s + v, 0) === 0) throw new RuntimeError('invalid multinomial distribution (sum of probabilities <= 0)');
    // q = empty_like(input).exponential_(1); q = input / q (in input's dtype), then argmax or topk.
    const q = new Tensor(new (input._data.constructor as new (k: number) => Float32Array)(p.length), input._shape, input.dtype);
    exponentialWrite(q, 1, g);
    const qd = q._data as Float32Array;
    for (let r = 0; r < rows; r++) {
      const keys = Array.from({ length: cats }, (_, j) => ({ j, v: round(p[r * cats + j] / qd[r * cats + j]) }));
      if (n === 1) {
        let best = 0;
        for (let j = 1; j < cats; j++) if (keys[j].v > keys[best].v) best = j;
        out[r] = BigInt(best);
      } else {
        keys.sort((a, b) => b.v - a.v || a.j - b.j);
        for (let k = 0; k < n; k++) out[r * n + k] = BigInt(keys[k].j);
      }
    }
  } else {
    for (let r = 0; r < rows; r++) {
      const cum = new Float64Array(cats);
      let sum = 0;
      for (let j = 0; j < cats; j++) {
        const v = p[r * cats + j];
        if (!(v >= 0)) throw new RuntimeError('invalid multinomial distribution (encountering probability entry < 0)');
        if (!Number.isFinite(v)) throw new RuntimeError('invalid multinomial distribution (encountering probability entry = infinity or NaN)');
        sum = round(sum + v);
        cum[j] = sum;
      }
      if (!(sum > 0)) throw new RuntimeError('invalid multinomial distribution (sum of probabilities <= 0)');
      for (let j = 0; j < cats; j++) cum[j] = round(cum[j] / sum);
      cum[cats - 1] = 1;
      for (let k = 0; k < n; k++) {
        const u = uniformDouble(g);
        let lo = 0;
        let hi = cats;
        while (hi - lo > 0) {
          const mid = lo + ((hi - lo) >> 1);
          if (cum[mid] < u) lo = mid + 1;
          else hi = mid;
        }
        out[r * n + k] = BigInt(lo);
      }
    }
  }
  return new Tensor(out, input.dim() === 1 ? [n] : [rows, n], int64);
}

declare module '../tensor.js' {
  interface Tensor {
    multinomial(num_samples: number, replacement?: boolean | { replacement?: boolean; generator?: Generator }, opts?: { generator?: Generator }): Tensor;
  }
}
Tensor.prototype.multinomial = function (this: Tensor, num_samples: number, ...args: unknown[]) {
  return multinomial(this, num_samples, ...args);
};
