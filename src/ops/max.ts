// max: torch.max in its three forms — over everything (a value), over one dim (values and
// indices, like PyTorch's namedtuple), and against another tensor (maximum). min.ts reuses maxMin;
// the OpDef fields shared with min live in _minmax.ts.
import { bind } from '../args.js';
import { apply, apply1 } from '../dispatch.js';
import { IndexError, TorchTypeError } from '../errors.js';
import { defineOp, type OpDef } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { type DimAttrs, reduceAllFields, reduceDimFields } from './_minmax.js';
import { checkNonEmpty, reduceDims } from './_reduce.js';
import { maximum } from './maximum.js';
import { reshape } from './reshape.js';
import type { ReduceAttrs } from './_reduce.js';

/** (values, indices) of max/min over a dim: an array that also has PyTorch's field names. */
export type ValuesIndices = [Tensor, Tensor] & { values: Tensor; indices: Tensor };

export function valuesIndices(values: Tensor, indices: Tensor): ValuesIndices {
  return Object.assign([values, indices] as [Tensor, Tensor], { values, indices });
}

export const MaxAll = defineOp<ReduceAttrs>({ name: 'max', backwardName: 'MaxBackward1', ...reduceAllFields('ReduceMax') });

export const MaxDim = defineOp<DimAttrs>({ name: 'max.dim', backwardName: 'MaxBackward0', ...reduceDimFields('ArgMax') });

/** The argument handling shared by max and min. */
export function maxMin(
  name: 'max' | 'min',
  ops: { all: OpDef<ReduceAttrs>; dim: OpDef<DimAttrs>; binary: (a: Tensor, b: Tensor) => Tensor },
  input: Tensor,
  args: readonly unknown[],
): Tensor | ValuesIndices {
  if (args[0] instanceof Tensor) return ops.binary(input, args[0]);
  const o = bind<{ dim?: number | null; keepdim?: boolean }>(['dim', 'keepdim'], args);
  const rank = input._shape.length;
  if (o.dim == null) {
    const dims = reduceDims(undefined, rank);
    checkNonEmpty(name, input._shape, undefined, dims);
    return apply1(ops.all, [input], { dims, keepdim: false });
  }
  if (typeof o.dim !== 'number')
    throw new TorchTypeError(`${name}() received an invalid combination of arguments - got (Tensor, ${Array.isArray(o.dim) ? 'list' : typeof o.dim}), but expected one of:`);
  const dim = normDim(o.dim, Math.max(rank, 1));
  const keepdim = o.keepdim ?? false;
  if (rank === 0) {
    // A 0-d tensor reduces over its single element: lift to 1-D and back.
    const [v, i] = apply(ops.dim, [reshape(input, [1])], { dim: 0, keepdim: false });
    return valuesIndices(v, i);
  }
  if (input._shape[dim] === 0) throw new IndexError(`${name}(): Expected reduction dim ${dim} to have non-zero size.`);
  const [v, i] = apply(ops.dim, [input], { dim, keepdim });
  return valuesIndices(v, i);
}

/**
 * torch.max(input) → the largest value; torch.max(input, dim, keepdim) → [values, indices]
 * (also `.values`/`.indices`); torch.max(input, other) → torch.maximum. NaN propagates.
 * @example
 * x.max(); const [v, i] = x.max(1); x.max({ dim: 0, keepdim: true }).indices; torch.max(a, b);
 */
export function max(input: Tensor): Tensor;
export function max(input: Tensor, other: Tensor): Tensor;
export function max(input: Tensor, dim: number, keepdim?: boolean): ValuesIndices;
export function max(input: Tensor, opts: { dim: number; keepdim?: boolean }): ValuesIndices;
export function max(input: Tensor, ...args: unknown[]): Tensor | ValuesIndices {
  return maxMin('max', { all: MaxAll, dim: MaxDim, binary: maximum }, input, args);
}

declare module '../tensor.js' {
  interface Tensor {
    max(): Tensor;
    max(other: Tensor): Tensor;
    max(dim: number, keepdim?: boolean): ValuesIndices;
    max(opts: { dim: number; keepdim?: boolean }): ValuesIndices;
  }
}
Tensor.prototype.max = function (this: Tensor, ...args: unknown[]) {
  return maxMin('max', { all: MaxAll, dim: MaxDim, binary: maximum }, this, args);
} as never;
