// bincount: occurrences (or summed weights) of each non-negative integer (torch.bincount,
// Tensor.bincount). A pure-JS eager kernel (the output length depends on the data's maximum):
// exporting throws `bincount cannot be exported to ONNX`.
import { bind } from '../args.js';
import { apply1 } from '../dispatch.js';
import { float32, float64, int64 } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { readNumber } from '../half.js';

export const Bincount = defineOp<{ length: number }>({
  name: 'bincount',
  infer: (xs, a) => [{ dtype: xs.length > 1 ? (xs[1].dtype === float32 ? float32 : float64) : int64, shape: [a.length] }],
  eager: (xs, a, out) => {
    const x = xs[0];
    const d = x._data;
    const h = new Float64Array(a.length);
    const w = xs.length > 1 ? xs[1]._data : null;
    for (let i = 0; i < d.length; i++) h[Number(d[i])] += w ? readNumber(w, i, xs[1].dtype) : 1;
    const t = new Tensor(new out[0].dtype.array(a.length), [a.length], out[0].dtype);
    if (out[0].dtype === int64) {
      const o = t._data as BigInt64Array;
      for (let i = 0; i < a.length; i++) o[i] = BigInt(h[i]);
    } else (t._data as Float64Array).set(h);
    return [t];
  },
  lower: () => {
    throw new Error('bincount cannot be exported to ONNX');
  },
});

/**
 * torch.bincount(input, weights?, minlength = 0): out[v] = how often v occurs in input (or the sum
 * of its weights); length max(input) + 1, at least minlength.
 * @example
 * torch.bincount(torch.tensor([1, 1, 3])); // [0, 2, 0, 1]
 */
export function bincount(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ weights?: Tensor | null; minlength?: number }>(['weights', 'minlength'], args);
  const minlength = o.minlength ?? 0;
  if (input.dtype.is_floating_point || input.dtype.name === 'bool')
    throw new RuntimeError(`"bincount_cpu" not implemented for '${input.dtype.scalarName}'`);
  if (minlength < 0) throw new RuntimeError('minlength should be >= 0');
  if (input._shape.length !== 1) throw new RuntimeError('bincount only supports 1-d non-negative integral inputs.');
  const d = input._data;
  let mx = -1;
  for (let i = 0; i < d.length; i++) {
    const v = Number(d[i]);
    if (v < 0) throw new RuntimeError('bincount only supports 1-d non-negative integral inputs.');
    if (v > mx) mx = v;
  }
  const w = o.weights ?? null;
  if (w && (w._shape.length !== 1 || w._shape[0] !== input._shape[0]))
    throw new RuntimeError('weights should be 1-d and have the same length as input');
  return apply1(Bincount, w ? [input, w] : [input], { length: Math.max(mx + 1, minlength) });
}

declare module '../tensor.js' {
  interface Tensor {
    bincount(weights?: Tensor | { weights?: Tensor; minlength?: number }, minlength?: number): Tensor;
  }
}
Tensor.prototype.bincount = function (this: Tensor, ...args: unknown[]) {
  return bincount(this, ...args);
};
