// index_add / index_copy / index_fill: the index along dim expanded to the source's shape, then
// scatter_add / scatter (ONNX ScatterElements); composites, so gradients and export come from those.
import { bind } from '../args.js';
import { int64 } from '../dtype.js';
import { IndexError, RuntimeError } from '../errors.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { indexValues, wrapIndex } from './_indices.js';
import { inplace } from './_inplace.js';
import { expand, expand_as } from './expand.js';
import { mul } from './mul.js';
import { reshape } from './reshape.js';
import { scatter } from './scatter.js';
import { scatter_add } from './scatter_add.js';
import { to_dtype } from './to_dtype.js';

/** index (1-D, int) checked against self.size(dim) and expanded along dim to `shape`. */
function expandIndex(name: string, self: Tensor, dim: number, index: Tensor, shape: readonly number[], outOfRange: (v: number, size: number) => Error, wrap: boolean, like?: Tensor): Tensor {
  if (index.dtype !== int64 && index.dtype.name !== 'int32') throw new RuntimeError(`${name}(): Expected dtype int32/int64 for index but got: ${index.dtype.scalarName}`);
  if (index._shape.length > 1) throw new IndexError(`${name}(): Index is supposed to be a vector`);
  const size = self._shape.length ? self._shape[dim] : 1;
  for (const v of indexValues(index)) if (v >= size || v < (wrap ? -size : 0)) throw outOfRange(v, size);
  let idx = index.dtype === int64 ? index : to_dtype(index, int64);
  if (wrap) idx = wrapIndex(idx, size);
  const view = shape.map((n, i) => (i === dim ? index.numel() : 1));
  // expand_as the source keeps its sizes dynamic in exported graphs
  if (like !== undefined && like._shape[dim] === index.numel() && like._shape.length === shape.length) return expand_as(reshape(idx, view), like);
  return expand(reshape(idx, view), shape.map((n, i) => (i === dim ? index.numel() : n)));
}

function prep(self: Tensor, dim: number): { d: number; x: Tensor } {
  return { d: normDim(dim, Math.max(self._shape.length, 1)), x: self._shape.length === 0 ? reshape(self, [1]) : self };
}

/**
 * torch.index_add(input, dim, index, source, *, alpha=1): a copy of input with alpha * source's
 * slices added at the positions `index` gives along dim (repeated indices accumulate).
 * @example
 * torch.zeros(3).index_add(0, torch.tensor([0, 0, 2]), torch.ones(3)); // [2, 0, 1]
 */
export function index_add(input: Tensor, dim: number, index: Tensor, source: Tensor, ...args: unknown[]): Tensor {
  const alpha = bind<{ alpha?: number }>(['alpha'], args).alpha ?? 1;
  const { d, x } = prep(input, dim);
  const src = source._shape.length === 0 ? reshape(source, [1]) : source;
  if (src.dtype !== x.dtype) throw new RuntimeError(`index_add_(): self (${x.dtype.scalarName}) and source (${src.dtype.scalarName}) must have the same scalar type`);
  const idx = expandIndex('index_add_', x, d, index, src._shape, () => new IndexError('index out of range in self'), false, src);
  const y = scatter_add(x, d, idx, alpha === 1 ? src : mul(src, alpha));
  return input._shape.length === 0 ? reshape(y, []) : y;
}

/**
 * torch.index_copy(input, dim, index, source): a copy of input with source's slices written at
 * the positions `index` gives along dim.
 * @example
 * torch.zeros(3).index_copy(0, torch.tensor([2, 0]), torch.tensor([5., 6.])); // [6, 0, 5]
 */
export function index_copy(input: Tensor, dim: number, index: Tensor, source: Tensor): Tensor {
  const { d, x } = prep(input, dim);
  const src = source._shape.length === 0 ? reshape(source, [1]) : source;
  if (src.dtype !== x.dtype) throw new RuntimeError(`index_copy_(): self and source expected to have the same dtype, but got (self) ${x.dtype.scalarName} and (source) ${src.dtype.scalarName}`);
  const idx = expandIndex('index_copy_', x, d, index, src._shape, (v, n) => new IndexError(`index_copy_(): index ${v} is out of bounds for dimension ${d} with size ${n}`), false, src);
  const y = scatter(x, d, idx, src);
  return input._shape.length === 0 ? reshape(y, []) : y;
}

/**
 * torch.index_fill(input, dim, index, value): a copy of input with the slices at `index` along
 * dim set to value (negative indices count from the end).
 * @example
 * torch.zeros(2, 3).index_fill(1, torch.tensor([0, 2]), 1); // [[1, 0, 1], [1, 0, 1]]
 */
export function index_fill(input: Tensor, dim: number, index: Tensor, value: number | boolean | Tensor): Tensor {
  const { d, x } = prep(input, dim);
  const idx = expandIndex('index_fill_', x, d, index, x._shape, (v, n) => new IndexError(`index ${v} is out of bounds for dimension ${d} with size ${n}`), true);
  const v = value instanceof Tensor ? (value.item() as number | boolean) : value;
  const y = index.numel() === 0 ? x.clone() : scatter(x, d, idx, v);
  return input._shape.length === 0 ? reshape(y, []) : y;
}

declare module '../tensor.js' {
  interface Tensor {
    index_add(dim: number, index: Tensor, source: Tensor, opts?: { alpha?: number }): Tensor;
    index_add_(dim: number, index: Tensor, source: Tensor, opts?: { alpha?: number }): Tensor;
    index_copy(dim: number, index: Tensor, source: Tensor): Tensor;
    index_copy_(dim: number, index: Tensor, source: Tensor): Tensor;
    index_fill(dim: number, index: Tensor, value: number | boolean | Tensor): Tensor;
    index_fill_(dim: number, index: Tensor, value: number | boolean | Tensor): Tensor;
  }
}
Tensor.prototype.index_add = function (this: Tensor, dim: number, index: Tensor, source: Tensor, ...args: unknown[]) {
  return index_add(this, dim, index, source, ...args);
};
Tensor.prototype.index_add_ = function (this: Tensor, dim: number, index: Tensor, source: Tensor, ...args: unknown[]) {
  return inplace(this, () => index_add(this, dim, index, source, ...args));
};
Tensor.prototype.index_copy = function (this: Tensor, dim: number, index: Tensor, source: Tensor) {
  return index_copy(this, dim, index, source);
};
Tensor.prototype.index_copy_ = function (this: Tensor, dim: number, index: Tensor, source: Tensor) {
  return inplace(this, () => index_copy(this, dim, index, source));
};
Tensor.prototype.index_fill = function (this: Tensor, dim: number, index: Tensor, value: number | boolean | Tensor) {
  return index_fill(this, dim, index, value);
};
Tensor.prototype.index_fill_ = function (this: Tensor, dim: number, index: Tensor, value: number | boolean | Tensor) {
  return inplace(this, () => index_fill(this, dim, index, value));
};
