// logsumexp: log(sum(exp(x))) over dims, computed stably (torch.logsumexp, Tensor.logsumexp).
import { bind } from '../args.js';
import { get_default_dtype } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { type DimArg, reduceDims } from './_reduce.js';
import { exp } from './exp.js';
import { mul } from './mul.js';
import { reshape } from './reshape.js';
import { sub } from './sub.js';
import { lowerReduce, reducedShape, type ReduceAttrs } from './_reduce.js';
import { to_dtype } from './to_dtype.js';

export const Logsumexp = defineOp<ReduceAttrs>({
  name: 'logsumexp',
  infer: (x, a) => [{ dtype: x[0].dtype, shape: reducedShape(x[0]._shape, a.dims, a.keepdim) }],
  // PyTorch's formulation: m + log(sum(exp(x - m))) with m the max, replaced by 0 where infinite
  // so that all -inf gives -inf and +inf gives +inf instead of NaN.
  lower: (g, [x], a, io) => {
    const dt = io.inputs[0].dtype;
    const keep = { dims: a.dims, keepdim: true };
    const m0 = lowerReduce(g, 'ReduceMax', x, keep);
    const m = g.op1('Where', [g.op1('IsInf', [m0]), g.scalar(dt, 0), m0]);
    const s = lowerReduce(g, 'ReduceSum', g.op1('Exp', [g.op1('Sub', [x, m])]), keep);
    const y = g.op1('Add', [g.op1('Log', [s]), m]);
    return [a.keepdim || a.dims.length === 0 ? y : g.op1('Squeeze', [y, g.ints(a.dims)])];
  },
  attrKey: (a) => a.dims.join(',') + (a.keepdim ? 'k' : ''),
  saves: { inputs: [0], outputs: [0] },
  grad: (ctx, [gy]) => {
    // d/dx = exp(x - y): the softmax over the reduced dims.
    const kept = reducedShape(ctx.inputMeta[0].shape, ctx.attrs.dims, true);
    return [mul(reshape(gy!, kept), exp(sub(ctx.inputs[0], reshape(ctx.outputs[0], kept))))];
  },
});

/**
 * torch.logsumexp(input, dim, keepdim = false): log of the sum of exponentials, without overflow.
 * Integer and bool inputs give the default float dtype.
 * @example
 * torch.logsumexp(x, 1); x.logsumexp({ dim: [0, 1], keepdim: true });
 */
export function logsumexp(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ dim?: DimArg; keepdim?: boolean }>(['dim', 'keepdim'], args);
  const x = input.dtype.is_floating_point ? input : to_dtype(input, get_default_dtype());
  return apply1(Logsumexp, [x], { dims: reduceDims(o.dim, x._shape.length), keepdim: o.keepdim ?? false });
}

declare module '../tensor.js' {
  interface Tensor {
    logsumexp(dim?: DimArg | { dim?: DimArg; keepdim?: boolean }, keepdim?: boolean): Tensor;
  }
}
Tensor.prototype.logsumexp = function (this: Tensor, ...args: unknown[]) {
  return logsumexp(this, ...args);
};
