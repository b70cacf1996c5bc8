// min: torch.min in its three forms (max.ts holds the argument handling, _minmax.ts the OpDef fields).
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { type DimAttrs, reduceAllFields, reduceDimFields } from './_minmax.js';
import { maxMin, type ValuesIndices } from './max.js';
import { minimum } from './minimum.js';
import type { ReduceAttrs } from './_reduce.js';

export const MinAll = defineOp<ReduceAttrs>({ name: 'min', backwardName: 'MinBackward1', ...reduceAllFields('ReduceMin') });

export const MinDim = defineOp<DimAttrs>({ name: 'min.dim', backwardName: 'MinBackward0', ...reduceDimFields('ArgMin') });

/**
 * torch.min(input) → the smallest value; torch.min(input, dim, keepdim) → [values, indices]
 * (also `.values`/`.indices`); torch.min(input, other) → torch.minimum. NaN propagates.
 * @example
 * x.min(); const [v, i] = x.min(1); torch.min(a, b);
 */
export function min(input: Tensor): Tensor;
export function min(input: Tensor, other: Tensor): Tensor;
export function min(input: Tensor, dim: number, keepdim?: boolean): ValuesIndices;
export function min(input: Tensor, opts: { dim: number; keepdim?: boolean }): ValuesIndices;
export function min(input: Tensor, ...args: unknown[]): Tensor | ValuesIndices {
  return maxMin('min', { all: MinAll, dim: MinDim, binary: minimum }, input, args);
}

declare module '../tensor.js' {
  interface Tensor {
    min(): Tensor;
    min(other: Tensor): Tensor;
    min(dim: number, keepdim?: boolean): ValuesIndices;
    min(opts: { dim: number; keepdim?: boolean }): ValuesIndices;
  }
}
Tensor.prototype.min = function (this: Tensor, ...args: unknown[]) {
  return maxMin('min', { all: MinAll, dim: MinDim, binary: minimum }, this, args);
} as never;
