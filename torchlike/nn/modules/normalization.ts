// nn.BatchNorm1d/2d, nn.LayerNorm, nn.GroupNorm (torch/nn/modules/batchnorm.py, normalization.py):
// parameters (weight ones, bias zeros), BatchNorm's buffers in PyTorch's order (running_mean,
// running_var, num_batches_tracked) and its momentum / cumulative-average bookkeeping.
import { bind } from '../../../src/args.js';
import { no_grad } from '../../../src/autograd/grad_mode.js';
import { ones, scalar_tensor, zeros } from '../../../src/creation.js';
import { type DType, int64 } from '../../../src/dtype.js';
import { ValueError } from '../../../src/errors.js';
import type { Tensor } from '../../../src/tensor.js';
import { batch_norm, group_norm, layer_norm } from '../functional/normalization.js';
import { Module, Parameter, pyBool } from './module.js';
import { pyRepr } from './conv.js';
import { pyFloat } from './module.js';

type BatchNormOptions = {
  eps?: number;
  momentum?: number | null;
  affine?: boolean;
  track_running_stats?: boolean;
  device?: unknown;
  dtype?: DType;
};

/** PyTorch's _BatchNorm: the shared part of BatchNorm1d/2d. */
export class _BatchNorm extends Module {
  declare num_features: number;
  declare eps: number;
  declare momentum: number | null;
  declare affine: boolean;
  declare track_running_stats: boolean;
  declare weight: Parameter | null;
  declare bias: Parameter | null;
  declare running_mean: Tensor | null;
  declare running_var: Tensor | null;
  declare num_batches_tracked: Tensor | null;

  constructor(num_features: number, args: unknown[]) {
    super();
    const o = bind<BatchNormOptions>(['eps', 'momentum', 'affine', 'track_running_stats', 'device', 'dtype'], args);
    this.num_features = num_features;
    this.eps = o.eps ?? 1e-5;
    this.momentum = o.momentum === undefined ? 0.1 : o.momentum;
    this.affine = o.affine ?? true;
    this.track_running_stats = o.track_running_stats ?? true;
    const dtype = o.dtype;
    if (this.affine) {
      this.weight = new Parameter(ones([num_features], { dtype }));
      this.bias = new Parameter(zeros([num_features], { dtype }));
    } else {
      this.register_parameter('weight', null);
      this.register_parameter('bias', null);
    }
    if (this.track_running_stats) {
      this.register_buffer('running_mean', zeros([num_features], { dtype }));
      this.register_buffer('running_var', ones([num_features], { dtype }));
      this.register_buffer('num_batches_tracked', scalar_tensor(0, { dtype: int64 }));
    } else {
      this.register_buffer('running_mean', null);
      this.register_buffer('running_var', null);
      this.register_buffer('num_batches_tracked', null);
    }
  }

  /** Zeroes the running statistics (mean 0, var 1, count 0). */
  reset_running_stats(): void {
    if (!this.track_running_stats) return;
    no_grad(() => {
      this.running_mean!.zero_();
      this.running_var!.fill_(1);
      this.num_batches_tracked!.zero_();
    });
  }

  /** Resets the running statistics and the affine parameters (weight 1, bias 0). */
  reset_parameters(): void {
    this.reset_running_stats();
    if (this.affine) no_grad(() => (this.weight!.fill_(1), this.bias!.zero_()));
  }

  protected _check_input_dim(_input: Tensor): void {}

  override forward(input: Tensor): Tensor {
    this._check_input_dim(input);
    let factor = this.momentum ?? 0;
    if (this.training && this.track_running_stats && this.num_batches_tracked !== null) {
      no_grad(() => this.num_batches_tracked!.add_(1));
      // momentum None: cumulative moving average over the batches seen so far.
      factor = this.momentum === null ? 1 / (this.num_batches_tracked.item() as number) : this.momentum;
    }
    const bnTraining = this.training || (this.running_mean === null && this.running_var === null);
    const useStats = !this.training || this.track_running_stats;
    return batch_norm(input, useStats ? this.running_mean : null, useStats ? this.running_var : null, this.weight, this.bias, bnTraining, factor, this.eps);
  }

  override extra_repr(): string {
    return `${this.num_features}, eps=${pyFloat(this.eps)}, momentum=${this.momentum === null ? 'None' : pyFloat(this.momentum)}, affine=${pyBool(this.affine)}, track_running_stats=${pyBool(this.track_running_stats)}`;
  }
}

