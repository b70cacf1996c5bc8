// nn.Parameter: a Tensor that a Module registers as a parameter when assigned as an attribute.
import { emptyTensor } from '../../src/creation.js';
import { float32 } from '../../src/dtype.js';
import { Tensor } from '../../src/tensor.js';

/**
 * A tensor that is a module parameter: it shares `data`'s memory and requires grad by default.
 * @example
 * this.scale = new nn.Parameter(torch.ones(3));
 * p instanceof nn.Parameter; // true
 */
export class Parameter extends Tensor {
  constructor(data?: Tensor | null, requires_grad = true) {
    const src = data ?? emptyTensor([0], float32);
    super(src._st, src._shape.slice(), src.dtype);
    this._base = null;
    if (requires_grad) this.requires_grad_(true);
  }

  override toString(): string {
    return 'Parameter containing:\n' + super.toString();
  }
}
