// Strided memory: PyTorch's layout rules (contiguity, view strides) and the copy kernels that
// move values between a strided view and a dense array. Tensor and the view ops use these.
import type { TypedArray } from './dtype.js';
import { RuntimeError } from './errors.js';
import { contiguousStrides, numel, type Shape } from './shape.js';

/** PyTorch's is_contiguous: row-major, ignoring the strides of size-1 dims. */
export function isContiguous(shape: Shape, strides: Shape): boolean {
  if (numel(shape) === 0) return true;
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const s = shape[i];
    if (s === 1) continue;
    if (strides[i] !== expected) return false;
    expected *= s;
  }
  return true;
}

/** Stride-0 dims of size > 1: PyTorch's has_internal_overlap() == YES. */
export function hasInternalOverlap(shape: Shape, strides: Shape): boolean {
  if (numel(shape) === 0) return false;
  for (let i = 0; i < shape.length; i++) if (strides[i] === 0 && shape[i] > 1) return true;
  return false;
}

/** PyTorch's is_non_overlapping_and_dense: the elements fill one block (a permutation of a contiguous layout). */
export function isDenseNonOverlapping(shape: Shape, strides: Shape): boolean {
  const dims: [number, number][] = [];
  for (let i = 0; i < shape.length; i++) if (shape[i] !== 1) dims.push([shape[i], strides[i]]);
  dims.sort((a, b) => a[1] - b[1]);
  let expected = 1;
  for (const [s, st] of dims) {
    if (st !== expected) return false;
    expected *= s;
  }
  return true;
}

export const PARTIAL_OVERLAP_MESSAGE =
  'unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.';

export const OVERLAP_MESSAGE =
  'unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.';

/**
 * The strides a view of `newShape` would have over memory laid out as (oldShape, oldStride), or
 * null when no view exists (PyTorch's computeStride: chunks of dims that are contiguous with each
 * other can be re-split freely; a dim that spans two chunks cannot).
 */
export function viewStrides(oldShape: Shape, oldStride: Shape, newShape: Shape): number[] | null {
  const n = numel(oldShape);
  if (n === 0) return contiguousStrides(newShape);
  const out = new Array<number>(newShape.length);
  if (oldShape.length === 0) return out.fill(1);
  let viewD = newShape.length - 1;
  let chunkBase = oldStride[oldShape.length - 1];
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let d = oldShape.length - 1; d >= 0; d--) {
    tensorNumel *= oldShape[d];
    if (d === 0 || (oldShape[d - 1] !== 1 && oldStride[d - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] === 1)) {
        out[viewD] = viewNumel * chunkBase;
        viewNumel *= newShape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (d > 0) {
        chunkBase = oldStride[d - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) return null;
  return out;
}

/** The largest storage index a view reads, +1 (0 for an empty view). */
export function storageExtent(shape: Shape, strides: Shape, offset: number): number {
  let hi = offset;
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 0) return 0;
    hi += (shape[i] - 1) * strides[i];
  }
  return hi + 1;
}

type Arr = TypedArray & { [i: number]: number | bigint };

/** dst[0..n) = the view's values in row-major order. */
export function gatherStrided(src: TypedArray, shape: Shape, strides: Shape, offset: number, dst: TypedArray): void {
  walk(shape, strides, offset, (p, o, len, step) => {
    const s = src as Arr;
    const d = dst as Arr;
    if (step === 1) d.set(s.subarray(p, p + len) as never, o);
    else for (let j = 0; j < len; j++, p += step) d[o + j] = s[p];
  });
}

/** The view's elements (row-major order) = src[0..n). */
export function scatterStrided(dst: TypedArray, shape: Shape, strides: Shape, offset: number, src: TypedArray): void {
  walk(shape, strides, offset, (p, o, len, step) => {
    const s = src as Arr;
    const d = dst as Arr;
    if (step === 1) d.set(s.subarray(o, o + len) as never, p);
    else for (let j = 0; j < len; j++, p += step) d[p] = s[o + j];
  });
}

/** Storage index of every element of a view, in row-major order. */
export function storageIndices(shape: Shape, strides: Shape, offset: number): Float64Array {
  const out = new Float64Array(numel(shape));
  walk(shape, strides, offset, (p, o, len, step) => {
    for (let j = 0; j < len; j++, p += step) out[o + j] = p;
  });
  return out;
}

/** Calls row(storageStart, denseStart, length, step) for each innermost row of the view. */
function walk(shape: Shape, strides: Shape, offset: number, row: (p: number, o: number, len: number, step: number) => void): void {
  const n = numel(shape);
  if (n === 0) return;
  const r = shape.length;
  if (r === 0) return row(offset, 0, 1, 1);
  // Merge dims that are contiguous with each other so the inner row is as long as possible.
  const sh: number[] = [shape[r - 1]];
  const st: number[] = [strides[r - 1]];
  for (let i = r - 2; i >= 0; i--) {
    if (shape[i] === 1) continue;
    const k = sh.length - 1;
    if (sh[k] === 1 || strides[i] === sh[k] * st[k]) {
      if (sh[k] === 1) st[k] = strides[i];
      sh[k] *= shape[i];
    } else {
      sh.push(shape[i]);
      st.push(strides[i]);
    }
  }
  const len = sh[0];
  const step = st[0];
  const m = sh.length;
  if (m === 1) return row(offset, 0, len, step);
  const idx = new Array<number>(m).fill(0);
  let base = offset;
  for (let o = 0; o < n; o += len) {
    row(base, o, len, step);
    for (let d = 1; d < m; d++) {
      base += st[d];
      if (++idx[d] < sh[d]) break;
      base -= st[d] * sh[d];
      idx[d] = 0;
    }
  }
}

/** PyTorch's as_strided bounds check, with its message. */
export function checkInBounds(shape: Shape, strides: Shape, offset: number, storageLength: number, itemsize: number): void {
  if (offset < 0) throw new RuntimeError(`Tensor: invalid storage offset ${offset}`);
  for (const s of strides) if (s < 0) throw new RuntimeError('as_strided: Negative strides are not supported at the moment, got strides: [' + strides.join(', ') + ']');
  const need = storageExtent(shape, strides, offset);
  if (need > storageLength)
    throw new RuntimeError(
      `setStorage: sizes [${shape.join(', ')}], strides [${strides.join(', ')}], storage offset ${offset}, and itemsize ${itemsize} requiring a storage size of ${need * itemsize} are out of bounds for storage of size ${storageLength * itemsize}`,
    );
}
