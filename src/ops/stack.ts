// stack: joins equal-shaped tensors along a new dim (unsqueeze each, then cat).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { fmtShape, normDim, sameShape } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { cat } from './cat.js';
import { unsqueeze } from './unsqueeze.js';

/**
 * torch.stack(tensors, dim=0): tensors of one shape joined along a new dim.
 * @example
 * torch.stack([a, b], 1); // shape [a.size(0), 2, ...]
 */
export function stack(tensors: readonly Tensor[], ...args: unknown[]): Tensor {
  const o = bind<{ dim?: number }>(['dim'], args);
  if (tensors.length === 0) throw new RuntimeError('stack expects a non-empty TensorList');
  const s0 = tensors[0]._shape;
  tensors.forEach((t, i) => {
    if (!sameShape(t._shape, s0))
      throw new RuntimeError(`stack expects each tensor to be equal size, but got ${fmtShape(s0)} at entry 0 and ${fmtShape(t._shape)} at entry ${i}`);
  });
  const dim = normDim(o.dim ?? 0, s0.length + 1);
  return cat(tensors.map((t) => unsqueeze(t, dim)), dim);
}
