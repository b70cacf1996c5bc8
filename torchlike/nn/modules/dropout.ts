// Dropout layers (torch/nn/modules/dropout.py): active in training mode, identity in eval mode.
import { ValueError } from '../../../src/errors.js';
import type { Tensor } from '../../../src/tensor.js';
import * as F from '../functional/dropout.js';
import { Module, pyBool, pyFloat } from './module.js';

type DropoutArgs = [p?: number | { p?: number; inplace?: boolean }, inplace?: boolean];

/** Shared by Dropout, Dropout1d/2d/3d: p and inplace, PyTorch's checks and repr. */
export class _DropoutNd extends Module {
  p: number;
  inplace: boolean;
  constructor(...[p = 0.5, inplace = false]: DropoutArgs) {
    super();
    if (typeof p === 'object') ({ p = 0.5, inplace = false } = p);
    if (p < 0 || p > 1) throw new ValueError(`dropout probability has to be between 0 and 1, but got ${p}`);
    this.p = p;
    this.inplace = inplace;
  }
  override extra_repr(): string {
    return `p=${pyFloat(this.p)}, inplace=${pyBool(this.inplace)}`;
  }
}

/**
 * Zeroes elements with probability p during training, scaling the rest by 1/(1 − p).
 * @example
 * const drop = new nn.Dropout(0.2); drop(x); drop.eval(); drop(x); // unchanged
 */
export class Dropout extends _DropoutNd {
  override forward(input: Tensor): Tensor {
    return F.dropout(input, this.p, this.training, this.inplace);
  }
}
/** Zeroes whole channels of (N, C, L) input. */
export class Dropout1d extends _DropoutNd {
  override forward(input: Tensor): Tensor {
    return F.dropout1d(input, this.p, this.training, this.inplace);
  }
}
/** Zeroes whole channels of (N, C, H, W) input. */
export class Dropout2d extends _DropoutNd {
  override forward(input: Tensor): Tensor {
    return F.dropout2d(input, this.p, this.training, this.inplace);
  }
}
/** Zeroes whole channels of (N, C, D, H, W) input. */
export class Dropout3d extends _DropoutNd {
  override forward(input: Tensor): Tensor {
    return F.dropout3d(input, this.p, this.training, this.inplace);
  }
}
