// The `torch` namespace: PyTorch's top-level functions, dtypes and sub-namespaces.
import '../src/autograd/engine.js';

export { Tensor, isTensor } from '../src/tensor.js';
export {
  DType, float32, float64, int32, int64, bool, promote_types, get_default_dtype, set_default_dtype,
  float32 as float, float64 as double, int64 as long, int32 as int,
} from '../src/dtype.js';
export { result_type } from './result_type.js';
import '../src/ops/index.js';
import '../src/format.js';
export * from './functions.js';
export type { TensorOptions } from '../src/creation.js';
export type { IndexItem } from '../src/ops/subscript.js';
export { no_grad, enable_grad, set_grad_enabled, is_grad_enabled } from '../src/autograd/grad_mode.js';
export * as autograd from '../src/autograd/index.js';
export { set_num_threads, get_num_threads } from '../src/ort/runtime.js';
export { RuntimeError, IndexError, ValueError, KeyError, NotImplementedError } from '../src/errors.js';
export { device } from './device.js';
export * as nn from './nn/index.js';
export * as F from './nn/functional/index.js';
export * as optim from './optim/index.js';
export * as utils from './utils/index.js';
export * as onnx from '../export/onnx/index.js';
export { save, load } from '../export/pt/index.js';
export * as safetensors from '../export/safetensors.js';
export * as testing from './testing/index.js';
export * as numpy from '../export/numpy/index.js';
