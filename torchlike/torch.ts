// The `torch` namespace: PyTorch's top-level functions, dtypes and sub-namespaces.
import '../src/autograd/engine.js';

export { Tensor, isTensor } from '../src/tensor.js';
export {
  DType, float32, float64, int32, int64, bool,
  float32 as float, float64 as double, int64 as long, int32 as int,
  float16, bfloat16, uint8, int8, int16, float16 as half, int16 as short,
} from '../src/dtype.js';
export { finfo, iinfo } from '../src/finfo.js';
import '../src/ops/index.js';
import '../src/format.js';
export * from './functions.js';
import { keywordsMethods } from '../src/args.js';
import { Tensor as TensorClass } from '../src/tensor.js';
import { SIGNATURES } from './signatures.js';
// After every op file added its methods: x.add({ other: y }) is x.add(y) (API.md rule 2).
keywordsMethods(SIGNATURES.Tensor, TensorClass.prototype);
export type { TensorOptions } from '../src/creation.js';
export type { IndexItem } from '../src/ops/subscript.js';
export { RuntimeError, IndexError, ValueError, KeyError, NotImplementedError } from '../src/errors.js';
export { device } from './device.js';
export { Size } from './size.js';
export * as nn from './nn/index.js';
export * as F from './nn/functional/index.js';
export * as optim from './optim/index.js';
export * as utils from './utils/index.js';
export * as safetensors from '../export/safetensors.js';
export * as testing from './testing/index.js';
export * as numpy from '../export/numpy/index.js';
