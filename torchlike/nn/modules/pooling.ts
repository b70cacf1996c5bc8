// nn.MaxPool1d/2d, nn.AvgPool1d/2d, nn.AdaptiveAvgPool1d/2d (torch/nn/modules/pooling.py): hold
// the hyper-parameters, call the F functions, print PyTorch's reprs.
import { bind } from '../../../src/args.js';
import type { Tensor } from '../../../src/tensor.js';
import { ntuple } from '../functional/conv.js';
import { adaptive_avg_pool1d, adaptive_avg_pool2d, avg_pool1d, avg_pool2d, max_pool1d, max_pool2d } from '../functional/pooling.js';
import { Module } from './module.js';
import { pyRepr } from './conv.js';

type IntOrTuple = number | number[];

type MaxPoolOptions = {
  stride?: IntOrTuple | null;
  padding?: IntOrTuple;
  dilation?: IntOrTuple;
  return_indices?: boolean;
  ceil_mode?: boolean;
};

/** PyTorch's _MaxPoolNd: stride defaults to kernel_size. */
class _MaxPoolNd extends Module {
  declare kernel_size: IntOrTuple;
  declare stride: IntOrTuple;
  declare padding: IntOrTuple;
  declare dilation: IntOrTuple;
  declare return_indices: boolean;
  declare ceil_mode: boolean;
  constructor(kernel_size: IntOrTuple, ...args: unknown[]) {
    super();
    const o = bind<MaxPoolOptions>(['stride', 'padding', 'dilation', 'return_indices', 'ceil_mode'], args);
    this.kernel_size = kernel_size;
    this.stride = o.stride ?? kernel_size;
    this.padding = o.padding ?? 0;
    this.dilation = o.dilation ?? 1;
    this.return_indices = o.return_indices ?? false;
    this.ceil_mode = o.ceil_mode ?? false;
  }
  protected opts() {
    return { stride: this.stride, padding: this.padding, dilation: this.dilation, ceil_mode: this.ceil_mode, return_indices: this.return_indices };
  }
  override extra_repr(): string {
    const r = pyRepr;
    return `kernel_size=${r(this.kernel_size)}, stride=${r(this.stride)}, padding=${r(this.padding)}, dilation=${r(this.dilation)}, ceil_mode=${r(this.ceil_mode)}`;
  }
}

/**
 * nn.MaxPool1d(kernel_size, stride=kernel_size, padding=0, dilation=1, return_indices=false, ceil_mode=false)
 * @example
 * new nn.MaxPool1d(2)(x);
 */
export class MaxPool1d extends _MaxPoolNd {
  override forward(input: Tensor): Tensor | [Tensor, Tensor] {
    return max_pool1d(input, this.kernel_size, this.opts());
  }
}

/**
 * nn.MaxPool2d(kernel_size, stride=kernel_size, padding=0, dilation=1, return_indices=false, ceil_mode=false)
 * @example
 * const pool = new nn.MaxPool2d(2); pool(x); // halves H and W
 */
export class MaxPool2d extends _MaxPoolNd {
  override forward(input: Tensor): Tensor | [Tensor, Tensor] {
    return max_pool2d(input, this.kernel_size, this.opts());
  }
}

type AvgPoolOptions = {
  stride?: IntOrTuple | null;
  padding?: IntOrTuple;
  ceil_mode?: boolean;
  count_include_pad?: boolean;
  divisor_override?: number | null;
};

/** PyTorch's _AvgPoolNd: the shared repr. */
class _AvgPoolNd extends Module {
  declare kernel_size: IntOrTuple;
  declare stride: IntOrTuple;
  declare padding: IntOrTuple;
  declare ceil_mode: boolean;
  declare count_include_pad: boolean;
  override extra_repr(): string {
    return `kernel_size=${pyRepr(this.kernel_size)}, stride=${pyRepr(this.stride)}, padding=${pyRepr(this.padding)}`;
  }
}

/**
 * nn.AvgPool1d(kernel_size, stride=kernel_size, padding=0, ceil_mode=false, count_include_pad=true)
 * @example
 * new nn.AvgPool1d(3, { stride: 2 })(x);
 */
export class AvgPool1d extends _AvgPoolNd {
  declare kernel_size: number[];
  declare stride: number[];
  declare padding: number[];
  constructor(kernel_size: IntOrTuple, ...args: unknown[]) {
    super();
    const o = bind<AvgPoolOptions>(['stride', 'padding', 'ceil_mode', 'count_include_pad'], args);
    // PyTorch stores AvgPool1d's arguments as 1-tuples.
    this.kernel_size = ntuple('kernel_size', kernel_size, 1);
    this.stride = ntuple('stride', o.stride ?? kernel_size, 1);
    this.padding = ntuple('padding', o.padding ?? 0, 1);
    this.ceil_mode = o.ceil_mode ?? false;
    this.count_include_pad = o.count_include_pad ?? true;
  }
  override forward(input: Tensor): Tensor {
    return avg_pool1d(input, this.kernel_size, { stride: this.stride, padding: this.padding, ceil_mode: this.ceil_mode, count_include_pad: this.count_include_pad });
  }
}

/**
 * nn.AvgPool2d(kernel_size, stride=kernel_size, padding=0, ceil_mode=false, count_include_pad=true, divisor_override=null)
 * @example
 * new nn.AvgPool2d(2)(x);
 */
export class AvgPool2d extends _AvgPoolNd {
  declare divisor_override: number | null;
  constructor(kernel_size: IntOrTuple, ...args: unknown[]) {
    super();
    const o = bind<AvgPoolOptions>(['stride', 'padding', 'ceil_mode', 'count_include_pad', 'divisor_override'], args);
    this.kernel_size = kernel_size;
    this.stride = o.stride ?? kernel_size;
    this.padding = o.padding ?? 0;
    this.ceil_mode = o.ceil_mode ?? false;
    this.count_include_pad = o.count_include_pad ?? true;
    this.divisor_override = o.divisor_override ?? null;
  }
  override forward(input: Tensor): Tensor {
    return avg_pool2d(input, this.kernel_size, {
      stride: this.stride, padding: this.padding, ceil_mode: this.ceil_mode, count_include_pad: this.count_include_pad, divisor_override: this.divisor_override,
    });
  }
}

type OutSize = number | null | (number | null)[];

/** PyTorch's _AdaptiveAvgPoolNd: holds output_size. */
class _AdaptiveAvgPoolNd extends Module {
  declare output_size: OutSize;
  constructor(output_size: OutSize) {
    super();
    this.output_size = output_size;
  }
  override extra_repr(): string {
    return `output_size=${pyRepr(this.output_size)}`;
  }
}

/**
 * nn.AdaptiveAvgPool1d(output_size)
 * @example
 * new nn.AdaptiveAvgPool1d(4)(x); // [N, C, L] -> [N, C, 4]
 */
export class AdaptiveAvgPool1d extends _AdaptiveAvgPoolNd {
  override forward(input: Tensor): Tensor {
    return adaptive_avg_pool1d(input, this.output_size);
  }
}

/**
 * nn.AdaptiveAvgPool2d(output_size): an int, a pair, or a pair with null (keep that dim).
 * @example
 * new nn.AdaptiveAvgPool2d([1, 1])(x); // global average pooling
 */
export class AdaptiveAvgPool2d extends _AdaptiveAvgPoolNd {
  override forward(input: Tensor): Tensor {
    return adaptive_avg_pool2d(input, this.output_size);
  }
}
