// Shared pieces of the reductions (sum, mean, amax, prod, norm, var...): attrs, output shape,
// the ONNX Reduce* lowering, the gradient's broadcast back, PyTorch's empty-input errors.
import { IndexError, RuntimeError } from '../errors.js';
import type { GraphBuilder } from '../graph/builder.js';
import { reduceDims } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { expand } from './expand.js';
import { reshape } from './reshape.js';

export interface ReduceAttrs {
  /** normalised, sorted dims */
  dims: readonly number[];
  keepdim: boolean;
}

/** Output shape of a reduction over normalised dims. */
export function reducedShape(shape: readonly number[], dims: readonly number[], keepdim: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (dims.includes(i)) {
      if (keepdim) out.push(1);
    } else out.push(shape[i]);
  }
  return out;
}

/** The gradient of a reduction, broadcast back over the reduced dims. */
export function expandReduced(gy: Tensor, inShape: readonly number[], a: ReduceAttrs): Tensor {
  const kept = a.keepdim ? gy : reshape(gy, reducedShape(inShape, a.dims, true));
  return expand(kept, inShape);
}

/** ONNX Reduce* node over attrs dims (axes as an input from opset 13 for ReduceSum, 18 for the rest). */
export function lowerReduce(g: GraphBuilder, type: string, x: string, a: ReduceAttrs): string {
  if (a.dims.length === 0) return g.op1('Identity', [x]);
  const axesAsInput = type === 'ReduceSum' ? g.opset >= 13 : g.opset >= 18;
  return axesAsInput
    ? g.op1(type, [x, g.ints(a.dims)], { keepdims: a.keepdim ? 1 : 0 })
    : g.op1(type, [x], { axes: a.dims, keepdims: a.keepdim ? 1 : 0 });
}

export type DimArg = number | number[] | null | undefined;

export { reduceDims };

/** PyTorch's errors for max-like reductions of empty inputs (no identity element). */
export function checkNonEmpty(name: string, shape: readonly number[], dim: DimArg, dims: readonly number[]): void {
  const dimGiven = dim != null && !(Array.isArray(dim) && dim.length === 0);
  if (!dimGiven) {
    if (shape.includes(0))
      throw new RuntimeError(
        `${name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`,
      );
    return;
  }
  for (const d of dims) if (shape[d] === 0) throw new IndexError(`${name}(): Expected reduction dim ${d} to have non-zero size.`);
}

export const reduceKey = (a: ReduceAttrs): string => a.dims.join(',') + (a.keepdim ? 'k' : '');
export const reduceInfer = (x: readonly Tensor[], a: ReduceAttrs) => [{ dtype: x[0].dtype, shape: reducedShape(x[0]._shape, a.dims, a.keepdim) }];

