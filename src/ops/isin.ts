// isin: whether each element of `elements` occurs in `test_elements` (bool, shaped like elements),
// as torch.isin. A composite of public ops: elements compared against every test element
// (memory elements × test_elements), operands promoted to a common dtype as in PyTorch.
import { bind } from '../args.js';
import { resultType } from '../dtype.js';
import { Tensor } from '../tensor.js';
import { promote, type TensorOrScalar } from './_common.js';
import { any } from './any.js';
import { eq } from './eq.js';
import { logical_not } from './logical_not.js';
import { reshape } from './reshape.js';

type IsinOpts = { assume_unique?: boolean; invert?: boolean };

/**
 * torch.isin(elements, test_elements, { assume_unique, invert }): true where an element of
 * elements is in test_elements (invert: where it is not). Either may be a scalar.
 * @example
 * torch.isin(torch.tensor([1, 2, 3]), torch.tensor([2, 5])); // [false, true, false]
 */
export function isin(elements: TensorOrScalar, test_elements: TensorOrScalar, opts?: IsinOpts): Tensor {
  const o = bind<IsinOpts>([], opts ? [opts] : []);
  const [e, t] = promote([elements, test_elements], resultType(...([elements, test_elements] as never[])));
  const hit = any(eq(reshape(e, [...e._shape, 1]), reshape(t, [-1])), -1);
  return o.invert ? logical_not(hit) : hit;
}
