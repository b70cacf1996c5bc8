// The subscript helper: x.index(...) is Python's x[...] (one item per dim), written with select,
// slice, unsqueeze and index_select, so gradients flow through every form.
import { arange } from '../creation.js';
import { bool, int32, int64 } from '../dtype.js';
import { IndexError, ValueError } from '../errors.js';
import { no_grad } from '../autograd/grad_mode.js';
import { broadcastShapes, contiguousStrides, fmtShape, numel } from '../shape.js';
import { Tensor } from '../tensor.js';
import { asIndexTensor, outOfBounds } from './_indices.js';
import { expand } from './expand.js';
import { index_select } from './index_select.js';
import { nonzero } from './nonzero.js';
import { permute } from './permute.js';
import { reshape } from './reshape.js';
import { select } from './select.js';
import { sliceView } from './slice.js';
import { unbind } from './unbind.js';
import { unsqueeze } from './unsqueeze.js';

/**
 * One subscript item, as Python writes it inside `x[...]`:
 * - a number: that entry (the dim disappears; negative counts from the end), as `x[1]`;
 * - a slice string `'start:stop:step'` (any part optional): `':'`, `'1:3'`, `'::2'`, `'-1:'`;
 * - `null`: a new size-1 dim (Python's `None`);
 * - `'...'`: as many `':'` as needed (Python's `Ellipsis`);
 * - a bool tensor: a mask over the next mask.dim() dims (`x[mask]`);
 * - an int tensor or number[]: advanced indexing (`x[idx]`, `x[:, [0, 2]]`), several of them
 *   broadcasting together as in PyTorch.
 */
export type IndexItem = number | string | null | Tensor | readonly number[];

const SLICE_RE = /^\s*(-?\d+)?\s*:\s*(-?\d+)?\s*(?::\s*(-?\d+)?\s*)?$/;

/** Parses 'start:stop:step' into numbers (null for omitted parts). */
export function parseSlice(s: string): { start: number | null; stop: number | null; step: number } {
  const m = SLICE_RE.exec(s);
  if (!m) throw new IndexError(`invalid slice string '${s}' (expected 'start:stop:step')`);
  const num = (v: string | undefined) => (v === undefined ? null : Number(v));
  const step = num(m[3]) ?? 1;
  if (step === 0) throw new ValueError('slice step cannot be zero');
  if (step < 0) throw new ValueError('step must be greater than zero');
  return { start: num(m[1]), stop: num(m[2]), step };
}

/** How many dims of the indexed tensor an item consumes. */
function consumed(it: IndexItem): number {
  if (it === null || it === '...') return 0;
  if (it instanceof Tensor) return it.dtype === bool ? it._shape.length : 1;
  return 1;
}

/** Advanced indexing over dims `dims` of y with int64 index tensors (one per dim). */
function advanced(y: Tensor, dims: number[], idxs: Tensor[]): Tensor {
  let B: number[] = idxs[0]._shape;
  try {
    for (const t of idxs) B = broadcastShapes(B, t._shape);
  } catch {
    throw new IndexError(`shape mismatch: indexing tensors could not be broadcast together with shapes ${idxs.map((t) => fmtShape(t._shape)).join(', ')}`);
  }
  const sizes = dims.map((d) => y._shape[d]);
  const st = contiguousStrides(sizes);
  // The linear position inside the block of indexed dims, bounds-checked with PyTorch's message.
  const n = numel(B);
  const lin = new BigInt64Array(n);
  idxs.forEach((t, k) => {
    const e = expand(t, B)._data as ArrayLike<number | bigint>;
    for (let i = 0; i < n; i++) {
      let v = Number(e[i]);
      // PyTorch reports the index's position among the advanced indices as the dimension
      if (v < -sizes[k] || v >= sizes[k]) throw outOfBounds(v, k, sizes[k]);
      if (v < 0) v += sizes[k];
      lin[i] += BigInt(v * st[k]);
    }
  });
  // Adjacent indexed dims keep their place; otherwise the result's indexed dims go first.
  const adjacent = dims.every((d, i) => i === 0 || d === dims[i - 1] + 1);
  let x = y;
  let p = dims[0];
  if (!adjacent) {
    const rest = y._shape.map((_, i) => i).filter((i) => !dims.includes(i));
    x = permute(y, [...dims, ...rest]);
    p = 0;
  }
  const pre = x._shape.slice(0, p);
  const post = x._shape.slice(p + dims.length);
  const flat = reshape(x, [numel(pre), numel(sizes), numel(post)]);
  const taken = index_select(flat, 1, new Tensor(lin, [n], int64));
  return reshape(taken, [...pre, ...B, ...post]);
}

