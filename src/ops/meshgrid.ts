// meshgrid: each 1-D input viewed along its own axis and expanded to the grid (views via expand).
import { bind, isOpts } from '../args.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { expand } from './expand.js';
import { reshape } from './reshape.js';

/**
 * torch.meshgrid(*tensors, indexing='ij'): coordinate grids; 'xy' swaps the first two axes
 * (Cartesian indexing, as NumPy's default).
 * @example
 * const [X, Y] = torch.meshgrid(torch.tensor([1, 2, 3]), torch.tensor([4, 5]), { indexing: 'xy' }); // shapes [2, 3]
 */
export function meshgrid(...args: unknown[]): Tensor[] {
  const opts = args.length && isOpts(args[args.length - 1]) ? (args.pop() as { indexing?: string }) : {};
  const o = bind<{ indexing?: string }>([], [], opts);
  let ts = (args.length === 1 && Array.isArray(args[0]) ? args[0] : args) as Tensor[];
  const indexing = o.indexing ?? 'ij';
  if (indexing !== 'ij' && indexing !== 'xy') throw new RuntimeError(`torch.meshgrid: indexing must be one of "xy" or "ij", but received: ${indexing}`);
  if (ts.length === 0) throw new RuntimeError('meshgrid expects a non-empty TensorList');
  for (const t of ts) {
    if (t._shape.length > 1) throw new RuntimeError(`torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: ${String(t)}`);
    if (t.dtype !== ts[0].dtype) throw new RuntimeError('meshgrid expects all tensors to have the same dtype');
  }
  const swap = indexing === 'xy' && ts.length >= 2;
  if (swap) ts = [ts[1], ts[0], ...ts.slice(2)];
  const shape = ts.map((t) => t.numel());
  const out = ts.map((t, i) => expand(reshape(t, shape.map((n, j) => (j === i ? n : 1))), shape));
  if (swap) [out[0], out[1]] = [out[1], out[0]];
  return out;
}
