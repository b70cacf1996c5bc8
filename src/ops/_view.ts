// Views: tensors that share their input's storage with other sizes, strides and offset (no copy).
// View ops' eager rules make them here; the positions helpers serve as_strided and the in-place
// writes through views (autograd's CopySlices).
import { int64 } from '../dtype.js';
import { contiguousStrides, numel, type Shape } from '../shape.js';
import { isContiguous, storageIndices } from '../strided.js';
import { Tensor } from '../tensor.js';

/** A view of x's storage. It keeps x's autograd base (the tensor whose history its values come from). */
export function makeView(x: Tensor, shape: readonly number[], strides: readonly number[], offset: number): Tensor {
  const std = isStandard(shape, strides);
  const t = new Tensor(x._st, shape, x.dtype, std ? null : strides, offset);
  t._vc = x._vc;
  t._base = x._base ?? x;
  const b = x._viewOf ?? x;
  t._viewOf = b;
  t._viewEpoch = b._epoch;
  return t;
}

function isStandard(shape: Shape, strides: Shape): boolean {
  if (!isContiguous(shape, strides)) return false;
  const c = contiguousStrides(shape);
  for (let i = 0; i < c.length; i++) if (c[i] !== strides[i]) return false;
  return true;
}

/** A view's geometry relative to a contiguous base's row-major layout (or null when the base is strided). */
export interface Geometry {
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

export function relativeGeometry(view: { _shape: number[]; _stridesOrDense: readonly number[]; _offset: number }, base: Tensor): Geometry | null {
  if (!base._contig) return null;
  return { shape: view._shape.slice(), strides: view._stridesOrDense.slice(), offset: view._offset - base._offset };
}

/**
 * For each element of the view (shape, strides, offset in storage), its row-major index in
 * `base` (which shares the storage), as an int64 tensor of the view's shape. Storage elements
 * the base does not cover map to -1.
 */
export function viewPositions(base: Tensor, shape: readonly number[], strides: readonly number[], offset: number): Tensor {
  const idx = storageIndices(shape, strides, offset);
  const out = new BigInt64Array(idx.length);
  if (base._contig) {
    const n = numel(base._shape);
    for (let i = 0; i < idx.length; i++) {
      const q = idx[i] - base._offset;
      out[i] = BigInt(q >= 0 && q < n ? q : -1);
    }
  } else {
    const inv = new Map<number, number>();
    const b = storageIndices(base._shape, base._stridesOrDense, base._offset);
    for (let i = 0; i < b.length; i++) if (!inv.has(b[i])) inv.set(b[i], i);
    for (let i = 0; i < idx.length; i++) out[i] = BigInt(inv.get(idx[i]) ?? -1);
  }
  return new Tensor(out, shape, int64);
}
