// Shape helpers shared by every op's shape rule.
import { IndexError, RuntimeError } from './errors.js';

export type Shape = readonly number[];

export function numel(shape: Shape): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** PyTorch's broadcasting, with its error text. */
export function broadcastShapes(a: Shape, b: Shape): number[] {
  if (sameShape(a, b)) return a as number[];
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const ai = i - n + a.length;
    const bi = i - n + b.length;
    const x = ai >= 0 ? a[ai] : 1;
    const y = bi >= 0 ? b[bi] : 1;
    if (x === y || y === 1) out[i] = x;
    else if (x === 1) out[i] = y;
    else
      throw new RuntimeError(
        `The size of tensor a (${x}) must match the size of tensor b (${y}) at non-singleton dimension ${i}`,
      );
  }
  return out;
}

/** Wraps a possibly negative dim, with PyTorch's IndexError. A 0-d tensor accepts dims -1 and 0. */
export function normDim(dim: number, rank: number): number {
  const r = rank === 0 ? 1 : rank;
  if (!Number.isInteger(dim) || dim < -r || dim >= r)
    throw new IndexError(`Dimension out of range (expected to be in range of [${-r}, ${r - 1}], but got ${dim})`);
  return dim < 0 ? dim + r : dim;
}

/** Normalises a dim list (undefined or [] = all dims), sorted, rejecting repeats as PyTorch does. */
export function normDims(dims: number | readonly number[] | null | undefined, rank: number): number[] {
  if (dims == null || (Array.isArray(dims) && dims.length === 0)) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof dims === 'number' ? [dims] : (dims as number[]);
  const out = list.map((d) => normDim(d, rank));
  const seen = new Set<number>();
  for (const d of out) {
    if (seen.has(d)) throw new RuntimeError(`dim ${d} appears multiple times in the list of dims`);
    seen.add(d);
  }
  return out.sort((x, y) => x - y);
}

/** Dims of a reduction: like normDims, but a 0-d tensor (which accepts dim 0 or -1) reduces over nothing. */
export function reduceDims(dims: number | readonly number[] | null | undefined, rank: number): number[] {
  const d = normDims(dims, Math.max(rank, 1));
  return rank === 0 ? [] : d;
}

export function contiguousStrides(shape: Shape): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  // PyTorch counts a size-0 dim as 1 here, so empty tensors keep the strides of their other dims.
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= Math.max(shape[i], 1);
  }
  return s;
}

/** Resolves a single -1 in a view/reshape target, with PyTorch's errors. */
export function inferSize(shape: readonly number[], n: number): number[] {
  let neg = -1;
  let prod = 1;
  for (let i = 0; i < shape.length; i++) {
    const s = shape[i];
    if (s === -1) {
      if (neg >= 0) throw new RuntimeError('only one dimension can be inferred');
      neg = i;
    } else if (!Number.isInteger(s) || s < 0) {
      throw new RuntimeError(`invalid shape dimension ${s}`);
    } else prod *= s;
  }
  const out = shape.slice();
  if (neg >= 0) {
    if (prod === 0 || n % prod !== 0) throw new RuntimeError(`shape '[${shape.join(', ')}]' is invalid for input of size ${n}`);
    out[neg] = n / prod;
  } else if (prod !== n) {
    throw new RuntimeError(`shape '[${shape.join(', ')}]' is invalid for input of size ${n}`);
  }
  return out;
}

export const fmtShape = (s: Shape): string => `[${s.join(', ')}]`;
