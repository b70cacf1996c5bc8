// unique / unique_consecutive: the distinct values (or slices along dim) in ascending order, or
// the runs of equal neighbours, with inverse indices and counts. A pure-JS eager kernel (the
// output size depends on the data; NaNs are all distinct, as in PyTorch): exporting throws
// `unique cannot be exported to ONNX`.
import { bind } from '../args.js';
import { apply } from '../dispatch.js';
import { int64 } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { readNumber } from '../half.js';
import { defineOp, type Meta } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';

interface UniqueAttrs {
  /** null: over all elements (flattened) */
  dim: number | null;
  consecutive: boolean;
}

interface Grouped {
  /** for each output slot, the index of one input slice holding its values */
  reps: number[];
  inverse: number[];
  counts: number[];
  /** slices along dim (1 value each when dim is null) and their length */
  n: number;
}

/** The input as slices along dim (each a list of numbers), or single values. */
function slices(x: Tensor, dim: number | null): number[][] {
  const d = x._data;
  const vals = Array.from({ length: d.length }, (_, i) => readNumber(d, i, x.dtype));
  if (dim === null) return vals.map((v) => [v]);
  const s = x._shape;
  const outer = s.slice(0, dim).reduce((p, q) => p * q, 1);
  const inner = s.slice(dim + 1).reduce((p, q) => p * q, 1);
  const n = s[dim];
  return Array.from({ length: n }, (_, k) => {
    const row: number[] = [];
    for (let o = 0; o < outer; o++) for (let i = 0; i < inner; i++) row.push(vals[(o * n + k) * inner + i]);
    return row;
  });
}

/** Lexicographic order with NaN after every number; NaNs never compare equal. */
function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
    if (Number.isNaN(y)) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}
const same = (a: number[], b: number[]) => a.every((v, i) => v === b[i]);

function group(x: Tensor, a: UniqueAttrs): Grouped {
  const sl = slices(x, a.dim);
  const order = sl.map((_, i) => i);
  if (!a.consecutive) order.sort((i, j) => cmp(sl[i], sl[j]) || i - j);
  const reps: number[] = [];
  const counts: number[] = [];
  const inverse = new Array<number>(sl.length);
  for (const i of order) {
    const k = reps.length - 1;
    if (k >= 0 && same(sl[reps[k]], sl[i])) counts[k]++;
    else {
      reps.push(i);
      counts.push(1);
    }
    inverse[i] = reps.length - 1;
  }
  return { reps, inverse, counts, n: sl.length };
}

function outShape(x: Tensor, a: UniqueAttrs, k: number): number[] {
  if (a.dim === null) return [k];
  const s = x._shape.slice();
  s[a.dim] = k;
  return s;
}

export const Unique = defineOp<UniqueAttrs>({
  name: 'unique',
  infer: ([x], a): Meta[] => {
    const g = group(x, a);
    return [
      { dtype: x.dtype, shape: outShape(x, a, g.reps.length) },
      { dtype: int64, shape: a.dim === null ? x._shape : [x._shape[a.dim]] },
      { dtype: int64, shape: [g.reps.length] },
    ];
  },
  lower: (_g, _x, a) => {
    throw new RuntimeError(`${a.consecutive ? 'unique_consecutive' : 'unique'} cannot be exported to ONNX`);
  },
  eager: ([x], a, out) => {
    const g = group(x, a);
    const d = x._data as unknown as { [i: number]: number | bigint; length: number };
    const vals = new (d.constructor as new (n: number) => typeof d)(g.reps.length * (a.dim === null ? 1 : d.length / Math.max(g.n, 1)));
    if (a.dim === null) g.reps.forEach((r, k) => (vals[k] = d[r]));
    else {
      const s = x._shape;
      const outer = s.slice(0, a.dim).reduce((p, q) => p * q, 1);
      const inner = s.slice(a.dim + 1).reduce((p, q) => p * q, 1);
      const n = s[a.dim];
      const m = g.reps.length;
      for (let o = 0; o < outer; o++)
        g.reps.forEach((r, k) => {
          for (let i = 0; i < inner; i++) vals[(o * m + k) * inner + i] = d[(o * n + r) * inner + i];
        });
    }
    return [
      new Tensor(vals as never, out[0].shape, x.dtype),
      new Tensor(BigInt64Array.from(g.inverse, BigInt), out[1].shape, int64),
      new Tensor(BigInt64Array.from(g.counts, BigInt), out[2].shape, int64),
    ];
  },
});

function run(input: Tensor, consecutive: boolean, o: { return_inverse?: boolean; return_counts?: boolean; dim?: number | null }): Tensor | Tensor[] {
  let dim: number | null = null;
  if (o.dim != null) {
    if (input.dim() === 0) throw new RuntimeError('dim 0 is out of bounds for tensor of dimension 0');
    dim = normDim(o.dim, input.dim());
  }
  const [y, inv, counts] = apply(Unique, [input], { dim, consecutive });
  if (!o.return_inverse && !o.return_counts) return y;
  const out = [y];
  if (o.return_inverse) out.push(inv);
  if (o.return_counts) out.push(counts);
  return out;
}

/**
 * torch.unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None): the
 * distinct values in ascending order (slices along `dim` when given), and optionally where each
 * input element went and how often each value occurs.
 * @example
 * torch.unique(torch.tensor([2, 1, 2, 3])); // [1, 2, 3]
 * const [u, inv, counts] = torch.unique(x, { return_inverse: true, return_counts: true });
 */
export function unique(input: Tensor, ...args: unknown[]): Tensor | Tensor[] {
  const o = bind<{ sorted?: boolean; return_inverse?: boolean; return_counts?: boolean; dim?: number | null }>(['sorted', 'return_inverse', 'return_counts', 'dim'], args);
  return run(input, false, o);
}

/**
 * torch.unique_consecutive(input, return_inverse=False, return_counts=False, dim=None): one
 * element (or slice) per run of equal neighbours.
 * @example
 * torch.unique_consecutive(torch.tensor([1, 1, 2, 2, 1])); // [1, 2, 1]
 */
export function unique_consecutive(input: Tensor, ...args: unknown[]): Tensor | Tensor[] {
  const o = bind<{ return_inverse?: boolean; return_counts?: boolean; dim?: number | null }>(['return_inverse', 'return_counts', 'dim'], args);
  return run(input, true, o);
}

declare module '../tensor.js' {
  interface Tensor {
    unique(sorted?: boolean | { sorted?: boolean; return_inverse?: boolean; return_counts?: boolean; dim?: number | null }, return_inverse?: boolean, return_counts?: boolean, dim?: number | null): Tensor | Tensor[];
    unique_consecutive(return_inverse?: boolean | { return_inverse?: boolean; return_counts?: boolean; dim?: number | null }, return_counts?: boolean, dim?: number | null): Tensor | Tensor[];
  }
}
Tensor.prototype.unique = function (this: Tensor, ...args: unknown[]) {
  return unique(this, ...args);
};
Tensor.prototype.unique_consecutive = function (this: Tensor, ...args: unknown[]) {
  return unique_consecutive(this, ...args);
};
