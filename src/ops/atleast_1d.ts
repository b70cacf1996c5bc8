// atleast_1d/2d/3d: views with leading (and for 3-D, trailing) size-1 dims added.
import { Tensor } from '../tensor.js';
import { reshape } from './reshape.js';
import { unsqueeze } from './unsqueeze.js';

type Arg = Tensor | readonly Tensor[];

function each(args: Arg[], f: (t: Tensor) => Tensor): Tensor | Tensor[] {
  if (args.length === 1 && args[0] instanceof Tensor) return f(args[0]);
  const ts = args.length === 1 ? (args[0] as Tensor[]) : (args as Tensor[]);
  return ts.map(f);
}

const to1 = (t: Tensor): Tensor => (t._shape.length === 0 ? reshape(t, [1]) : t);
const to2 = (t: Tensor): Tensor => (t._shape.length === 0 ? reshape(t, [1, 1]) : t._shape.length === 1 ? unsqueeze(t, 0) : t);
const to3 = (t: Tensor): Tensor => {
  const r = t._shape.length;
  if (r === 0) return reshape(t, [1, 1, 1]);
  if (r === 1) return unsqueeze(unsqueeze(t, 0), -1);
  if (r === 2) return unsqueeze(t, -1);
  return t;
};

/**
 * torch.atleast_1d(*tensors): 0-d tensors become shape [1]; several tensors give a list.
 * @example
 * torch.atleast_1d(torch.tensor(1.5)); // shape [1]
 */
export function atleast_1d(...tensors: Arg[]): Tensor | Tensor[] {
  return each(tensors, to1);
}
/**
 * torch.atleast_2d(*tensors): 0-d → [1, 1], 1-D [n] → [1, n].
 * @example
 * torch.atleast_2d(torch.ones(3)); // shape [1, 3]
 */
export function atleast_2d(...tensors: Arg[]): Tensor | Tensor[] {
  return each(tensors, to2);
}
/**
 * torch.atleast_3d(*tensors): 0-d → [1, 1, 1], [n] → [1, n, 1], [m, n] → [m, n, 1].
 * @example
 * torch.atleast_3d(torch.ones(2, 3)); // shape [2, 3, 1]
 */
export function atleast_3d(...tensors: Arg[]): Tensor | Tensor[] {
  return each(tensors, to3);
}
export { to1 as _atleast1, to2 as _atleast2, to3 as _atleast3 };
