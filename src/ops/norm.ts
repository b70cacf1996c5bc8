// linalg_vector_norm: the p-norm over dims (torch.linalg.vector_norm, torch.norm, Tensor.norm).
import { bind } from '../args.js';
import { type DType, toDType } from '../dtype.js';
import { zeros_like } from '../creation.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError, TorchTypeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { abs } from './abs.js';
import { lowerMaxMin } from './amax.js';
import { type DimArg, reduceDims } from './_reduce.js';
import { div } from './div.js';
import { eq } from './eq.js';
import { mul } from './mul.js';
import { pow } from './pow.js';
import { reshape } from './reshape.js';
import { sign } from './sign.js';
import { sum } from './sum.js';
import { lowerReduce, reducedShape, type ReduceAttrs } from './_reduce.js';
import { to_dtype } from './to_dtype.js';
import { where } from './where.js';

export interface NormAttrs extends ReduceAttrs {
  ord: number;
}

export const VectorNorm = defineOp<NormAttrs>({
  name: 'linalg_vector_norm',
  infer: (x, a) => [{ dtype: x[0].dtype, shape: reducedShape(x[0]._shape, a.dims, a.keepdim) }],
  lower: (g, [x], a, io) => {
    const dt = io.inputs[0].dtype;
    const p = a.ord;
    if (p === 2) return [lowerReduce(g, 'ReduceL2', x, a)];
    if (p === 1) return [lowerReduce(g, 'ReduceL1', x, a)];
    const ax = g.op1('Abs', [x]);
    if (p === Infinity) return [lowerMaxMin(g, 'ReduceMax', ax, a, dt)];
    if (p === -Infinity) return [lowerMaxMin(g, 'ReduceMin', ax, a, dt)];
    // p = 0 counts non-zeros (NaN counts: it is not equal to 0).
    if (p === 0) return [lowerReduce(g, 'ReduceSum', g.op1('Cast', [g.op1('Not', [g.op1('Equal', [x, g.scalar(dt, 0)])])], { to: dt.onnx }), a)];
    const s = lowerReduce(g, 'ReduceSum', g.op1('Pow', [ax, g.scalar(dt, p)]), a);
    return [g.op1('Pow', [s, g.scalar(dt, 1 / p)])];
  },
  attrKey: (a) => `${a.ord}|${a.dims.join(',')}${a.keepdim ? 'k' : ''}`,
  saves: { inputs: [0], outputs: [0] },
  grad: (ctx, [gy]) => {
    // PyTorch's norm_backward, case by case; 0/0 at a zero norm becomes 0.
    const x = ctx.inputs[0];
    const p = ctx.attrs.ord;
    const kept = reducedShape(ctx.inputMeta[0].shape, ctx.attrs.dims, true);
    const g = reshape(gy!, kept);
    const n = reshape(ctx.outputs[0], kept);
    const zeroNorm = eq(n, 0);
    if (p === 0) return [zeros_like(ctx.inputMeta[0])];
    if (p === 1) return [mul(sign(x), g)];
    if (p === 2) return [mul(x, where(zeroNorm, 0, div(g, n)))];
    if (Math.abs(p) === Infinity) {
      const mask = to_dtype(eq(abs(x), n), x.dtype);
      return [mul(mul(sign(x), mask), div(g, sum(mask, ctx.attrs.dims, true)))];
    }
    if (p < 1) {
      const scaled = where(eq(x, 0), 0, mul(sign(x), pow(abs(x), p - 1)));
      return [mul(mul(scaled, g), pow(n, 1 - p))];
    }
    const scaled = p < 2 ? mul(sign(x), pow(abs(x), p - 1)) : mul(x, pow(abs(x), p - 2));
    return [mul(scaled, where(zeroNorm, 0, div(g, pow(n, p - 1))))];
  },
});

