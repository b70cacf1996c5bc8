// scatter: self with src (or a value) written at positions given by index along dim (ONNX
// ScatterElements). reduce='add'|'multiply' accumulates instead (PyTorch's deprecated form).
import { bind } from '../args.js';
import { apply1 } from '../dispatch.js';
import { NotImplementedError, RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { sameShape } from '../shape.js';
import { Tensor } from '../tensor.js';
import { asTensor } from './_common.js';
import { inplace } from './_inplace.js';
import { clone } from './clone.js';
import { expand_as } from './expand.js';
import { gather } from './gather.js';
import { reshape } from './reshape.js';
import { checkScatter, scatter_add, srcForIndex } from './scatter_add.js';

export const Scatter = defineOp<{ dim: number; reduction: 'none' | 'mul' }>({
  name: 'scatter',
  infer: ([x]) => [{ dtype: x.dtype, shape: x._shape }],
  lower: (g, [x, idx, src], a) => [g.op1('ScatterElements', [x, idx, src], { axis: a.dim, reduction: a.reduction })],
  saves: { inputs: [1] },
  grad: (ctx, [gy]) => {
    if (ctx.attrs.reduction !== 'none') throw new NotImplementedError('the derivative for scatter with reduce="multiply" is not implemented');
    const idx = ctx.inputs[1];
    const d = ctx.attrs.dim;
    // The written positions get src's gradient; self keeps it elsewhere.
    return [ctx.needs[0] ? scatter(gy!, d, idx, 0) : null, null, ctx.needs[2] ? gather(gy!, d, idx) : null];
  },
});

type ScatterOpts = { reduce?: 'add' | 'multiply' };

/**
 * torch.scatter(input, dim, index, src | value, { reduce }): a copy of input with src[i][j]
 * (or the scalar value) written at [index[i][j]][j] (for dim 0). With reduce, the values are
 * added or multiplied in instead.
 * @example
 * torch.zeros(2, 3).scatter(1, torch.tensor([[2], [0]]), 1); // [[0, 0, 1], [1, 0, 0]]
 */
export function scatter(input: Tensor, dim: number, index: Tensor, src: Tensor | number | boolean, ...args: unknown[]): Tensor {
  const o = bind<ScatterOpts & { value?: number }>(['reduce'], args);
  if (o.reduce !== undefined && o.reduce !== 'add' && o.reduce !== 'multiply') throw new RuntimeError('reduce argument must be either add or multiply.');
  const isValue = !(src instanceof Tensor);
  const d = checkScatter('scatter', input, dim, index, isValue ? undefined : (src as Tensor));
  let s = isValue ? expand_as(asTensor(src, input.dtype), index) : (src as Tensor);
  if (!isValue && !sameShape(s._shape, index._shape)) s = srcForIndex(s, index);
  if (o.reduce === 'add') return scatter_add(input, d, index, s);
  if (index.numel() === 0) return clone(input);
  const reduction = o.reduce === 'multiply' ? 'mul' : 'none';
  if (input._shape.length === 0) return reshape(apply1(Scatter, [reshape(input, [1]), reshape(index, [1]), reshape(s, [1])], { dim: 0, reduction }), []);
  return apply1(Scatter, [input, index, s], { dim: d, reduction });
}

declare module '../tensor.js' {
  interface Tensor {
    scatter(dim: number, index: Tensor, src: Tensor | number | boolean, opts?: ScatterOpts): Tensor;
    scatter_(dim: number, index: Tensor, src: Tensor | number | boolean, opts?: ScatterOpts): Tensor;
  }
}
Tensor.prototype.scatter = function (this: Tensor, dim: number, index: Tensor, src: Tensor | number | boolean, ...args: unknown[]) {
  return scatter(this, dim, index, src, ...args);
};
Tensor.prototype.scatter_ = function (this: Tensor, dim: number, index: Tensor, src: Tensor | number | boolean, ...args: unknown[]) {
  return inplace(this, () => scatter(this, dim, index, src, ...args));
};
