// deg2rad and rad2deg: degrees ↔ radians (torch.deg2rad, torch.rad2deg, Tensor methods and _ forms). Composite.
import { get_default_dtype } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import { asTensor, floatOf } from './_common.js';
import { unaryMethods } from './_emath.js';
import { mul } from './mul.js';

function scaled(input: Tensor, k: number): Tensor {
  return mul(asTensor(input, floatOf(input.dtype, get_default_dtype())), k);
}

/**
 * torch.deg2rad(input): input·π/180. @example torch.deg2rad(torch.tensor([180.0])); // tensor([3.1416])
 */
export function deg2rad(input: Tensor): Tensor {
  return scaled(input, Math.PI / 180);
}

/**
 * torch.rad2deg(input): input·180/π. @example torch.rad2deg(torch.tensor([3.1416]));
 */
export function rad2deg(input: Tensor): Tensor {
  return scaled(input, 180 / Math.PI);
}

declare module '../tensor.js' {
  interface Tensor {
    deg2rad(): Tensor;
    deg2rad_(): Tensor;
    rad2deg(): Tensor;
    rad2deg_(): Tensor;
  }
}
unaryMethods('deg2rad', deg2rad);
unaryMethods('rad2deg', rad2deg);
