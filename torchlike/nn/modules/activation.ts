// Activation layers (torch/nn/modules/activation.py): each calls its F function; extra_repr as PyTorch.
import { bind } from '../../../src/args.js';
import { empty } from '../../../src/creation.js';
import type { DType } from '../../../src/dtype.js';
import type { Tensor } from '../../../src/tensor.js';
import * as F from '../functional/activation.js';
import * as init from '../init.js';
import { Parameter } from '../parameter.js';
import type { FactoryKwargs } from './linear.js';
import { Module, pyFloat } from './module.js';

type InplaceArg = boolean | { inplace?: boolean };
const inplaceOf = (a: InplaceArg | undefined): boolean => (typeof a === 'object' ? (a.inplace ?? false) : (a ?? false));

/** Layers whose only option is inplace. */
class InplaceOnly extends Module {
  inplace: boolean;
  constructor(inplace?: InplaceArg) {
    super();
    this.inplace = inplaceOf(inplace);
  }
}

/** ... and that print it (PyTorch's Hardswish and Hardsigmoid do not). */
class InplaceActivation extends InplaceOnly {
  override extra_repr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}

/**
 * max(0, x)
 * @example
 * new nn.ReLU()(x); new nn.ReLU(true);
 */
export class ReLU extends InplaceActivation {
  override forward(input: Tensor): Tensor {
    return F.relu(input, this.inplace);
  }
}
/** SELU: scale·elu(x, alpha) with the self-normalising constants. */
export class SELU extends InplaceActivation {
  override forward(input: Tensor): Tensor {
    return F.selu(input, this.inplace);
  }
}
/** SiLU: x·sigmoid(x). */
export class SiLU extends InplaceActivation {
  override forward(input: Tensor): Tensor {
    return F.silu(input, this.inplace);
  }
}
/** Mish: x·tanh(softplus(x)). */
export class Mish extends InplaceActivation {
  override forward(input: Tensor): Tensor {
    return F.mish(input, this.inplace);
  }
}
/** Hardswish: x·relu6(x + 3)/6. */
export class Hardswish extends InplaceOnly {
  override forward(input: Tensor): Tensor {
    return F.hardswish(input, this.inplace);
  }
}
/** Hardsigmoid: relu6(x + 3)/6. */
export class Hardsigmoid extends InplaceOnly {
  override forward(input: Tensor): Tensor {
    return F.hardsigmoid(input, this.inplace);
  }
}

/**
 * clamp(x, min_val, max_val)
 * @example
 * new nn.Hardtanh(-2, 2)(x);
 */
export class Hardtanh extends Module {
  min_val: number;
  max_val: number;
  inplace: boolean;
  constructor(...args: unknown[]) {
    super();
    const o = bind<{ min_val: number; max_val: number; inplace: boolean }>(['min_val', 'max_val', 'inplace'], args, { min_val: -1, max_val: 1, inplace: false });
    this.min_val = o.min_val;
    this.max_val = o.max_val;
    this.inplace = o.inplace;
  }
  override forward(input: Tensor): Tensor {
    return F.hardtanh(input, this.min_val, this.max_val, this.inplace);
  }
  override extra_repr(): string {
    return `min_val=${pyFloat(this.min_val)}, max_val=${pyFloat(this.max_val)}${this.inplace ? ', inplace=True' : ''}`;
  }
}
/** ReLU6: min(max(0, x), 6). */
export class ReLU6 extends Hardtanh {
  constructor(inplace?: InplaceArg) {
    super(0, 6, inplaceOf(inplace));
  }
  override extra_repr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}

/**
 * x if x ≥ 0 else negative_slope·x
 * @example
 * new nn.LeakyReLU(0.1)(x);
 */
export class LeakyReLU extends Module {
  negative_slope: number;
  inplace: boolean;
  constructor(...args: unknown[]) {
    super();
    const o = bind<{ negative_slope: number; inplace: boolean }>(['negative_slope', 'inplace'], args, { negative_slope: 0.01, inplace: false });
    this.negative_slope = o.negative_slope;
    this.inplace = o.inplace;
  }
  override forward(input: Tensor): Tensor {
    return F.leaky_relu(input, this.negative_slope, this.inplace);
  }
  override extra_repr(): string {
    return `negative_slope=${pyFloat(this.negative_slope)}${this.inplace ? ', inplace=True' : ''}`;
  }
}

