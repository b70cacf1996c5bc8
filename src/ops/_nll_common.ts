// Shared pieces of the class-index losses (nll_loss, cross_entropy_loss): attributes, the shape
// rule and the ONNX fragments their analytic backward ops are built from. Class dim is axis 1.
import type { GraphBuilder } from '../graph/builder.js';
import { type DType, int64 } from '../dtype.js';
import type { Meta } from '../op.js';
import type { Tensor } from '../tensor.js';

export type Reduction = 'none' | 'mean' | 'sum';

export interface NllAttrs {
  reduction: Reduction;
  ignore_index: number;
  /** is inputs[2] a class weight? */
  weighted: boolean;
  /** label smoothing (cross_entropy only; 0 otherwise) */
  smoothing: number;
}

export const nllKey = (a: NllAttrs): string => `${a.reduction}|${a.ignore_index}|${a.weighted ? 'w' : ''}|${a.smoothing}`;

/** Loss shape: the target's shape for 'none', a scalar otherwise. Inputs are [x [N,C,...], target [N,...], weight?]. */
export function nllInfer(x: readonly Tensor[], a: NllAttrs): Meta[] {
  return [{ dtype: x[0].dtype, shape: a.reduction === 'none' ? x[1]._shape : [] }];
}

/** Shape [1, -1, 1, ...] of rank r: a per-class vector broadcast along axis 1. */
export function classShape(r: number): number[] {
  return Array.from({ length: r }, (_, i) => (i === 1 ? -1 : 1));
}

export interface NllParts {
  /** 1 where the target is not ignore_index, as dt, shape [N, 1, ...] */
  mask: string;
  /** one-hot of the target (zero rows where ignored), dt [N, C, ...] */
  onehot: string;
  /** weight broadcast as [1, C, 1...] (null when unweighted) */
  wb: string | null;
  /** weight of each sample's target (0 where ignored), [N, 1, ...] */
  wt: string;
}

/** One-hot, mask and per-sample weight of class-index targets, inside a lowering. */
export function nllParts(g: GraphBuilder, x: string, t: string, w: string | null, a: NllAttrs, dt: DType, rank: number): NllParts {
  const one = g.ints([1]);
  const nClasses = g.op1('Shape', [x], { start: 1, end: 2 });
  const classes = g.op1('Reshape', [g.op1('Range', [g.int(0), g.op1('Squeeze', [nClasses]), g.int(1)]), g.ints(classShape(rank))]);
  const tu = g.op1('Unsqueeze', [t, one]);
  const keep = g.op1('Not', [g.op1('Equal', [tu, g.scalar(int64, a.ignore_index)])]);
  const mask = g.op1('Cast', [keep], { to: dt.onnx });
  const onehot = g.op1('Mul', [g.op1('Cast', [g.op1('Equal', [tu, classes])], { to: dt.onnx }), mask]);
  const wb = w === null ? null : g.op1('Reshape', [w, g.ints(classShape(rank))]);
  const wt = wb === null ? mask : g.op1('ReduceSum', [g.op1('Mul', [onehot, wb]), one], { keepdims: 1 });
  return { mask, onehot, wb, wt };
}

/** The gradient scale per sample: gy itself ('none', broadcast over C), gy ('sum'), gy / Σ wt ('mean'). */
export function nllScale(g: GraphBuilder, gy: string, wt: string, a: NllAttrs): string {
  if (a.reduction === 'none') return g.op1('Unsqueeze', [gy, g.ints([1])]);
  if (a.reduction === 'sum') return gy;
  return g.op1('Div', [gy, g.op1('ReduceSum', [wt], { keepdims: 0 })]);
}