function vectorNorm(name: string, x: Tensor, ord: number, dim: DimArg, keepdim: boolean, dtype: DType | string | undefined): Tensor {
  if (dtype !== undefined) x = to_dtype(x, toDType(dtype, x.dtype));
  if (!x.dtype.is_floating_point)
    throw new RuntimeError(
      name === 'norm'
        ? `norm(): input dtype should be either floating point or complex. Got ${x.dtype.scalarName} instead.`
        : `linalg.vector_norm: Expected a floating point or complex tensor as input. Got ${x.dtype.scalarName}`,
    );
  const dims = reduceDims(dim, x._shape.length);
  if (ord < 0 || ord === Infinity) {
    // Max-like norms of empty slices have no identity.
    const p = ord === Infinity ? 'inf' : ord === -Infinity ? '-inf' : String(ord);
    const dimGiven = dim != null && !(Array.isArray(dim) && dim.length === 0);
    if (!dimGiven && x._shape.includes(0))
      throw new RuntimeError(`linalg.vector_norm cannot compute the ${p} norm on an empty tensor because the operation does not have an identity`);
    for (const d of dimGiven ? dims : [])
      if (x._shape[d] === 0)
        throw new RuntimeError(`linalg.vector_norm cannot compute the ${p} norm on the dimension ${d}because this dimension is empty and the operation does not have an identity`);
  }
  return apply1(VectorNorm, [x], { ord, dims, keepdim });
}

export type VectorNormOptions = {
  ord?: number;
  dim?: DimArg;
  keepdim?: boolean;
  dtype?: DType | string;
};

/**
 * torch.linalg.vector_norm(x, ord = 2, dim = all, keepdim = false, { dtype }): (Σ|x|^ord)^(1/ord);
 * ord may be Infinity, -Infinity or 0.
 * @example
 * torch.linalg.vector_norm(x); torch.linalg.vector_norm(x, Infinity, 1);
 */
export function vector_norm(x: Tensor, ...args: unknown[]): Tensor {
  const o = bind<VectorNormOptions>(['ord', 'dim', 'keepdim'], args);
  if (o.ord !== undefined && typeof o.ord !== 'number')
    throw new TorchTypeError(`linalg_vector_norm(): argument 'ord' (position 2) must be Number, not ${typeof o.ord === 'string' ? 'str' : typeof o.ord}`);
  return vectorNorm('linalg.vector_norm', x, o.ord ?? 2, o.dim, o.keepdim ?? false, o.dtype);
}

/** torch.linalg (the vector norm; matrix functions live elsewhere). */
export const linalg = { vector_norm };

export type NormOptions = {
  p?: number | 'fro' | 'nuc';
  dim?: DimArg;
  keepdim?: boolean;
  dtype?: DType | string;
};

/**
 * torch.norm(input, p = 'fro', dim = all, keepdim = false, { dtype }): a vector p-norm over dims
 * ('fro' is the 2-norm). The nuclear norm is not supported.
 * @example
 * x.norm(); torch.norm(x, 1, 0); x.norm({ p: Infinity, dim: [0, 1], keepdim: true });
 */
export function norm(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<NormOptions>(['p', 'dim', 'keepdim', 'dtype'], args);
  const p = o.p ?? 'fro';
  if (typeof p === 'string') {
    if (p === 'nuc') {
      if (o.dim != null && (!Array.isArray(o.dim) || o.dim.length !== 2)) throw new RuntimeError("nuclear norm requires a 'dim' argument of size 2");
      throw new RuntimeError('norm(): the nuclear norm is not supported by torchlike');
    }
    if (p !== 'fro') throw new RuntimeError(`only valid string values are 'fro' and 'nuc', found ${p}`);
  }
  return vectorNorm('norm', input, p === 'fro' ? 2 : p, o.dim, o.keepdim ?? false, o.dtype);
}

declare module '../tensor.js' {
  interface Tensor {
    norm(p?: number | 'fro' | 'nuc' | NormOptions, dim?: DimArg | NormOptions, keepdim?: boolean | NormOptions, dtype?: DType): Tensor;
  }
}
Tensor.prototype.norm = function (this: Tensor, ...args: unknown[]) {
  return norm(this, ...args);
};
