// diag_embed: the last dim of input written on a diagonal of two new dims (a composite: `where`
// over a constant diagonal mask, so NaN/inf stay on the diagonal only), then moved to dim1/dim2.
import { bind } from '../args.js';
import { bool } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { zeros } from '../creation.js';
import { Tensor } from '../tensor.js';
import { cat } from './cat.js';
import { movedim } from './movedim.js';
import { unsqueeze } from './unsqueeze.js';
import { where } from './where.js';
import { tensor } from '../creation.js';

type Opts = { offset?: number; dim1?: number; dim2?: number };

/**
 * torch.diag_embed(input, offset=0, dim1=-2, dim2=-1): a tensor whose (dim1, dim2) planes have
 * input's last dim on their `offset`-th diagonal and zeros elsewhere.
 * @example
 * torch.diag_embed(torch.tensor([1, 2])); // [[1, 0], [0, 2]]
 */
export function diag_embed(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<Opts>(['offset', 'dim1', 'dim2'], args);
  const k = o.offset ?? 0;
  const r = input._shape.length + 1;
  const nd = (d: number) => {
    if (d < -r || d >= r) throw new RuntimeError(`Dimension out of range (expected to be in range of [${-r}, ${r - 1}], but got ${d})`);
    return d < 0 ? d + r : d;
  };
  const d1 = nd(o.dim1 ?? -2);
  const d2 = nd(o.dim2 ?? -1);
  if (d1 === d2) throw new RuntimeError(`diagonal dimensions cannot be identical ${o.dim1 ?? -2}, ${o.dim2 ?? -1}`);
  let x = input._shape.length === 0 ? unsqueeze(input, 0) : input;
  const n = x._shape[x._shape.length - 1];
  const m = n + Math.abs(k);
  if (k !== 0) x = cat([x, zeros([...x._shape.slice(0, -1), Math.abs(k)], { dtype: x.dtype })], -1);
  const mask: boolean[][] = [];
  for (let i = 0; i < m; i++) mask.push(Array.from({ length: m }, (_, j) => (k >= 0 ? j - i === k && i < n : i - j === -k && j < n)));
  const mk = tensor(mask, { dtype: bool });
  // row i holds x[i] (k >= 0) or column j holds x[j] (k < 0)
  const xb = k >= 0 ? unsqueeze(x, -1) : unsqueeze(x, -2);
  const out = where(mk, xb, zeros([], { dtype: x.dtype }));
  return movedim(out, [-2, -1], [d1, d2]);
}

declare module '../tensor.js' {
  interface Tensor {
    diag_embed(offset?: number | Opts, dim1?: number, dim2?: number): Tensor;
  }
}
Tensor.prototype.diag_embed = function (this: Tensor, ...args: unknown[]) {
  return diag_embed(this, ...args);
};
