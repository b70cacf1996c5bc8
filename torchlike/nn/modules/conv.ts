// nn.Conv1d, nn.Conv2d, nn.ConvTranspose1d, nn.ConvTranspose2d (torch/nn/modules/conv.py):
// parameters, PyTorch's default init (kaiming_uniform_(a=√5), bias U(±1/√fan_in)), reprs.
import { bind } from '../../../src/args.js';
import { empty } from '../../../src/creation.js';
import type { DType } from '../../../src/dtype.js';
import { NotImplementedError, ValueError } from '../../../src/errors.js';
import { no_grad } from '../../../src/autograd/grad_mode.js';
import type { Tensor } from '../../../src/tensor.js';
import { conv1d, conv2d, conv_transpose1d, conv_transpose2d, ntuple } from '../functional/conv.js';
import { _calculate_fan_in_and_fan_out, kaiming_uniform_, uniform_ } from '../init.js';
import { Module, Parameter, pyBool } from './module.js';

/** Python's repr of a module hyper-parameter: ints, floats (1e-05), tuples ((3,), (3, 3)), None, booleans, strings. */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return pyBool(v);
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return v.length === 1 ? `(${pyRepr(v[0])},)` : `(${v.map(pyRepr).join(', ')})`;
  return String(v);
}
type IntOrTuple = number | number[];

type ConvOptions = {
  stride?: IntOrTuple;
  padding?: IntOrTuple | 'same' | 'valid';
  output_padding?: IntOrTuple;
  dilation?: IntOrTuple;
  groups?: number;
  bias?: boolean;
  padding_mode?: 'zeros' | 'reflect' | 'replicate' | 'circular';
  device?: unknown;
  dtype?: DType;
};

/** The shared part of Conv*d and ConvTranspose*d (PyTorch's _ConvNd). */
export class _ConvNd extends Module {
  declare in_channels: number;
  declare out_channels: number;
  declare kernel_size: number[];
  declare stride: number[];
  declare padding: number[] | 'same' | 'valid';
  declare dilation: number[];
  declare transposed: boolean;
  declare output_padding: number[];
  declare groups: number;
  declare padding_mode: string;
  declare weight: Parameter;
  declare bias: Parameter | null;

  constructor(n: number, transposed: boolean, in_channels: number, out_channels: number, kernel_size: IntOrTuple, o: ConvOptions) {
    super();
    const groups = o.groups ?? 1;
    if (groups <= 0) throw new ValueError('groups must be a positive integer');
    if (in_channels % groups !== 0) throw new ValueError('in_channels must be divisible by groups');
    if (out_channels % groups !== 0) throw new ValueError('out_channels must be divisible by groups');
    const stride = ntuple('stride', o.stride ?? 1, n);
    const padding = o.padding ?? 0;
    if (typeof padding === 'string') {
      if (padding !== 'same' && padding !== 'valid') throw new ValueError(`Invalid padding string '${padding}', should be one of {'valid', 'same'}`);
      if (padding === 'same' && stride.some((s) => s !== 1)) throw new ValueError("padding='same' is not supported for strided convolutions");
    }
    const mode = o.padding_mode ?? 'zeros';
    if (!['zeros', 'reflect', 'replicate', 'circular'].includes(mode))
      throw new ValueError(`padding_mode must be one of ['zeros', 'reflect', 'replicate', 'circular'], but got padding_mode='${mode}'`);
    if (mode !== 'zeros') throw new NotImplementedError(`padding_mode='${mode}' is not supported yet (only 'zeros')`);
    this.in_channels = in_channels;
    this.out_channels = out_channels;
    this.kernel_size = ntuple('kernel_size', kernel_size, n);
    this.stride = stride;
    this.padding = typeof padding === 'string' ? padding : ntuple('padding', padding, n);
    this.dilation = ntuple('dilation', o.dilation ?? 1, n);
    this.transposed = transposed;
    this.output_padding = ntuple('output_padding', o.output_padding ?? 0, n);
    this.groups = groups;
    this.padding_mode = mode;
    const wshape = transposed ? [in_channels, out_channels / groups, ...this.kernel_size] : [out_channels, in_channels / groups, ...this.kernel_size];
    this.weight = new Parameter(empty(wshape, { dtype: o.dtype }));
    if (o.bias ?? true) this.bias = new Parameter(empty([out_channels], { dtype: o.dtype }));
    else this.register_parameter('bias', null);
    this.reset_parameters();
  }

