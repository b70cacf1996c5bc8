// Shared shape of the nn activation primitives (elu, gelu, softplus, hardswish...): one forward
// op and one `<name>_backward` op, each a small ONNX graph, like PyTorch's elu_backward,
// gelu_backward... A forward may write the standard ONNX op for float32 (Elu, HardSwish,
// Softplus...); float64 and the backward ops use only nodes with float32 and float64 kernels (ORT
// has no float64 Elu/Selu/Softplus/HardSwish/Erf, ORT-FACTS §1). The backward ops have no gradient
// of their own.
import { type DType, float64 } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import type { GraphBuilder } from '../graph/builder.js';
import { defineOp, type OpDef } from '../op.js';
import type { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';

export interface ActivationSpec<A> {
  name: string;
  backwardName?: string;
  /** y = f(x) as ONNX nodes. */
  lower(g: GraphBuilder, x: string, a: A, dt: DType): string;
  /** gy · f'(x) as ONNX nodes; `s` is x, or y when `fromOutput`. */
  lowerGrad(g: GraphBuilder, gy: string, s: string, a: A, dt: DType): string;
  /** The gradient is cheaper from the output (saves y instead of x). */
  fromOutput?: boolean;
  attrKey?(a: A): string;
}

/** Defines `name` and `name_backward`; returns the forward op. */
export function defineActivation<A>(spec: ActivationSpec<A>): OpDef<A> {
  const key = spec.attrKey ?? ((a: A) => (a === undefined ? '' : JSON.stringify(a)));
  const Backward = defineOp<A>({
    name: spec.name + '_backward',
    infer: (x) => sameInfer(x),
    lower: (g, [gy, s], a, io) => [spec.lowerGrad(g, gy, s, a, io.inputs[0].dtype)],
    attrKey: key,
  });
  return defineOp<A>({
    name: spec.name,
    backwardName: spec.backwardName,
    infer: sameInfer,
    elementwise: true,
    lower: (g, [x], a, io) => [spec.lower(g, x, a, io.inputs[0].dtype)],
    attrKey: key,
    saves: spec.fromOutput ? { inputs: [], outputs: [0] } : { inputs: [0] },
    grad: (ctx, [gy]) => [apply1(Backward, [gy!, spec.fromOutput ? ctx.outputs[0] : ctx.inputs[0]], ctx.attrs)],
  });
}

/** Writes another op's lowering into this graph (reuse, e.g. erf's float64 nodes in gelu). */
export function lowerWith<A>(g: GraphBuilder, op: OpDef<A>, xs: string[], attrs: A, dt: DType): string {
  const m = xs.map(() => ({ dtype: dt, rank: -1 }));
  return op.lower(g, xs, attrs, { inputs: m, outputs: [{ dtype: dt, rank: -1 }] })[0];
}

/** Node shorthands over one dtype: c(v) a scalar constant, then Add/Sub/Mul/Div/... */
export function nodes(g: GraphBuilder, dt: DType) {
  const c = (v: number | string): string => (typeof v === 'number' ? g.scalar(dt, v) : v);
  const bin = (t: string) => (a: number | string, b: number | string) => g.op1(t, [c(a), c(b)]);
  return {
    c,
    add: bin('Add'),
    sub: bin('Sub'),
    mul: bin('Mul'),
    div: bin('Div'),
    gt: bin('Greater'),
    lt: bin('Less'),
    le: bin('LessOrEqual'),
    and: (a: string, b: string) => g.op1('And', [a, b]),
    where: (cond: string, a: number | string, b: number | string) => g.op1('Where', [cond, c(a), c(b)]),
    exp: (x: string) => g.op1('Exp', [x]),
    tanh: (x: string) => g.op1('Tanh', [x]),
    // float64: 1/(1 + e^-x), so ORT's optimizer does not fuse x·Sigmoid(x) into its float-only QuickGelu.
    sigmoid: (x: string) =>
      dt === float64 ? g.op1('Reciprocal', [g.op1('Add', [g.op1('Exp', [g.op1('Neg', [x])]), c(1)])]) : g.op1('Sigmoid', [x]),
    clip: (x: string, lo: number, hi: number) => g.op1('Clip', [x, c(lo), c(hi)]),
  };
}

/** Applies an activation to a float tensor (the public functions' common path). */
export function activate<A>(op: OpDef<A>, input: Tensor, attrs: A): Tensor {
  return apply1(op, [input], attrs);
}
