// index_put / index_put_ / setIndex: writes values at the positions a subscript reads. The
// positions come from applying the same subscript to arange(numel) (subscriptPositions), and
// one ScatterND over the flattened tensor writes (or adds) the values: functional, differentiable.
import { bind } from '../args.js';
import { zeros } from '../creation.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { broadcastShapes, fmtShape } from '../shape.js';
import { Tensor } from '../tensor.js';
import { asTensor } from './_common.js';
import { inplace } from './_inplace.js';
import { expand } from './expand.js';
import { index_select } from './index_select.js';
import { reshape } from './reshape.js';
import { subscript, subscriptPositions, type IndexItem } from './subscript.js';
import { copy_ } from './copy_.js';
import { fill_ } from './fill_.js';
import { squeeze } from './squeeze.js';

export const IndexPut = defineOp<{ accumulate: boolean }>({
  name: 'index_put',
  // inputs: self, flat positions int64 [N], values [N] (self's dtype)
  infer: ([x]) => [{ dtype: x.dtype, shape: x._shape }],
  lower: (g, [x, pos, vals], a) => {
    const flat = g.op1('Reshape', [x, g.ints([-1])]);
    const idx = g.op1('Unsqueeze', [pos, g.ints([1])]);
    const y = g.op1('ScatterND', [flat, idx, vals], { reduction: a.accumulate ? 'add' : 'none' });
    return [g.op1('Reshape', [y, g.op1('Shape', [x])])];
  },
  saves: { inputs: [1] },
  grad: (ctx, [gy]) => {
    const pos = ctx.inputs[1];
    const n = ctx.inputMeta[2].shape;
    return [
      ctx.needs[0] ? (ctx.attrs.accumulate ? gy : putFlat(gy!, pos, zeros([...n], { dtype: gy!.dtype }), false)) : null,
      null,
      ctx.needs[2] ? index_select(reshape(gy!, [-1]), 0, pos) : null,
    ];
  },
});

/** Writes (or adds) vals[i] at flat position pos[i] of a copy of x. */
function putFlat(x: Tensor, pos: Tensor, vals: Tensor, accumulate: boolean): Tensor {
  if (pos.numel() === 0) return x;
  return apply1(IndexPut, [x, pos, vals], { accumulate });
}

type Values = Tensor | number | boolean;

/** Shared body: positions of the subscript, values broadcast to the indexed shape. */
function put(input: Tensor, items: readonly IndexItem[], values: Values, accumulate: boolean, strict: boolean): Tensor {
  const pos = subscriptPositions(input, items);
  let v = values instanceof Tensor ? values : asTensor(values, input.dtype);
  if (strict && values instanceof Tensor) {
    if (v.dtype !== input.dtype)
      throw new RuntimeError(`Index put requires the source and destination dtypes match, got ${input.dtype.scalarName} for the destination and ${v.dtype.scalarName} for the source.`);
    let ok = true;
    try {
      ok = fmtShape(broadcastShapes(pos._shape, v._shape)) === fmtShape(pos._shape);
    } catch {
      ok = false;
    }
    if (!ok) throw new RuntimeError(`shape mismatch: value tensor of shape ${fmtShape(v._shape)} cannot be broadcast to indexing result of shape ${fmtShape(pos._shape)}`);
  }
  v = asTensor(v, input.dtype);
  const vals = reshape(expand(v, pos._shape), [-1]);
  return putFlat(input, reshape(pos, [-1]), vals, accumulate);
}

/**
 * torch.index_put(input, indices, values, accumulate=false): a copy of input with `values` written
 * at `input[indices]` (added in when accumulate, repeated positions accumulating). `indices` is a
 * list of subscript items (int/bool tensors as in PyTorch, or anything x.index accepts).
 * @example
 * torch.zeros(3).index_put([torch.tensor([0, 0])], torch.tensor([1., 2.]), true); // [3, 0, 0]
 */
export function index_put(input: Tensor, indices: readonly IndexItem[], values: Values, ...args: unknown[]): Tensor {
  const o = bind<{ accumulate?: boolean }>(['accumulate'], args);
  return put(input, indices, values, o.accumulate ?? false, true);
}

/**
 * Python's `x[...] = value` in place: `x.setIndex([0, '1:3'], 5)` is `x[0, 1:3] = 5`. The value
 * (tensor or number) broadcasts to the indexed shape and is cast to x's dtype; autograd records it.
 * @example
 * x.setIndex([mask], 0);             // x[mask] = 0
 * x.setIndex([':', 0], torch.ones(3)); // x[:, 0] = 1
 */
export function setIndex(input: Tensor, indices: readonly IndexItem[] | IndexItem, value: Values): Tensor {
  const items = Array.isArray(indices) ? (indices as IndexItem[]) : [indices as IndexItem];
  // Basic indices (ints, slices, None, ...) write through the view they select, as PyTorch's
  // __setitem__ does: fill_ for a number, copy_ for a tensor (leading size-1 dims dropped).
  if (items.every((it) => it === null || typeof it === 'number' || typeof it === 'string')) {
    const view = subscript(input, items);
    if (!(value instanceof Tensor)) fill_(view, value);
    else {
      let v = value;
      while (v._shape.length > view._shape.length && v._shape[0] === 1) v = squeeze(v, 0);
      copy_(view, v);
    }
    return input;
  }
  return inplace(input, () => put(input, items, value, false, false));
}

declare module '../tensor.js' {
  interface Tensor {
    index_put(indices: readonly IndexItem[], values: Values, accumulate?: boolean | { accumulate?: boolean }): Tensor;
    index_put_(indices: readonly IndexItem[], values: Values, accumulate?: boolean | { accumulate?: boolean }): Tensor;
    /** Python's `x[indices] = value`, in place (indices: a list of subscript items). */
    setIndex(indices: readonly IndexItem[] | IndexItem, value: Values): Tensor;
  }
}
Tensor.prototype.index_put = function (this: Tensor, indices: readonly IndexItem[], values: Values, ...args: unknown[]) {
  return index_put(this, indices, values, ...args);
};
Tensor.prototype.index_put_ = function (this: Tensor, indices: readonly IndexItem[], values: Values, ...args: unknown[]) {
  return inplace(this, () => index_put(this, indices, values, ...args));
};
Tensor.prototype.setIndex = function (this: Tensor, indices: readonly IndexItem[] | IndexItem, value: Values) {
  return setIndex(this, indices, value);
};
