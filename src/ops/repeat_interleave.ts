// repeat_interleave: each element (or slice along dim) repeated; int repeats as an expand +
// flatten (views then one copy), tensor repeats as index_select with indices computed in JS.
import { bind, isOpts } from '../args.js';
import { int64 } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { tensor } from '../creation.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { indexValues } from './_indices.js';
import { expand } from './expand.js';
import { index_select } from './index_select.js';
import { reshape } from './reshape.js';

type Opts = { dim?: number | null; output_size?: number | null };

function repeatIndex(reps: Tensor, outputSize?: number | null): Tensor {
  if (reps._shape.length > 1) throw new RuntimeError('repeat_interleave only accept 1D vector as repeat');
  if (reps.dtype !== int64 && reps.dtype.name !== 'int32') throw new RuntimeError('repeats has to be Long or Int tensor');
  const r = indexValues(reps);
  if (r.some((v) => v < 0)) throw new RuntimeError('repeats can not be negative');
  const idx: number[] = [];
  r.forEach((n, i) => {
    for (let k = 0; k < n; k++) idx.push(i);
  });
  if (outputSize != null && outputSize !== idx.length) throw new RuntimeError('allocated size does not match required size');
  return tensor(idx, { dtype: int64 });
}

/**
 * torch.repeat_interleave(input, repeats, dim=None, *, output_size=None): input's elements
 * (flattened when dim is None) repeated `repeats` times each; repeats may be a tensor with one
 * count per element. repeat_interleave(repeats) alone gives the index each position came from.
 * @example
 * torch.tensor([1, 2]).repeat_interleave(2);                 // [1, 1, 2, 2]
 * torch.tensor([[1, 2], [3, 4]]).repeat_interleave(torch.tensor([1, 2]), 0); // [[1, 2], [3, 4], [3, 4]]
 */
export function repeat_interleave(input: Tensor, ...args: unknown[]): Tensor {
  if (args.length === 0 || (args.length === 1 && isOpts(args[0]) && !(args[0] instanceof Tensor))) {
    const o = bind<Opts>([], args);
    return repeatIndex(input, o.output_size);
  }
  const repeats = args[0] as number | Tensor;
  const o = bind<Opts>(['dim'], args.slice(1));
  let x = input;
  let d: number;
  if (o.dim == null) {
    x = reshape(input, [-1]);
    d = 0;
  } else d = normDim(o.dim, Math.max(input._shape.length, 1));
  if (x._shape.length === 0) x = reshape(x, [1]);
  const n = x._shape[d];
  if (repeats instanceof Tensor && repeats.numel() !== 1) {
    if (repeats._shape[0] !== n) throw new RuntimeError('repeats must have the same size as input along dim');
    return index_select(x, d, repeatIndex(repeats, o.output_size));
  }
  const r = repeats instanceof Tensor ? Number(repeats.item()) : repeats;
  if (r < 0) throw new RuntimeError('repeats can not be negative');
  if (o.output_size != null && o.output_size !== n * r) throw new RuntimeError('allocated size does not match required size');
  const s = x._shape;
  const grown = expand(reshape(x, [...s.slice(0, d + 1), 1, ...s.slice(d + 1)]), [...s.slice(0, d + 1), r, ...s.slice(d + 1)]);
  return reshape(grown, [...s.slice(0, d), n * r, ...s.slice(d + 1)]);
}

declare module '../tensor.js' {
  interface Tensor {
    repeat_interleave(repeats?: number | Tensor | Opts, dim?: number | null | Opts, opts?: Opts): Tensor;
  }
}
Tensor.prototype.repeat_interleave = function (this: Tensor, ...args: unknown[]) {
  return repeat_interleave(this, ...args);
};
