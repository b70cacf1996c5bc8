// expand: broadcast to a larger shape, a view with stride 0 along the grown dims.
import { sizeArgs } from '../args.js';
import { activeTracer, apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { sameShape } from '../shape.js';
import { Tensor } from '../tensor.js';
import { sum_to_size } from './sum_to_size.js';
import { makeView } from './_view.js';

/** PyTorch's expand rule: -1 keeps a size, new dims go in front, only size-1 dims grow. */
export function expandedShape(from: readonly number[], to: readonly number[], typeName = 'Float'): number[] {
  if (to.length < from.length)
    throw new RuntimeError(
      `expand(torch.${typeName}Tensor{[${from.join(', ')}]}, size=[${to.join(', ')}]): the number of sizes provided (${to.length}) must be greater or equal to the number of dimensions in the tensor (${from.length})`,
    );
  const lead = to.length - from.length;
  return to.map((s, i) => {
    const cur = i >= lead ? from[i - lead] : 1;
    if (s === -1) {
      if (i < lead) throw new RuntimeError(`The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension ${i}`);
      return cur;
    }
    if (cur !== s && cur !== 1)
      throw new RuntimeError(
        `The expanded size of the tensor (${s}) must match the existing size (${cur}) at non-singleton dimension ${i}.  Target sizes: [${to.join(', ')}].  Tensor sizes: [${from.join(', ')}]`,
      );
    return s;
  });
}

/**
 * One entry per output dim of what the ONNX graph asks for (ONNX Expand broadcasts both ways):
 * 1 where the input's dim is kept (or a new dim has size 1), a literal size where a dim grows, or
 * [k, d]: the size of dim d of input k (k ≥ 1), so sizes taken from another tensor (expand_as,
 * or a size read from a traced tensor during export) stay dynamic in exported graphs.
 */
export type ExpandSpec = readonly (number | readonly [number, number])[];

export const Expand = defineOp<{ shape: readonly number[]; spec: ExpandSpec }>({
  name: 'expand',
  view: true,
  infer: (x, a) => [{ dtype: x[0].dtype, shape: a.shape }],
  lower: (g, x, a) => {
    if (a.spec.every((d) => typeof d === 'number')) return [g.op1('Expand', [x[0], g.ints(a.spec as number[])])];
    // Runs of literals as one constant, sizes from other inputs as Shape(start, end) slices.
    const parts: string[] = [];
    let run: number[] = [];
    for (const d of a.spec) {
      if (typeof d === 'number') {
        run.push(d);
        continue;
      }
      if (run.length) parts.push(g.ints(run));
      run = [];
      parts.push(g.op1('Shape', [x[d[0]]], { start: d[1], end: d[1] + 1 }));
    }
    if (run.length) parts.push(g.ints(run));
    const shape = parts.length === 1 ? parts[0] : g.op1('Concat', parts, { axis: 0 });
    return [g.op1('Expand', [x[0], shape])];
  },
  eager: ([x], a) => {
    // PyTorch's inferExpandGeometry: grown dims get stride 0; a new size-1 dim the stride of a dense dim before the next.
    const lead = a.shape.length - x._shape.length;
    const st = x._stridesOrDense;
    const strides = new Array<number>(a.shape.length);
    for (let i = a.shape.length - 1; i >= 0; i--) {
      const size = i >= lead ? x._shape[i - lead] : 1;
      // (a 0-d input: every stride 0, as PyTorch's)
      let s = i >= lead ? st[i - lead] : i === a.shape.length - 1 ? 0 : a.shape[i + 1] * strides[i + 1];
      if (size !== a.shape[i]) s = 0;
      strides[i] = s;
    }
    return [makeView(x, a.shape, strides, x._offset)];
  },
  attrKey: (a) => JSON.stringify(a.spec),
  saves: { inputs: [] },
  grad: (ctx, [gy]) => [sum_to_size(gy!, ctx.inputMeta[0].shape), ...ctx.inputMeta.slice(1).map(() => null)],
});

function applyExpand(input: Tensor, s: readonly number[], like?: Tensor): Tensor {
  const from = input._shape;
  const lead = s.length - from.length;
  const srcs: Tensor[] = [];
  const inputOf = (t: Tensor): number => {
    const k = srcs.indexOf(t);
    return 1 + (k >= 0 ? k : srcs.push(t) - 1);
  };
  const tracer = activeTracer();
  const spec: ExpandSpec = s.map((v, i) => {
    if (i >= lead && from[i - lead] === v) return 1;
    if (like !== undefined) return [inputOf(like), i] as const;
    const src = tracer?.sizeSource?.(v, i, s.length);
    return src === undefined ? v : ([inputOf(src[0]), src[1]] as const);
  });
  return apply1(Expand, [input, ...srcs], { shape: s, spec });
}

/**
 * Tensor.expand(*sizes): repeats size-1 dims (and adds leading dims) without changing values.
 * @example
 * torch.tensor([1, 2, 3]).expand(2, -1); // shape [2, 3]
 */
export function expand(input: Tensor, shape: readonly number[]): Tensor {
  const s = expandedShape(input._shape, shape, input.dtype.scalarName);
  if (sameShape(s, input._shape)) return input;
  return applyExpand(input, s);
}

/**
 * Tensor.expand_as(other): expand(other.shape); in exported graphs the grown dims are read from
 * `other`'s shape, so they stay dynamic.
 * @example
 * torch.tensor(2.5).expand_as(index); // index's shape
 */
export function expand_as(input: Tensor, other: Tensor): Tensor {
  const s = expandedShape(input._shape, other._shape);
  if (sameShape(s, input._shape)) return input;
  return applyExpand(input, s, other);
}

declare module '../tensor.js' {
  interface Tensor {
    expand(...sizes: (number | number[])[]): Tensor;
    expand_as(other: Tensor): Tensor;
  }
}
// The methods always return a new view, as PyTorch's (the functions above skip a no-op expand for internal callers).
Tensor.prototype.expand = function (this: Tensor, ...sizes: (number | number[])[]) {
  return applyExpand(this, expandedShape(this._shape, sizeArgs(sizes, true).size, this.dtype.scalarName));
};
Tensor.prototype.expand_as = function (this: Tensor, other: Tensor) {
  return applyExpand(this, expandedShape(this._shape, other._shape), other);
};
