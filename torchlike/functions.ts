// torch.* functions: the public names only (op files also export OpDefs and lowering helpers,
// which stay internal). Importing src/ops/index.js registers every op and Tensor method.
export {
  abs, absolute, add, addmm, all, amax, amin, any, argmax, argmin, argwhere, baddbmm, bitwise_not,
  bmm, cat, ceil, celu, chunk, clamp, clamp_max, clamp_min, clip, clone, concat, concatenate, cos,
  count_nonzero, cumsum, div, divide, dot, einsum, elu, embedding, eq, erf, exp, expand, fix,
  flatten, flip, floor, floor_divide, fmod, gather, ge, gelu, ger, greater, greater_equal, gt,
  hardsigmoid, hardswish, hardtanh, index_put, index_select, isfinite, isinf, isnan, le,
  leaky_relu, less, less_equal, linalg, linear, log, log1p, log2, log_softmax, logical_and,
  logical_not, logical_or, logical_xor, logsumexp, lt, masked_fill, masked_select, matmul, max,
  maximum, mean, min, minimum, mish, mm, moveaxis, movedim, mul, mv, narrow, ne, neg, nonzero,
  norm, not_equal, outer, permute, pow, prelu, prod, reciprocal, relu, relu6, remainder, repeat,
  reshape, roll, round, rsqrt, rsub, scatter, scatter_add, select, selu, sigmoid, sign, silu, sin,
  slice_scatter, softmax, softplus, split, split_with_sizes, sqrt, square, squeeze, stack, std,
  std_mean, sub, sum, t, take, tan, tanh, tile, transpose, tril, triu, true_divide, trunc, unbind,
  unflatten, unsqueeze, var, var_mean, where,
} from '../src/ops/index.js';
export {
  arange, empty, empty_like, eye, from_numpy, full, full_like, linspace, ones, ones_like,
  scalar_tensor, tensor, zeros, zeros_like,
} from '../src/creation.js';
export {
  Generator, bernoulli, default_generator, get_rng_state, initial_seed, manual_seed, normal, rand,
  rand_like, randint, randint_like, randn, randn_like, randperm, seed, set_rng_state,
} from '../src/random/index.js';
// PyTorch's alias names of functions defined under their main name.
export { sub as subtract, mul as multiply, neg as negative, transpose as swapaxes } from '../src/ops/index.js';
// Views (src/ops/as_strided.ts, diagonal.ts, tensor_split.ts).
export { as_strided, as_strided_scatter, diagonal, tensor_split } from '../src/ops/index.js';