/**
 * nn.BatchNorm1d(num_features, eps=1e-5, momentum=0.1, affine=true, track_running_stats=true): input [N, C] or [N, C, L].
 * @example
 * const bn = new nn.BatchNorm1d(16); bn(x); bn.eval();
 */
export class BatchNorm1d extends _BatchNorm {
  constructor(num_features: number, ...args: unknown[]) {
    super(num_features, args);
  }
  protected override _check_input_dim(input: Tensor): void {
    if (input.dim() !== 2 && input.dim() !== 3) throw new ValueError(`expected 2D or 3D input (got ${input.dim()}D input)`);
  }
}

/**
 * nn.BatchNorm2d(num_features, eps=1e-5, momentum=0.1, affine=true, track_running_stats=true): input [N, C, H, W].
 * @example
 * const bn = new nn.BatchNorm2d(6, { momentum: null }); bn(x); bn.running_mean;
 */
export class BatchNorm2d extends _BatchNorm {
  constructor(num_features: number, ...args: unknown[]) {
    super(num_features, args);
  }
  protected override _check_input_dim(input: Tensor): void {
    if (input.dim() !== 4) throw new ValueError(`expected 4D input (got ${input.dim()}D input)`);
  }
}

/**
 * nn.LayerNorm(normalized_shape, eps=1e-5, elementwise_affine=true)
 * @example
 * const ln = new nn.LayerNorm(64); ln(x); // x [..., 64]
 */
export class LayerNorm extends Module {
  declare normalized_shape: number[];
  declare eps: number;
  declare elementwise_affine: boolean;
  declare weight: Parameter | null;
  declare bias: Parameter | null;
  constructor(normalized_shape: number | number[], ...args: unknown[]) {
    super();
    const o = bind<{ eps?: number; elementwise_affine?: boolean; device?: unknown; dtype?: DType }>(['eps', 'elementwise_affine', 'device', 'dtype'], args);
    this.normalized_shape = typeof normalized_shape === 'number' ? [normalized_shape] : normalized_shape.slice();
    this.eps = o.eps ?? 1e-5;
    this.elementwise_affine = o.elementwise_affine ?? true;
    if (this.elementwise_affine) {
      this.weight = new Parameter(ones(this.normalized_shape, { dtype: o.dtype }));
      this.bias = new Parameter(zeros(this.normalized_shape, { dtype: o.dtype }));
    } else {
      this.register_parameter('weight', null);
      this.register_parameter('bias', null);
    }
  }
  override forward(input: Tensor): Tensor {
    return layer_norm(input, this.normalized_shape, this.weight, this.bias, this.eps);
  }
  override extra_repr(): string {
    return `${pyRepr(this.normalized_shape)}, eps=${pyFloat(this.eps)}, elementwise_affine=${pyBool(this.elementwise_affine)}`;
  }
}

/**
 * nn.GroupNorm(num_groups, num_channels, eps=1e-5, affine=true)
 * @example
 * const gn = new nn.GroupNorm(2, 8); gn(x); // x [N, 8, ...]
 */
export class GroupNorm extends Module {
  declare num_groups: number;
  declare num_channels: number;
  declare eps: number;
  declare affine: boolean;
  declare weight: Parameter | null;
  declare bias: Parameter | null;
  constructor(num_groups: number, num_channels: number, ...args: unknown[]) {
    super();
    const o = bind<{ eps?: number; affine?: boolean; device?: unknown; dtype?: DType }>(['eps', 'affine', 'device', 'dtype'], args);
    if (num_channels % num_groups !== 0) throw new ValueError('num_channels must be divisible by num_groups');
    this.num_groups = num_groups;
    this.num_channels = num_channels;
    this.eps = o.eps ?? 1e-5;
    this.affine = o.affine ?? true;
    if (this.affine) {
      this.weight = new Parameter(ones([num_channels], { dtype: o.dtype }));
      this.bias = new Parameter(zeros([num_channels], { dtype: o.dtype }));
    } else {
      this.register_parameter('weight', null);
      this.register_parameter('bias', null);
    }
  }
  override forward(input: Tensor): Tensor {
    return group_norm(input, this.num_groups, this.weight, this.bias, this.eps);
  }
  override extra_repr(): string {
    return `${this.num_groups}, ${this.num_channels}, eps=${pyFloat(this.eps)}, affine=${pyBool(this.affine)}`;
  }
}
