// cov: covariance matrix of the rows of a 2-D input (torch.cov, Tensor.cov), with frequency and
// observation weights: a composite written as PyTorch's (aten/native/Correlation.cpp).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { div } from './div.js';
import { matmul } from './matmul.js';
import { mul } from './mul.js';
import { reshape } from './reshape.js';
import { squeeze } from './squeeze.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { unsqueeze } from './unsqueeze.js';

function checkWeights(kind: 'fweights' | 'aweights', w: Tensor, nObs: number): void {
  if (w._shape.length > 1)
    throw new RuntimeError(`cov(): expected ${kind} to have one or fewer dimensions but got ${kind} with ${w._shape.length} dimensions`);
  if (kind === 'fweights' && w.dtype.is_floating_point !== false)
    throw new RuntimeError(`cov(): expected fweights to have integral dtype but got fweights with ${w.dtype.scalarName} dtype`);
  if (kind === 'aweights' && !w.dtype.is_floating_point)
    throw new RuntimeError(`cov(): expected aweights to have floating point dtype but got aweights with ${w.dtype.scalarName} dtype`);
  const n = w._shape.length === 0 ? 1 : w._shape[0];
  if (n !== nObs)
    throw new RuntimeError(`cov(): expected ${kind} to have the same numel as there are observations in the input but got ${n} != ${nObs}`);
  if (w.lt(0).any().item()) throw new RuntimeError(`cov(): ${kind} cannot be negative`);
}

/**
 * torch.cov(input, { correction = 1, fweights, aweights }): rows are variables, columns observations.
 * @example
 * torch.cov(torch.tensor([[0, 1, 2], [2, 1, 0]])); // [[1, -1], [-1, 1]]
 */
export function cov(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ correction?: number; fweights?: Tensor | null; aweights?: Tensor | null }>([], args);
  if (input._shape.length > 2)
    throw new RuntimeError(`cov(): expected input to have two or fewer dimensions but got an input with ${input._shape.length} dimensions`);
  if (input.dtype.name === 'bool') throw new RuntimeError('cov(): bool dtype is not supported for input');
  const correction = o.correction ?? 1;
  const x = input._shape.length < 2 ? reshape(input, [1, -1]) : input;
  const nObs = x._shape[1];
  let w: Tensor | null = null;
  if (o.fweights) {
    checkWeights('fweights', o.fweights, nObs);
    w = o.fweights;
  }
  if (o.aweights) {
    checkWeights('aweights', o.aweights, nObs);
    w = w ? mul(w, o.aweights) : o.aweights;
  }
  const wSum = w ? sum(w) : nObs;
  if (w && !(wSum as Tensor).ne(0).item()) throw new RuntimeError("cov(): weights sum to zero, can't be normalized");
  const avg = div(sum(w ? mul(x, w) : x, 1), wSum);
  let norm: Tensor | number;
  if (w === null) norm = nObs - correction;
  else if (o.aweights && correction !== 0) norm = sub(wSum, div(mul(sum(mul(w, o.aweights)), correction), wSum));
  else norm = sub(wSum, correction);
  // PyTorch warns "degrees of freedom is <= 0" and divides by zero
  if (typeof norm === 'number' ? norm <= 0 : norm.le(0).item()) norm = 0;
  const c = sub(x, unsqueeze(avg, 1));
  return squeeze(div(matmul(c, (w ? mul(c, w) : c).t()), norm));
}

declare module '../tensor.js' {
  interface Tensor {
    cov(opts?: { correction?: number; fweights?: Tensor; aweights?: Tensor }): Tensor;
  }
}
Tensor.prototype.cov = function (this: Tensor, ...args: unknown[]) {
  return cov(this, ...args);
};
