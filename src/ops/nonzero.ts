// nonzero: indices of the non-zero elements, [nnz, rank] int64. The output size depends on the
// data, so the shape rule reads it; the ONNX lowering transposes NonZero's [rank, nnz] layout.
import { bind } from '../args.js';
import { bool, int64 } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp, type Meta } from '../op.js';
import { contiguousStrides } from '../shape.js';
import { Tensor } from '../tensor.js';
import { unbind } from './unbind.js';

/** Flat positions of the non-zero (true, NaN included) elements of a tensor, in order. */
export function nonzeroFlat(x: Tensor): number[] {
  const d = x._data as ArrayLike<number | bigint>;
  const out: number[] = [];
  for (let i = 0; i < d.length; i++) if (d[i] !== 0 && d[i] !== 0n) out.push(i);
  return out;
}

export const Nonzero = defineOp({
  name: 'nonzero',
  infer: ([x]): Meta[] => [{ dtype: int64, shape: [nonzeroFlat(x).length, x._shape.length] }],
  // NonZero has no float64 kernel (ORT-FACTS §1): test `!= 0` as bool first.
  lower: (g, [x], _a, io) => {
    const b = io.inputs[0].dtype === bool ? x : g.op1('Not', [g.op1('Equal', [x, g.scalar(io.inputs[0].dtype, 0)])]);
    return [g.op1('Transpose', [g.op1('NonZero', [b])], { perm: [1, 0] })];
  },
  eager: ([x], _a, out) => {
    const flat = nonzeroFlat(x);
    const r = x._shape.length;
    const st = contiguousStrides(x._shape);
    const data = new BigInt64Array(flat.length * r);
    flat.forEach((p, k) => {
      for (let j = 0; j < r; j++) data[k * r + j] = BigInt(Math.floor(p / st[j]) % x._shape[j]);
    });
    return [new Tensor(data, out[0].shape, int64)];
  },
});

/**
 * torch.nonzero(input, { as_tuple }): indices of the non-zero elements as an [nnz, rank] int64
 * tensor, or with as_tuple one 1-D tensor per dim.
 * @example
 * torch.tensor([0, 3, 0, 5]).nonzero(); // [[1], [3]]
 */
export function nonzero(input: Tensor, opts?: { as_tuple?: boolean }): Tensor;
export function nonzero(input: Tensor, opts: { as_tuple: true }): Tensor[];
export function nonzero(input: Tensor, ...args: unknown[]): Tensor | Tensor[] {
  const o = bind<{ as_tuple?: boolean }>([], args);
  const nz = apply1(Nonzero, [input], undefined);
  if (!o.as_tuple) return nz;
  // as_tuple treats a 0-d tensor as 1-D
  if (input._shape.length === 0) return [new Tensor(new BigInt64Array(nz._shape[0]), [nz._shape[0]], int64)];
  return unbind(nz, 1);
}

/** torch.argwhere: nonzero(input). */
export function argwhere(input: Tensor): Tensor {
  return nonzero(input);
}

declare module '../tensor.js' {
  interface Tensor {
    nonzero(opts?: { as_tuple?: false }): Tensor;
    nonzero(opts: { as_tuple: true }): Tensor[];
    argwhere(): Tensor;
  }
}
Tensor.prototype.nonzero = function (this: Tensor, ...args: unknown[]) {
  return (nonzero as (x: Tensor, ...a: unknown[]) => Tensor | Tensor[])(this, ...args);
} as Tensor['nonzero'];
Tensor.prototype.argwhere = function (this: Tensor) {
  return argwhere(this);
};