/** ELU: x if x > 0 else alpha·(e^x − 1). */
export class ELU extends Module {
  alpha: number;
  inplace: boolean;
  constructor(...args: unknown[]) {
    super();
    const o = bind<{ alpha: number; inplace: boolean }>(['alpha', 'inplace'], args, { alpha: 1, inplace: false });
    this.alpha = o.alpha;
    this.inplace = o.inplace;
  }
  override forward(input: Tensor): Tensor {
    return F.elu(input, this.alpha, this.inplace);
  }
  override extra_repr(): string {
    return `alpha=${pyFloat(this.alpha)}${this.inplace ? ', inplace=True' : ''}`;
  }
}
/** CELU: max(0, x) + min(0, alpha·(e^(x/alpha) − 1)). */
export class CELU extends ELU {
  override forward(input: Tensor): Tensor {
    return F.celu(input, this.alpha, this.inplace);
  }
}

/**
 * GELU, exact or with approximate: 'tanh'.
 * @example
 * new nn.GELU(); new nn.GELU({ approximate: 'tanh' });
 */
export class GELU extends Module {
  approximate: 'none' | 'tanh';
  constructor(approximate: 'none' | 'tanh' | { approximate?: 'none' | 'tanh' } = 'none') {
    super();
    this.approximate = typeof approximate === 'string' ? approximate : (approximate.approximate ?? 'none');
  }
  override forward(input: Tensor): Tensor {
    return F.gelu(input, this.approximate);
  }
  override extra_repr(): string {
    return `approximate='${this.approximate}'`;
  }
}

/** Softplus: log(1 + e^(beta·x))/beta, linear above threshold. */
export class Softplus extends Module {
  beta: number;
  threshold: number;
  constructor(...args: unknown[]) {
    super();
    const o = bind<{ beta: number; threshold: number }>(['beta', 'threshold'], args, { beta: 1, threshold: 20 });
    this.beta = o.beta;
    this.threshold = o.threshold;
  }
  override forward(input: Tensor): Tensor {
    return F.softplus(input, this.beta, this.threshold);
  }
  override extra_repr(): string {
    return `beta=${this.beta}, threshold=${this.threshold}`;
  }
}

/**
 * PReLU: x if x ≥ 0 else a·x with learnt a (one, or one per channel), initialised to `init`.
 * @example
 * new nn.PReLU(); new nn.PReLU(3, 0.1);
 */
export class PReLU extends Module {
  num_parameters: number;
  declare weight: Parameter;
  private readonly initValue: number;
  constructor(...args: unknown[]) {
    super();
    const o = bind<{ num_parameters: number; init: number } & FactoryKwargs>(['num_parameters', 'init'], args, { num_parameters: 1, init: 0.25 });
    this.num_parameters = o.num_parameters;
    this.initValue = o.init;
    this.weight = new Parameter(empty([o.num_parameters], { dtype: o.dtype as DType | undefined }));
    this.reset_parameters();
  }
  reset_parameters(): void {
    init.constant_(this.weight, this.initValue);
  }
  override forward(input: Tensor): Tensor {
    return F.prelu(input, this.weight);
  }
  override extra_repr(): string {
    return `num_parameters=${this.num_parameters}`;
  }
}

/** tanh(x) */
export class Tanh extends Module {
  override forward(input: Tensor): Tensor {
    return F.tanh(input);
  }
}
/** 1 / (1 + e^−x) */
export class Sigmoid extends Module {
  override forward(input: Tensor): Tensor {
    return F.sigmoid(input);
  }
}

/** Softmax-like layers: a dim (null for PyTorch's legacy implicit choice). */
class DimActivation extends Module {
  dim: number | null;
  constructor(dim: number | null | { dim?: number | null } = null) {
    super();
    this.dim = dim !== null && typeof dim === 'object' ? (dim.dim ?? null) : dim;
  }
  override extra_repr(): string {
    return `dim=${this.dim === null ? 'None' : this.dim}`;
  }
}
/**
 * Softmax over dim.
 * @example
 * new nn.Softmax(1)(logits);
 */
export class Softmax extends DimActivation {
  override forward(input: Tensor): Tensor {
    return F.softmax(input, this.dim);
  }
}
/** log(softmax(x)) over dim, computed stably. */
export class LogSoftmax extends DimActivation {
  override forward(input: Tensor): Tensor {
    return F.log_softmax(input, this.dim);
  }
}
/** softmax(−x) over dim. */
export class Softmin extends DimActivation {
  override forward(input: Tensor): Tensor {
    return F.softmin(input, this.dim);
  }
}
