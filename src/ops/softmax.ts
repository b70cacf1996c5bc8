// softmax over one dim: ONNX Softmax (numerically stable, float32 and float64 kernels), with
// its backward as one primitive (PyTorch's _softmax_backward_data).
import { bind } from '../args.js';
import { toDType, type DType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp, type OpDef } from '../op.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';
import { mul } from './mul.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { to_dtype } from './to_dtype.js';

/** y·(gy − Σ_dim gy·y) */
export const SoftmaxBackward: OpDef<{ dim: number }> = defineOp<{ dim: number }>({
  name: '_softmax_backward_data',
  infer: (x) => sameInfer(x),
  lower: (g, [gy, y], a) => {
    const s = g.op1('ReduceSum', [g.op1('Mul', [gy, y]), g.ints([a.dim])], { keepdims: 1 });
    return [g.op1('Mul', [y, g.op1('Sub', [gy, s])])];
  },
  attrKey: (a) => String(a.dim),
  // Double backward. With s = Σ gy·y: ∂/∂gy = softmax_backward(ggx, y); ∂/∂y = gy·(ggx − Σ ggx·y) − ggx·s.
  grad: (ctx, [ggx]) => {
    const [gy, y] = ctx.inputs;
    const d = ctx.attrs.dim;
    const ggy: Tensor | null = ctx.needs[0] ? apply1(SoftmaxBackward, [ggx!, y], ctx.attrs) : null;
    const gyy = ctx.needs[1] ? sub(mul(gy, sub(ggx!, sum(mul(ggx!, y), d, true))), mul(ggx!, sum(mul(gy, y), d, true))) : null;
    return [ggy, gyy];
  },
});

export const Softmax = defineOp<{ dim: number }>({
  name: 'softmax',
  backwardName: 'SoftmaxBackward0',
  infer: sameInfer,
  lower: (g, x, a) => [g.op1('Softmax', x, { axis: a.dim })],
  attrKey: (a) => String(a.dim),
  saves: { inputs: [], outputs: [0] },
  grad: (ctx, [gy]) => [apply1(SoftmaxBackward, [gy!, ctx.outputs[0]], ctx.attrs)],
});

/** @internal Casts to the requested dtype first (the `dtype` argument of softmax/log_softmax). */
export function castFor(input: Tensor, dtype: DType | string | null | undefined): Tensor {
  return dtype == null ? input : to_dtype(input, toDType(dtype, input.dtype));
}

/**
 * torch.softmax(input, dim, { dtype }): e^x / Σ_dim e^x.
 * @example
 * torch.softmax(x, 1); x.softmax(-1);
 */
export function softmax(input: Tensor, ...args: unknown[]): Tensor {
  const { dim, dtype } = bind<{ dim: number; dtype?: DType | string | null }>(['dim', 'dtype'], args);
  const x = castFor(input, dtype);
  if (x._shape.length === 0 && normDim(dim, 0) === 0) return apply1(Softmax, [x.reshape(1)], { dim: 0 }).reshape([]);
  return apply1(Softmax, [x], { dim: normDim(dim, x._shape.length) });
}

declare module '../tensor.js' {
  interface Tensor {
    softmax(dim: number, dtype?: DType | string | null): Tensor;
  }
}
Tensor.prototype.softmax = function (this: Tensor, ...args: unknown[]) {
  return softmax(this, ...args);
};
