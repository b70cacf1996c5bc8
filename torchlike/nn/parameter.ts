// nn.Parameter: a Tensor that a Module registers as a parameter when assigned as an attribute.
import { bind } from '../../src/args.js';
import { emptyTensor } from '../../src/creation.js';
import { float32 } from '../../src/dtype.js';
import { Tensor } from '../../src/tensor.js';

/**
 * nn.Parameter(data=None, requires_grad=True): a tensor that is a module parameter. It shares
 * `data`'s memory and requires grad unless `requires_grad` is false.
 * @example
 * this.scale = new nn.Parameter(torch.ones(3));
 * const frozen = new nn.Parameter(torch.ones(3), { requires_grad: false });
 * p instanceof nn.Parameter; // true
 */
export class Parameter extends Tensor {
  constructor(...args: [data?: Tensor | null | { data?: Tensor | null; requires_grad?: boolean }, requires_grad?: boolean | { requires_grad?: boolean }]) {
    const o = bind<{ data?: Tensor | null; requires_grad?: boolean }>(['data', 'requires_grad'], args, { requires_grad: true });
    const src = o.data ?? emptyTensor([0], float32);
    super(src._st, src._shape.slice(), src.dtype, src._strides, src._offset);
    this._vc = src._vc;
    this._base = null;
    if (o.requires_grad) this.requires_grad_(true);
  }

  override toString(): string {
    return 'Parameter containing:\n' + super.toString();
  }
}
