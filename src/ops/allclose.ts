// allclose: isclose(input, other, ...) is true everywhere (a JS boolean, like PyTorch's Python bool).
import { Tensor } from '../tensor.js';
import { all } from './all.js';
import { Isclose, iscloseArgs } from './isclose.js';
import { apply1 } from '../dispatch.js';

type AllcloseOpts = { rtol?: number; atol?: number; equal_nan?: boolean };

/**
 * torch.allclose(input, other, rtol = 1e-05, atol = 1e-08, equal_nan = false): whether
 * |input - other| <= atol + rtol * |other| holds for every element (broadcasting).
 * @example
 * torch.allclose(torch.tensor([1, 2]), torch.tensor([1, 2.000001])); // true
 */
export function allclose(input: Tensor, other: Tensor, rtol?: number, atol?: number, equal_nan?: boolean): boolean;
export function allclose(input: Tensor, other: Tensor, opts: AllcloseOpts): boolean;
export function allclose(input: Tensor, other: Tensor, ...args: unknown[]): boolean {
  return all(apply1(Isclose, [input, other], iscloseArgs(input, other, args))).item() as boolean;
}

declare module '../tensor.js' {
  interface Tensor {
    allclose(other: Tensor, rtol?: number, atol?: number, equal_nan?: boolean): boolean;
    allclose(other: Tensor, opts: AllcloseOpts): boolean;
  }
}
Tensor.prototype.allclose = function (this: Tensor, other: Tensor, ...args: unknown[]) {
  return allclose(this, other, ...(args as [AllcloseOpts]));
} as never;