/**
 * Python's `x[i0, i1, ...]`: one item per dim (see IndexItem); trailing dims may be left out.
 * Differentiable: slicing scatters gradients back into zeros, advanced indexing accumulates.
 * @example
 * x.index(0, '1:3');          // x[0, 1:3]
 * x.index('...', null, -1);   // x[..., None, -1]
 * x.index(x.gt(0));           // x[x > 0]
 * x.index(':', [0, 2]);       // x[:, [0, 2]]
 * x.index(torch.tensor([1, 0]), torch.tensor([2, 2])); // x[[1, 0], [2, 2]]
 */
export function subscript(x: Tensor, items: readonly IndexItem[]): Tensor {
  const rank = x._shape.length;
  const ell = items.filter((it) => it === '...').length;
  if (ell > 1) throw new IndexError('an index can only have a single ellipsis (\'...\')');
  const used = items.reduce<number>((n, it) => n + consumed(it), 0);
  if (used > rank) throw new IndexError(`too many indices for tensor of dimension ${rank}`);
  const full: IndexItem[] = [];
  for (const it of items) {
    if (it === '...') for (let k = 0; k < rank - used; k++) full.push(':');
    else full.push(it);
  }
  let y = x;
  let dim = 0; // dim of y the next item applies to
  let src = 0; // dim of x it came from (for error messages)
  const advDims: number[] = [];
  const advIdx: Tensor[] = [];
  for (const it of full) {
    if (it === null) {
      y = unsqueeze(y, dim++);
    } else if (typeof it === 'number') {
      const size = y._shape[dim];
      if (!Number.isInteger(it))
        throw new IndexError('only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got float)');
      if (it < -size || it >= size) throw outOfBounds(it, src, size);
      y = select(y, dim, it);
      src++;
    } else if (typeof it === 'string') {
      src++;
      const s = parseSlice(it);
      y = sliceView(y, dim++, s.start, s.stop, s.step);
    } else {
      const t = asIndexTensor(it);
      src += consumed(t);
      if (t.dtype === bool) {
        const k = t._shape.length;
        if (k === 0) {
          // x[True] adds a dim of size 1; x[False] one of size 0
          y = unsqueeze(y, dim);
          advDims.push(dim++);
          advIdx.push(new Tensor(new BigInt64Array(t.item() ? 1 : 0), [t.item() ? 1 : 0], int64));
          continue;
        }
        for (let j = 0; j < k; j++)
          if (t._shape[j] !== y._shape[dim + j])
            throw new IndexError(
              `The shape of the mask ${fmtShape(t._shape)} at index ${j} does not match the shape of the indexed tensor ${fmtShape(y._shape)} at index ${dim + j}`,
            );
        const cols = unbind(nonzero(t), 1);
        for (const c of cols) {
          advDims.push(dim++);
          advIdx.push(c);
        }
      } else if (t.dtype === int64 || t.dtype === int32) {
        advDims.push(dim++);
        advIdx.push(t);
      } else throw new IndexError('tensors used as indices must be long, int, byte or bool tensors');
    }
  }
  if (advDims.length) return advanced(y, advDims, advIdx);
  // x[...] and x[()] are new views of x, as in PyTorch.
  return y !== x ? y : rank > 0 ? sliceView(x, 0) : permute(x, []);
}

/** Flat positions (int64, of the result's shape) that `x.index(...items)` reads. */
export function subscriptPositions(x: Tensor, items: readonly IndexItem[]): Tensor {
  return no_grad(() => subscript(reshape(arange(numel(x._shape), { dtype: int64 }), x._shape), items));
}

declare module '../tensor.js' {
  interface Tensor {
    /**
     * Python's subscript `x[...]`, one item per dim: number, 'start:stop:step', null (None),
     * '...' (Ellipsis), bool mask tensor, int tensor or number[].
     * @example
     * x.index(0, '1:3'); x.index('...', -1); x.index(mask); x.index(':', [0, 2]);
     */
    index(...items: IndexItem[]): Tensor;
  }
}
Tensor.prototype.index = function (this: Tensor, ...items: IndexItem[]) {
  return subscript(this, items);
};
