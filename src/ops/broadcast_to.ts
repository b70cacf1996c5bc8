// broadcast_to / broadcast_tensors / broadcast_shapes: expand to a common shape (views, via expand).
import { RuntimeError } from '../errors.js';
import { broadcastShapes } from '../shape.js';
import { Tensor } from '../tensor.js';
import { expand } from './expand.js';

/**
 * torch.broadcast_shapes(*shapes): the shape all the given shapes broadcast to.
 * @example
 * torch.broadcast_shapes([2, 1], [3]); // [2, 3]
 */
export function broadcast_shapes(...shapes: (number | readonly number[])[]): number[] {
  let out: number[] = [];
  try {
    for (const s of shapes) out = broadcastShapes(out, typeof s === 'number' ? [s] : s);
  } catch {
    throw new RuntimeError('Shape mismatch: objects cannot be broadcast to a single shape');
  }
  return out;
}

/**
 * torch.broadcast_to(input, shape): input expanded to shape (a view; -1 keeps a size).
 * @example
 * torch.broadcast_to(torch.tensor([1, 2, 3]), [2, 3]); // [[1, 2, 3], [1, 2, 3]]
 */
export function broadcast_to(input: Tensor, shape: readonly number[]): Tensor {
  return input.expand([...shape]);
}

/**
 * torch.broadcast_tensors(*tensors): every tensor expanded to the common broadcast shape (views).
 * @example
 * torch.broadcast_tensors(torch.zeros(2, 1), torch.zeros(3)); // shapes [2, 3], [2, 3]
 */
export function broadcast_tensors(...tensors: (Tensor | readonly Tensor[])[]): Tensor[] {
  const ts = tensors.length === 1 && Array.isArray(tensors[0]) ? (tensors[0] as Tensor[]) : (tensors as Tensor[]);
  let s: number[] = [];
  for (const t of ts) s = broadcastShapes(s, t._shape);
  return ts.map((t) => expand(t, s));
}

declare module '../tensor.js' {
  interface Tensor {
    broadcast_to(shape: readonly number[]): Tensor;
  }
}
Tensor.prototype.broadcast_to = function (this: Tensor, shape: readonly number[]) {
  return broadcast_to(this, shape);
};
