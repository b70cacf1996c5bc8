// Public creation functions (torch.rand, randn, randint, randperm, the *_like variants, normal,
// bernoulli): size/option parsing here, the draws in ./distributions.js.
import { isOpts, sizeArgs } from '../args.js';
import { type DType, get_default_dtype, int64, toDType } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { broadcastShapes } from '../shape.js';
import { Tensor } from '../tensor.js';
import { emptyTensor, finish, type TensorOptions } from '../creation.js';
import { no_grad } from '../autograd/grad_mode.js';
import { add } from '../ops/add.js';
import { mul } from '../ops/mul.js';
import { gen, type Generator } from './generator.js';
import { bernoulliWrite, normalWrite, randomFromToWrite, randpermFill, store, uniformWrite } from './distributions.js';

export interface RandomOptions extends TensorOptions {
  generator?: Generator;
}
type SizeArgs = (number | number[] | RandomOptions)[];

function creation(args: SizeArgs, fill: (t: Tensor, g: Generator) => void): Tensor {
  const { size, opts } = sizeArgs(args);
  const t = emptyTensor(size, toDType(opts.dtype, get_default_dtype()));
  fill(t, gen(opts));
  return finish(t, opts);
}

/**
 * torch.rand(*size, { generator, dtype, requires_grad }): uniform on [0, 1), PyTorch's exact stream.
 * @example
 * torch.manual_seed(0);
 * torch.rand(2, 3);
 */
export function rand(...args: SizeArgs): Tensor {
  return creation(args, (t, g) => uniformWrite(t, 0, 1, g));
}

/**
 * torch.randn(*size, { generator, dtype, requires_grad }): standard normal, PyTorch's exact stream.
 * @example
 * torch.manual_seed(0);
 * torch.randn(3); // tensor([ 1.5410, -0.2934, -2.1788])
 */
export function randn(...args: SizeArgs): Tensor {
  return creation(args, (t, g) => normalWrite(t, 0, 1, g));
}

/**
 * torch.randint(low = 0, high, size, { generator, dtype = int64, requires_grad }).
 * @example
 * torch.manual_seed(0);
 * torch.randint(10, [5]); torch.randint(3, 10, [2, 2]);
 */
export function randint(...args: (number | number[] | RandomOptions)[]): Tensor {
  let opts: RandomOptions = {};
  if (args.length && isOpts(args[args.length - 1])) opts = args.pop() as RandomOptions;
  const nums = args.filter((a) => typeof a === 'number') as number[];
  const size = (args.find((a) => Array.isArray(a)) as number[] | undefined) ?? (opts as { size?: number[] }).size;
  const o = opts as RandomOptions & { low?: number; high?: number };
  const [low, high] = nums.length >= 2 ? [nums[0], nums[1]] : nums.length === 1 ? [o.low ?? 0, nums[0]] : [o.low ?? 0, o.high as number];
  if (!size) throw new TypeError('randint() missing required argument: size');
  const t = emptyTensor(sizeArgs([size]).size, toDType(opts.dtype, int64));
  randomFromToWrite(t, low, high, gen(opts));
  return finish(t, opts);
}

/**
 * torch.randperm(n, { generator, dtype = int64 }): PyTorch's CPU Fisher-Yates, same permutation.
 * @example
 * torch.manual_seed(0);
 * torch.randperm(5);
 */
export function randperm(n: number, opts: RandomOptions = {}): Tensor {
  if (!(n >= 0)) throw new RuntimeError(`Trying to create tensor with negative dimension ${n}: [${n}]`);
  const dtype = toDType(opts.dtype, int64);
  const g = gen(opts);
  const p = randpermFill(n, g);
  const t = emptyTensor([n], dtype);
  store(t, (i) => p[i]);
  return finish(t, opts);
}

type Like = { dtype: DType; shape: readonly number[] };
const likeArgs = (x: Like, o: RandomOptions): SizeArgs => [[...x.shape], { ...o, dtype: toDType(o.dtype, x.dtype) }];

/** torch.rand_like(input, { dtype, requires_grad }) */
export function rand_like(input: Like, opts: RandomOptions = {}): Tensor {
  return rand(...likeArgs(input, opts));
}
/** torch.randn_like(input, { dtype, requires_grad }) */
export function randn_like(input: Like, opts: RandomOptions = {}): Tensor {
  return randn(...likeArgs(input, opts));
}
/** torch.randint_like(input, low = 0, high, { dtype }) */
export function randint_like(input: Like, ...args: (number | RandomOptions)[]): Tensor {
  let opts: RandomOptions = {};
  if (args.length && isOpts(args[args.length - 1])) opts = args.pop() as RandomOptions;
  const nums = args as number[];
  return randint(...(nums.length === 1 ? [0, nums[0]] : nums), [...input.shape], { ...opts, dtype: toDType(opts.dtype, input.dtype) });
}

/**
 * torch.normal(mean, std, size?, { generator, dtype }): numbers with a size, or tensors (broadcast)
 * filled as PyTorch does: standard normals, then `* std + mean`.
 * @example
 * torch.normal(2, 3, [4]);
 * torch.normal(torch.zeros(3), torch.ones(3));
 */
export function normal(mean: number | Tensor, std: number | Tensor = 1, ...rest: (number[] | RandomOptions)[]): Tensor {
  const size = rest.find((a) => Array.isArray(a)) as number[] | undefined;
  const opts = (rest.find((a) => isOpts(a)) ?? {}) as RandomOptions;
  if (typeof mean === 'number' && typeof std === 'number') {
    if (!size) throw new TypeError('normal() received an invalid combination of arguments: a size is needed when mean and std are numbers');
    const t = emptyTensor(sizeArgs([size]).size, toDType(opts.dtype, get_default_dtype()));
    normalWrite(t, mean, std, gen(opts));
    return finish(t, opts);
  }
  const ref = (mean instanceof Tensor ? mean : std) as Tensor;
  if (std instanceof Tensor && std.dtype.is_floating_point) {
    const s = std._data as Float64Array;
    for (let i = 0; i < s.length; i++) if (!(s[i] >= 0)) throw new RuntimeError('normal expects all elements of std >= 0.0');
  } else if (typeof std === 'number' && !(std >= 0)) throw new RuntimeError(`normal expects std >= 0.0, but found std ${std}`);
  const shape = mean instanceof Tensor && std instanceof Tensor ? broadcastShapes(mean.shape, std.shape) : ref.shape;
  const out = emptyTensor(shape, ref.dtype);
  normalWrite(out, 0, 1, gen(opts));
  return no_grad(() => add(mul(out, std), mean)) as Tensor;
}

/** torch.bernoulli(input, p?, { generator }): 1 with probability `input` (or `p`) per element. */
export function bernoulli(input: Tensor, p?: number | RandomOptions, opts: RandomOptions = {}): Tensor {
  if (isOpts(p)) [opts, p] = [p as RandomOptions, undefined];
  const out = emptyTensor(input.shape, input.dtype);
  bernoulliWrite(out, (p as number | undefined) ?? input, gen(opts));
  return out;
}
