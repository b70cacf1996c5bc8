// Shared pieces of the fused optimizer-step ops (_sgd_step, _adam_step...): one op updates every
// parameter of a group in one onnxruntime call, PyTorch's `foreach` idea. Hyper-parameters and
// step-dependent factors arrive as tensor inputs (never attrs), so changing lr reuses the session.
import type { GraphBuilder } from '../graph/builder.js';
import type { Meta } from '../op.js';
import type { Tensor } from '../tensor.js';

/** What every step op's attrs hold: the parameter count and graph-shaping flags. */
export interface StepAttrs {
  n: number;
}

/** Element i of a 1-D input as a 0-d value. */
export function at(g: GraphBuilder, vec: string, i: number): string {
  return g.op1('Gather', [vec, g.int(i)]);
}

/** a·x + b·y (the shape of mul_(a).add_(y, alpha=b)). */
export function axpby(g: GraphBuilder, a: string, x: string, b: string, y: string): string {
  return g.op1('Add', [g.op1('Mul', [x, a]), g.op1('Mul', [y, b])]);
}

/**
 * Output metas of a step op: outputs take the shapes of the inputs from `first` on (params, then
 * each state list), all in the params' dtype.
 */
export function stepInfer(x: readonly Tensor[], first: number): Meta[] {
  const out: Meta[] = [];
  for (let i = first; i < x.length; i++) out.push({ dtype: x[i].dtype, shape: x[i]._shape });
  return out;
}
