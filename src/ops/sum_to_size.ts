// sum_to_size: reduces a broadcast result back to a shape (the engine un-broadcasts gradients with it).
import { sizeArgs } from '../args.js';
import { RuntimeError } from '../errors.js';
import { sameShape } from '../shape.js';
import { Tensor } from '../tensor.js';
import { reshape } from './reshape.js';
import { sum } from './sum.js';

/** Tensor.sum_to_size(*size): sums dims that were broadcast to reach this tensor's shape. */
export function sum_to_size(x: Tensor, shape: readonly number[]): Tensor {
  const s = x._shape;
  if (sameShape(s, shape)) return x;
  const lead = s.length - shape.length;
  if (lead < 0) throw new RuntimeError(`size {[${shape.join(', ')}]} is not expandable to size {[${s.join(', ')}]}.`);
  const dims: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (i < lead) dims.push(i);
    else if (shape[i - lead] === 1 && s[i] !== 1) dims.push(i);
    else if (shape[i - lead] !== s[i]) throw new RuntimeError(`size {[${shape.join(', ')}]} is not expandable to size {[${s.join(', ')}]}.`);
  }
  const r = dims.length ? sum(x, dims, true) : x;
  return reshape(r, shape);
}

declare module '../tensor.js' {
  interface Tensor {
    sum_to_size(...size: (number | number[])[]): Tensor;
  }
}
Tensor.prototype.sum_to_size = function (this: Tensor, ...size: (number | number[])[]) {
  return sum_to_size(this, sizeArgs(size).size);
};
