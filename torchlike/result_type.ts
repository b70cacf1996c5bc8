import { type DType, resultType, type ScalarLike } from '../src/dtype.js';
import type { Tensor } from '../src/tensor.js';

/** torch.result_type(tensor1, tensor2): the dtype an arithmetic op on them would give. */
export function result_type(a: Tensor | ScalarLike, b: Tensor | ScalarLike): DType {
  return resultType(a, b);
}
