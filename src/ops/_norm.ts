// The shared pieces of native_layer_norm and native_group_norm: both normalise over some dims of
// x (layer norm: the last k; group norm: each group of the [N, G, -1] view) with the same forward
// and backward formulas. Batch norm's helpers (lowerInvstd, lowerChannel, optInput) are in
// native_batch_norm.ts.
import type { DType } from '../dtype.js';
import { apply } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import type { GradCtx, OpDef } from '../op.js';
import type { Tensor } from '../tensor.js';
import { lowerInvstd } from './native_batch_norm.js';
import { lowerReduce, type ReduceAttrs } from './_reduce.js';

/** mean and invstd of x over `norm` (kept dims), and d = x − mean. */
export function lowerNormStats(g: GraphBuilder, x: string, norm: ReduceAttrs, eps: number, dtype: DType): { mean: string; d: string; inv: string } {
  const mean = lowerReduce(g, 'ReduceMean', x, norm);
  const d = g.op1('Sub', [x, mean]);
  const inv = lowerInvstd(g, lowerReduce(g, 'ReduceMean', g.op1('Mul', [d, d]), norm), eps, dtype);
  return { mean, d, inv };
}

/** grad_input = invstd·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)), the means over `norm` (ĝ = gy·w). */
export function lowerNormInputGrad(g: GraphBuilder, gh: string, xhat: string, invstd: string, norm: ReduceAttrs): string {
  const m1 = lowerReduce(g, 'ReduceMean', gh, norm);
  const m2 = lowerReduce(g, 'ReduceMean', g.op1('Mul', [gh, xhat]), norm);
  return g.op1('Mul', [invstd, g.op1('Sub', [g.op1('Sub', [gh, m1]), g.op1('Mul', [xhat, m2])])]);
}

/**
 * The grad rule of a normalisation op [x, weight, bias] → [y, mean, invstd] (saves inputs 0, 1 and
 * outputs 1, 2): one call of its backward op, gradients kept where needed and given.
 */
export function normGrad<A extends { hasW: boolean; hasB: boolean }, B>(backward: OpDef<B>, backAttrs: (a: A) => B) {
  return (ctx: GradCtx<A>, [gy]: readonly (Tensor | null)[]): (Tensor | null)[] => {
    const res: (Tensor | null)[] = [null, null, null];
    if (!gy) return res;
    const a = ctx.attrs;
    const [gx, gw, gb] = apply(backward, [gy, ctx.inputs[0], ctx.outputs[1], ctx.outputs[2], ctx.inputs[1]], backAttrs(a));
    res[0] = ctx.needs[0] ? gx : null;
    res[1] = a.hasW && ctx.needs[1] ? gw : null;
    res[2] = a.hasB && ctx.needs[2] ? gb : null;
    return res;
  };
}
