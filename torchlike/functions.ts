// torch.* functions: the public names only (op files also export OpDefs and lowering helpers,
// which stay internal). Importing src/ops/index.js registers every op and Tensor method.
// Every function goes through keywordsAll so that positional parameters may be given by keyword.
import { keywordsAll } from '../src/args.js';
import * as autogradRaw from '../src/autograd/index.js';
import * as gradMode from '../src/autograd/grad_mode.js';
import * as creation from '../src/creation.js';
import * as dtypes from '../src/dtype.js';
import * as runtime from '../src/ort/runtime.js';
import * as onnxRaw from '../export/onnx/index.js';
import * as pt from '../export/pt/index.js';
import * as cudaRaw from './cuda.js';
import { result_type as resultType } from './result_type.js';
import * as ops from '../src/ops/index.js';
import * as random from '../src/random/index.js';
import { SIGNATURES } from './signatures.js';

const fns = keywordsAll(SIGNATURES.torch, {
  ...ops, ...creation, ...random, ...gradMode, ...runtime, ...pt, result_type: resultType,
  promote_types: dtypes.promote_types, can_cast: dtypes.can_cast, get_default_dtype: dtypes.get_default_dtype, set_default_dtype: dtypes.set_default_dtype,
});
export const {
  promote_types, can_cast, get_default_dtype, set_default_dtype, result_type, no_grad, enable_grad, set_grad_enabled, is_grad_enabled,
  set_num_threads, get_num_threads, save, load,
} = fns;
export const autograd = keywordsAll(SIGNATURES.autograd, autogradRaw);
export const linalg = keywordsAll(SIGNATURES.linalg, { ...ops.linalg, ...ops.linalgFns });
export const onnx = keywordsAll(SIGNATURES.onnx, onnxRaw);
export const cuda = keywordsAll(SIGNATURES.cuda, cudaRaw);

export const {
  abs, absolute, add, addmm, all, amax, amin, any, argmax, argmin, argwhere, baddbmm, bitwise_not, bmm, cat, ceil, celu, chunk, clamp, clamp_max, clamp_min, clip, clone, concat, concatenate, cos, count_nonzero, cumsum, div, divide, dot, einsum, elu, embedding, eq, erf, exp, expand, fix, flatten, flip, floor, floor_divide, fmod, gather, ge, gelu, ger, greater, greater_equal, gt, hardsigmoid, hardswish, hardtanh, index_put, index_select, isfinite, isinf, isnan, le, leaky_relu, less, less_equal, linear, log, log1p, log2, log_softmax, logical_and, logical_not, logical_or, logical_xor, logsumexp, lt, masked_fill, masked_select, matmul, max, maximum, mean, min, minimum, mish, mm, moveaxis, movedim, mul, mv, narrow, ne, neg, nonzero, norm, not_equal, outer, permute, pow, prelu, prod, reciprocal, relu, relu6, remainder, repeat, reshape, roll, round, rsqrt, rsub, scatter, scatter_add, select, selu, sigmoid, sign, silu, sin, slice_scatter, softmax, softplus, split, split_with_sizes, sqrt, square, squeeze, stack, std, std_mean, sub, sum, t, take, tan, tanh, tile, transpose, tril, triu, true_divide, trunc, unbind, unflatten, unsqueeze, var_mean, where,
} = fns;
const { var: var_ } = fns;
// `var` is a reserved word: no binding may have the name, an export may.
export { var_ as var };
export const {
  arange, empty, empty_like, eye, from_numpy, full, full_like, linspace, ones, ones_like, scalar_tensor, tensor, zeros, zeros_like,
} = fns;
export const {
  bernoulli, default_generator, get_rng_state, initial_seed, manual_seed, normal, rand, rand_like, randint, randint_like, randn, randn_like, randperm, seed, set_rng_state,
} = fns;
export { Generator } from '../src/random/index.js';
// Views (src/ops/as_strided.ts, diagonal.ts, tensor_split.ts).
export const { as_strided, as_strided_scatter, diagonal, tensor_split } = fns;
// PyTorch's alias names of functions defined under their main name (keywords of the alias's own signature).
const aliases = keywordsAll(SIGNATURES.torch, { subtract: ops.sub, multiply: ops.mul, negative: ops.neg, swapaxes: ops.transpose });
export const { subtract, multiply, negative, swapaxes } = aliases;
// Products and distances (src/ops/_group_products.ts).
export const { tensordot, inner, kron, vdot, addmv, addr, addbmm, cross, cdist, dist, pdist, pairwise_distance, cosine_similarity, chain_matmul } = fns;
// Random sampling (src/random/multinomial.ts).
export const { multinomial } = fns;
// Sorting, selection and comparison (src/ops/_group_sorting.ts).
export const { sort, argsort, msort, topk, equal, isclose, allclose, isposinf, isneginf, isreal, kthvalue, isin, unique, unique_consecutive, quantile, nanquantile } = fns;
// Building and joining (issue 8, item 3: src/ops/_group_build.ts).
export const {
  atleast_1d, atleast_2d, atleast_3d, broadcast_shapes, broadcast_tensors, broadcast_to, column_stack, diag, diag_embed, diagflat, dsplit, dstack, hsplit, hstack,
  index_add, index_copy, index_fill, meshgrid, repeat_interleave, row_stack, take_along_dim, trace, vsplit, vstack,
  block_diag, cartesian_prod, fliplr, flipud, rot90, select_scatter, tril_indices, triu_indices, vander,
} = fns;
// Scans and statistics (src/ops/_group_scans.ts).
export const { cumprod, cummax, cummin, logcumsumexp, nansum, nanmean, aminmax, diff, trapezoid, trapz, cumulative_trapezoid, cov, corrcoef, searchsorted, bucketize, histc, bincount } = fns;
// Elementwise math (emath group: src/ops/_group_emath.ts).
export const {
  acos, acosh, arccos, arccosh, arcsin, arcsinh, arctan, arctan2, arctanh, asin, asinh, atan, atan2, atanh, cosh, exp2, expm1, log10, sinh,
} = fns;
export const {
  addcdiv, addcmul, copysign, deg2rad, float_power, fmax, fmin, frac, heaviside, hypot, lerp, logaddexp, logaddexp2, nan_to_num, rad2deg, signbit, xlogy,
} = fns;
