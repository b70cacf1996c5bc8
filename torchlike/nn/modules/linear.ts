// Identity, Linear, Bilinear (torch/nn/modules/linear.py), initialised as PyTorch does.
import { empty } from '../../../src/creation.js';
import type { DType } from '../../../src/dtype.js';
import type { Tensor } from '../../../src/tensor.js';
import { bilinear, linear } from '../functional/linear.js';
import * as init from '../init.js';
import { Parameter } from '../parameter.js';
import { Module, pyBool } from './module.js';

/** { device, dtype } accepted by layer constructors. */
export type FactoryKwargs = { device?: unknown; dtype?: DType | string };

/** Linear/Bilinear's `bias` positional or `{ bias, dtype }` options. */
function layerOpts(bias: boolean | ({ bias?: boolean } & FactoryKwargs) | undefined, opts: FactoryKwargs | undefined): { bias: boolean } & FactoryKwargs {
  return typeof bias === 'object' ? { ...bias, bias: bias.bias ?? true } : { ...opts, bias: bias ?? true };
}

/**
 * Returns its input unchanged (arguments are ignored).
 * @example
 * new nn.Identity()(x) === x; // true
 */
export class Identity extends Module {
  constructor(..._args: unknown[]) {
    super();
  }
  override forward(input: Tensor): Tensor {
    return input;
  }
}

/**
 * y = x·Wᵀ + b. weight [out_features, in_features] ~ kaiming_uniform_(a = √5); bias ~ U(±1/√in_features).
 * @example
 * const fc = new nn.Linear(20, 30);
 * fc(torch.randn(128, 20)).shape; // [128, 30]
 */
export class Linear extends Module {
  in_features: number;
  out_features: number;
  declare weight: Parameter;
  declare bias: Parameter | null;

  constructor(in_features: number, out_features: number, bias?: boolean | ({ bias?: boolean } & FactoryKwargs), opts?: FactoryKwargs) {
    super();
    const o = layerOpts(bias, opts);
    this.in_features = in_features;
    this.out_features = out_features;
    this.weight = new Parameter(empty([out_features, in_features], { dtype: o.dtype }));
    if (o.bias) this.bias = new Parameter(empty([out_features], { dtype: o.dtype }));
    else this.register_parameter('bias', null);
    this.reset_parameters();
  }

  reset_parameters(): void {
    init.kaiming_uniform_(this.weight, Math.sqrt(5));
    if (this.bias) {
      const [fanIn] = init._calculate_fan_in_and_fan_out(this.weight);
      const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      init.uniform_(this.bias, -bound, bound);
    }
  }
  override forward(input: Tensor): Tensor {
    return linear(input, this.weight, this.bias);
  }
  override extra_repr(): string {
    return `in_features=${this.in_features}, out_features=${this.out_features}, bias=${pyBool(this.bias !== null)}`;
  }
}

/**
 * y = x1ᵀ·A·x2 + b, weight [out_features, in1_features, in2_features] and bias ~ U(±1/√in1_features).
 * @example
 * const m = new nn.Bilinear(20, 30, 40);
 * m(torch.randn(128, 20), torch.randn(128, 30)).shape; // [128, 40]
 */
export class Bilinear extends Module {
  in1_features: number;
  in2_features: number;
  out_features: number;
  declare weight: Parameter;
  declare bias: Parameter | null;

  constructor(in1_features: number, in2_features: number, out_features: number, bias?: boolean | ({ bias?: boolean } & FactoryKwargs), opts?: FactoryKwargs) {
    super();
    const o = layerOpts(bias, opts);
    this.in1_features = in1_features;
    this.in2_features = in2_features;
    this.out_features = out_features;
    this.weight = new Parameter(empty([out_features, in1_features, in2_features], { dtype: o.dtype }));
    if (o.bias) this.bias = new Parameter(empty([out_features], { dtype: o.dtype }));
    else this.register_parameter('bias', null);
    this.reset_parameters();
  }

  reset_parameters(): void {
    const bound = 1 / Math.sqrt(this.weight.size(1));
    init.uniform_(this.weight, -bound, bound);
    if (this.bias) init.uniform_(this.bias, -bound, bound);
  }
  override forward(input1: Tensor, input2: Tensor): Tensor {
    return bilinear(input1, input2, this.weight, this.bias);
  }
  override extra_repr(): string {
    return `in1_features=${this.in1_features}, in2_features=${this.in2_features}, out_features=${this.out_features}, bias=${pyBool(this.bias !== null)}`;
  }
}
