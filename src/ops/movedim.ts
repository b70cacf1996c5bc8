// movedim / moveaxis: moves dims to new positions, the rest keeping their order (a permute).
import { RuntimeError } from '../errors.js';
import { fmtShape, normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { permute } from './permute.js';

/**
 * torch.movedim(input, source, destination): dims in `source` moved to `destination`.
 * @example
 * torch.zeros(2, 3, 4).movedim(0, -1).shape; // [3, 4, 2]
 */
export function movedim(input: Tensor, source: number | readonly number[], destination: number | readonly number[]): Tensor {
  const r = input._shape.length;
  const src = (typeof source === 'number' ? [source] : source).map((d) => normDim(d, r));
  const dst = (typeof destination === 'number' ? [destination] : destination).map((d) => normDim(d, r));
  if (src.length !== dst.length)
    throw new RuntimeError(
      `movedim: Invalid source or destination dims: source (${fmtShape(src)} dims) should contain the same number of dims as destination (${fmtShape(dst)} dims)`,
    );
  if (new Set(src).size !== src.length) throw new RuntimeError(`movedim: repeated dim in \`source\` (${fmtShape(src)})`);
  if (new Set(dst).size !== dst.length) throw new RuntimeError(`movedim: repeated dim in \`destination\` (${fmtShape(dst)})`);
  const perm = new Array<number>(r).fill(-1);
  src.forEach((s, i) => (perm[dst[i]] = s));
  const rest = Array.from({ length: r }, (_, i) => i).filter((i) => !src.includes(i));
  for (let i = 0, k = 0; i < r; i++) if (perm[i] === -1) perm[i] = rest[k++];
  return permute(input, perm);
}

/** torch.moveaxis: alias of movedim. */
export const moveaxis = movedim;

declare module '../tensor.js' {
  interface Tensor {
    movedim(source: number | readonly number[], destination: number | readonly number[]): Tensor;
    moveaxis(source: number | readonly number[], destination: number | readonly number[]): Tensor;
  }
}
Tensor.prototype.movedim = function (this: Tensor, source: number | readonly number[], destination: number | readonly number[]) {
  return movedim(this, source, destination);
};
Tensor.prototype.moveaxis = Tensor.prototype.movedim;