  /** kaiming_uniform_(weight, a=√5) and bias ~ U(−1/√fan_in, 1/√fan_in), as PyTorch. */
  reset_parameters(): void {
    no_grad(() => {
      kaiming_uniform_(this.weight, { a: Math.sqrt(5) });
      if (this.bias) {
        const [fan_in] = _calculate_fan_in_and_fan_out(this.weight);
        if (fan_in !== 0) {
          const bound = 1 / Math.sqrt(fan_in);
          uniform_(this.bias, -bound, bound);
        }
      }
    });
  }

  override extra_repr(): string {
    const zeros = (v: number[], z: number) => v.every((x) => x === z);
    let s = `${this.in_channels}, ${this.out_channels}, kernel_size=${pyRepr(this.kernel_size)}, stride=${pyRepr(this.stride)}`;
    if (typeof this.padding === 'string' || !zeros(this.padding, 0)) s += `, padding=${pyRepr(this.padding)}`;
    if (!zeros(this.dilation, 1)) s += `, dilation=${pyRepr(this.dilation)}`;
    if (!zeros(this.output_padding, 0)) s += `, output_padding=${pyRepr(this.output_padding)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (this.bias === null) s += ', bias=False';
    if (this.padding_mode !== 'zeros') s += `, padding_mode=${pyRepr(this.padding_mode)}`;
    return s;
  }
}

const convNames = ['stride', 'padding', 'dilation', 'groups', 'bias', 'padding_mode', 'device', 'dtype'];
const convTNames = ['stride', 'padding', 'output_padding', 'groups', 'bias', 'dilation', 'padding_mode', 'device', 'dtype'];

/**
 * nn.Conv1d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=true, padding_mode='zeros')
 * @example
 * const conv = new nn.Conv1d(3, 8, 3, { padding: 'same' }); conv(x); // x [N, 3, L]
 */
export class Conv1d extends _ConvNd {
  constructor(in_channels: number, out_channels: number, kernel_size: IntOrTuple, ...args: unknown[]) {
    super(1, false, in_channels, out_channels, kernel_size, bind<ConvOptions>(convNames, args));
  }
  override forward(input: Tensor): Tensor {
    return conv1d(input, this.weight, this.bias, this.stride, this.padding, this.dilation, this.groups);
  }
}

/**
 * nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=true, padding_mode='zeros')
 * @example
 * const conv = new nn.Conv2d(1, 6, 5, { padding: 2 }); conv(x); // x [N, 1, 28, 28] -> [N, 6, 28, 28]
 */
export class Conv2d extends _ConvNd {
  constructor(in_channels: number, out_channels: number, kernel_size: IntOrTuple, ...args: unknown[]) {
    super(2, false, in_channels, out_channels, kernel_size, bind<ConvOptions>(convNames, args));
  }
  override forward(input: Tensor): Tensor {
    return conv2d(input, this.weight, this.bias, this.stride, this.padding, this.dilation, this.groups);
  }
}

function checkTransposedPadding(o: ConvOptions): ConvOptions {
  if (typeof o.padding === 'string') throw new ValueError(`padding='${o.padding}' is not supported for transposed convolutions`);
  return o;
}

/**
 * nn.ConvTranspose1d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=true, dilation=1)
 * @example
 * new nn.ConvTranspose1d(8, 4, 3, { stride: 2 });
 */
export class ConvTranspose1d extends _ConvNd {
  constructor(in_channels: number, out_channels: number, kernel_size: IntOrTuple, ...args: unknown[]) {
    super(1, true, in_channels, out_channels, kernel_size, checkTransposedPadding(bind<ConvOptions>(convTNames, args)));
  }
  override forward(input: Tensor): Tensor {
    return conv_transpose1d(input, this.weight, this.bias, this.stride, this.padding as number[], this.output_padding, this.groups, this.dilation);
  }
}

/**
 * nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=true, dilation=1)
 * @example
 * const up = new nn.ConvTranspose2d(16, 8, 3, { stride: 2, padding: 1, output_padding: 1 }); up(x); // doubles H and W
 */
export class ConvTranspose2d extends _ConvNd {
  constructor(in_channels: number, out_channels: number, kernel_size: IntOrTuple, ...args: unknown[]) {
    super(2, true, in_channels, out_channels, kernel_size, checkTransposedPadding(bind<ConvOptions>(convTNames, args)));
  }
  override forward(input: Tensor): Tensor {
    return conv_transpose2d(input, this.weight, this.bias, this.stride, this.padding as number[], this.output_padding, this.groups, this.dilation);
  }
}
