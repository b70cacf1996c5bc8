// mv: matrix × vector (torch.mv, Tensor.mv).
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { matmul } from './matmul.js';

/**
 * torch.mv(input, vec): a 2-D [n, m] input times a 1-D [m] vector gives [n].
 * @example
 * torch.mv(A, v); A.mv(v);
 */
export function mv(input: Tensor, vec: Tensor): Tensor {
  const a = input._shape;
  const v = vec._shape;
  if (a.length !== 2 || v.length !== 1) throw new RuntimeError(`vector + matrix @ vector expected, got 1, ${a.length}, ${v.length}`);
  if (a[1] !== v[0]) throw new RuntimeError(`size mismatch, got input (${a[0]}), mat (${a[0]}x${a[1]}), vec (${v[0]})`);
  return matmul(input, vec);
}

declare module '../tensor.js' {
  interface Tensor {
    mv(vec: Tensor): Tensor;
  }
}
Tensor.prototype.mv = function (this: Tensor, vec: Tensor) {
  return mv(this, vec);
};
