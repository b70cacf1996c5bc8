// Shared pieces of op definitions: shape rules and argument preparation used by many ops.
import { bool, type DType, resultType, type ScalarLike } from '../dtype.js';
import { NotImplementedError, RuntimeError } from '../errors.js';
import { scalar_tensor } from '../creation.js';
import type { Meta, OpDef } from '../op.js';
import { broadcastShapes } from '../shape.js';
import { Tensor } from '../tensor.js';
import { to_dtype } from './to_dtype.js';

export type TensorOrScalar = Tensor | ScalarLike;

/** An OpDef without its name and grad_fn name: what a shared-fields helper returns for an op file to spread. */
export type OpFields<A = void> = Omit<OpDef<A>, 'name' | 'backwardName'>;

/** Shape rule of an elementwise op over same-dtype inputs: broadcast, dtype of input 0 (or `dtype`). */
export function broadcastInfer(inputs: readonly Tensor[], dtype?: DType): Meta[] {
  let shape: readonly number[] = inputs[0]._shape;
  for (let i = 1; i < inputs.length; i++) shape = broadcastShapes(shape, inputs[i]._shape);
  return [{ dtype: dtype ?? inputs[0].dtype, shape }];
}

/** Shape rule of an elementwise unary op. */
export function sameInfer(inputs: readonly Tensor[]): Meta[] {
  return [{ dtype: inputs[0].dtype, shape: inputs[0]._shape }];
}

/** Brings tensors/scalars to one dtype (PyTorch's result_type), scalars becoming 0-d tensors. */
export function promote(xs: readonly TensorOrScalar[], dtype?: DType): Tensor[] {
  if (dtype === undefined) {
    // Hot path: tensors that already share a dtype.
    let d: DType | null = null;
    let same = true;
    for (let i = 0; i < xs.length && same; i++) {
      const x = xs[i];
      if (!(x instanceof Tensor)) same = false;
      else if (d === null) d = x.dtype;
      else if (x.dtype !== d) same = false;
    }
    if (same) return xs as Tensor[];
    dtype = resultType(...(xs as (Tensor | ScalarLike)[]));
  }
  return xs.map((x) => (x instanceof Tensor ? (x.dtype === dtype ? x : to_dtype(x, dtype)) : scalar_tensor(typeof x === 'bigint' ? Number(x) : x, { dtype })));
}

/** Makes `x` a tensor of dtype (scalars become 0-d tensors). */
export function asTensor(x: TensorOrScalar, dtype: DType): Tensor {
  if (x instanceof Tensor) return x.dtype === dtype ? x : to_dtype(x, dtype);
  return scalar_tensor(typeof x === 'bigint' ? Number(x) : x, { dtype });
}

/** Float dtype for ops that always return floats (div, exp, mean of ints...). */
export function floatOf(d: DType, fallback: DType): DType {
  return d.is_floating_point ? d : fallback;
}

export const isBool = (d: DType): boolean => d === bool;

/** Checks an int argument PyTorch would reject. */
export function checkInt(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new RuntimeError(`${name} must be an integer, got ${String(v)}`);
  return v;
}

/** The grad rule of a backward op whose own backward is not implemented (`name`: the forward op). */
export function noDoubleBackward(name: string): () => never {
  return () => {
    throw new NotImplementedError(`double backward of ${name} is not implemented`);
  };
}
