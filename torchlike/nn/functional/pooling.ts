// torch.nn.functional: pooling. max pooling is the max_pool_with_indices op; average pooling is a
// composite (a depthwise convolution with a ones kernel, times 1/divisor), so it gets float64
// support and its gradient from the convolution ops; adaptive average pooling is a product with
// constant bin-averaging matrices (PyTorch's bins: start=floor(i·In/Out), end=ceil((i+1)·In/Out)).
import { bind } from '../../../src/args.js';
import { ones, tensor } from '../../../src/creation.js';
import type { DType } from '../../../src/dtype.js';
import { IndexError, RuntimeError } from '../../../src/errors.js';
import { convolution_nd } from '../../../src/ops/convolution.js';
import { matmul } from '../../../src/ops/matmul.js';
import { max_pool_with_indices, poolOutSize } from '../../../src/ops/max_pool.js';
import { mean } from '../../../src/ops/mean.js';
import { mul } from '../../../src/ops/mul.js';
import { reshape } from '../../../src/ops/reshape.js';
import { Tensor as TensorClass, type Tensor } from '../../../src/tensor.js';
import { type IntOrTuple, ntuple } from './conv.js';

/** Brings input to [N, C, ...spatial] (unbatched and 0-batch-dim forms accepted); returns the undo. */
function toBatched(input: Tensor, n: number, err: () => Error): [Tensor, (y: Tensor) => Tensor] {
  const r = input.dim();
  if (r !== n + 1 && r !== n + 2) throw err();
  if (r === n + 2) return [input, (y) => y];
  return [reshape(input, [1, ...input.shape]), (y) => reshape(y, y.shape.slice(1))];
}

type PoolOpts = {
  kernel_size: IntOrTuple;
  stride?: IntOrTuple | null;
  padding?: IntOrTuple;
  dilation?: IntOrTuple;
  ceil_mode?: boolean;
  return_indices?: boolean;
  count_include_pad?: boolean;
  divisor_override?: number | null;
};

function poolArgs(n: number, o: PoolOpts, fname: string) {
  const kernel = ntuple('kernel_size', o.kernel_size, n);
  const stride = o.stride == null || (Array.isArray(o.stride) && o.stride.length === 0) ? kernel : ntuple('stride', o.stride, n);
  const padding = ntuple('padding', o.padding ?? 0, n);
  const dilation = ntuple('dilation', o.dilation ?? 1, n);
  if (stride.some((s) => s === 0)) throw new RuntimeError('stride should not be zero');
  padding.forEach((p, i) => {
    if (p > kernel[i] / 2)
      throw new RuntimeError(
        fname === 'max_pool1d'
          ? `max_pool1d() padding should be at most half of kernel size, but got padding=${p} and kernel_size=${kernel[i]}`
          : `pad should be at most half of kernel size, but got pad=${p} and kernel_size=${kernel[i]}`,
      );
  });
  return { kernel, stride, padding, dilation, ceil_mode: o.ceil_mode ?? false };
}

function checkOutput(x: Tensor, so: number[]): void {
  if (so.some((s) => s <= 0)) {
    const c = x.shape[1];
    throw new RuntimeError(`Given input size: (${[c, ...x.shape.slice(2)].join('x')}). Calculated output size: (${[c, ...so].join('x')}). Output size is too small`);
  }
}

function maxPoolNd(n: number, fname: string, input: Tensor, args: unknown[]): Tensor | [Tensor, Tensor] {
  const o = bind<PoolOpts>(['kernel_size', 'stride', 'padding', 'dilation', 'ceil_mode', 'return_indices'], args);
  const a = poolArgs(n, o, fname);
  const [x, undo] = toBatched(input, n, () =>
    n === 1
      ? new RuntimeError(`max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:[${input.shape.join(', ')}]`)
      : new RuntimeError('non-empty 3D or 4D (batch mode) tensor expected for input'),
  );
  checkOutput(x, a.kernel.map((k, i) => poolOutSize(x.shape[2 + i], k, a.stride[i], a.padding[i], a.dilation[i], a.ceil_mode)));
  const [y, idx] = max_pool_with_indices(x, a);
  return o.return_indices ? [undo(y), undo(idx)] : undo(y);
}

/**
 * F.max_pool1d(input, kernel_size, stride=kernel_size, padding=0, dilation=1, ceil_mode=false, return_indices=false)
 * @example
 * F.max_pool1d(x, 2); const [y, idx] = F.max_pool1d(x, 3, { return_indices: true }) as [Tensor, Tensor];
 */
export function max_pool1d(input: Tensor, ...args: unknown[]): Tensor | any {
  return maxPoolNd(1, 'max_pool1d', input, args);
}

/**
 * F.max_pool2d(input, kernel_size, stride=kernel_size, padding=0, dilation=1, ceil_mode=false,
 * return_indices=false). Indices index each flattened H·W plane, as in PyTorch.
 * @example
 * F.max_pool2d(x, 2); F.max_pool2d(x, 3, { stride: 2, padding: 1, ceil_mode: true });
 */
export function max_pool2d(input: Tensor, ...args: unknown[]): Tensor | any {
  return maxPoolNd(2, 'max_pool2d', input, args);
}

/** 1/divisor of every output position, per PyTorch's avg_pool (windows clipped to input+padding). */
function inverseDivisors(x: Tensor, so: number[], a: ReturnType<typeof poolArgs>, include: boolean, override: number | null | undefined, dtype: DType): Tensor {
  const per = so.map((len, i) => {
    const H = x.shape[2 + i];
    return Array.from({ length: len }, (_, j) => {
      let start = j * a.stride[i] - a.padding[i];
      let end = Math.min(start + a.kernel[i], H + a.padding[i]);
      const size = end - start;
      start = Math.max(start, 0);
      end = Math.min(end, H);
      return include ? size : end - start;
    });
  });
  let d = [1];
  for (const v of per) d = d.flatMap((p) => v.map((q) => p * q));
  return tensor(d.map((v) => 1 / (override ?? v)), { dtype }).reshape(so);
}

function avgPoolNd(n: number, fname: string, input: Tensor, args: unknown[]): Tensor {
  const o = bind<PoolOpts>(['kernel_size', 'stride', 'padding', 'ceil_mode', 'count_include_pad', 'divisor_override'], args);
  const a = poolArgs(n, { ...o, dilation: 1 }, fname);
  if (o.divisor_override === 0) throw new RuntimeError('divisor must be not zero');
  const [x, undo] = toBatched(input, n, () =>
    n === 1
      ? new RuntimeError(`Expected 2 to 3 dimensions, but got ${input.dim()}-dimensional tensor for argument #1 'self' (while checking arguments for avg_pool1d)`)
      : new RuntimeError('non-empty 3D or 4D (batch mode) tensor expected for input'),
  );
  const sp = x.shape.slice(2);
  const so = a.kernel.map((k, i) => poolOutSize(sp[i], k, a.stride[i], a.padding[i], 1, a.ceil_mode));
  checkOutput(x, so);
  // Extra end padding so ceil-mode windows fit; it holds zeros and is never counted.
  const extra = so.map((len, i) => Math.max(0, (len - 1) * a.stride[i] + a.kernel[i] - (sp[i] + 2 * a.padding[i])));
  const [N, C] = x.shape;
  const planes = reshape(x, [N * C, 1, ...sp]);
  const k = ones([1, 1, ...a.kernel], { dtype: x.dtype });
  const sums = convolution_nd(planes, k, null, {
    stride: a.stride, pads: [...a.padding, ...a.padding.map((p, i) => p + extra[i])], dilation: new Array<number>(n).fill(1), groups: 1, kernel: a.kernel,
  });
  const y = mul(sums, inverseDivisors(x, so, a, o.count_include_pad ?? true, o.divisor_override, x.dtype));
  return undo(reshape(y, [N, C, ...so]));
}

/**
 * F.avg_pool1d(input, kernel_size, stride=kernel_size, padding=0, ceil_mode=false, count_include_pad=true)
 * @example
 * F.avg_pool1d(x, 3, { stride: 2, padding: 1, count_include_pad: false });
 */
export function avg_pool1d(input: Tensor, ...args: unknown[]): Tensor {
  return avgPoolNd(1, 'avg_pool1d', input, args);
}

/**
 * F.avg_pool2d(input, kernel_size, stride=kernel_size, padding=0, ceil_mode=false, count_include_pad=true, divisor_override=null)
 * @example
 * F.avg_pool2d(x, 2); F.avg_pool2d(x, 3, { stride: 2, padding: 1, ceil_mode: true, divisor_override: 4 });
 */
export function avg_pool2d(input: Tensor, ...args: unknown[]): Tensor {
  return avgPoolNd(2, 'avg_pool2d', input, args);
}

/** [In, Out] matrix averaging each of PyTorch's adaptive bins. */
function binMatrix(inLen: number, outLen: number, dtype: DType): Tensor {
  const m = new Array<number>(inLen * outLen).fill(0);
  for (let j = 0; j < outLen; j++) {
    const start = Math.floor((j * inLen) / outLen);
    const end = Math.ceil(((j + 1) * inLen) / outLen);
    for (let i = start; i < end; i++) m[i * outLen + j] = 1 / (end - start);
  }
  return tensor(m, { dtype }).reshape([inLen, outLen]);
}

type OutSize = number | null | readonly (number | null)[];

function adaptiveAvgPoolNd(n: number, fname: string, input: Tensor, args: unknown[]): Tensor {
  const o = bind<{ output_size: OutSize }>(['output_size'], args);
  const r = input.dim();
  if (r !== n + 1 && r !== n + 2)
    throw n === 1
      ? new RuntimeError(`Expected 2 to 3 dimensions, but got ${r}-dimensional tensor for argument #1 'self' (while checking arguments for adaptive_avg_pool1d)`)
      : new RuntimeError(`adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got [${input.shape.join(', ')}]`);
  const sp = input.shape.slice(r - n);
  const req = Array.isArray(o.output_size) ? (o.output_size as (number | null)[]) : new Array<number | null>(n).fill(o.output_size as number | null);
  if (req.length !== n) throw new IndexError(`${fname}: output_size must be ${n}`);
  const out = req.map((s, i) => s ?? sp[i]);
  const dims = Array.from({ length: n }, (_, i) => r - n + i);
  if (out.every((s) => s === 1)) return mean(input, dims, true);
  // Bins are separable: average the last dim, then (for 2-D) the one before it.
  let y = input;
  if (out[n - 1] !== sp[n - 1]) y = matmul(y, binMatrix(sp[n - 1], out[n - 1], input.dtype));
  if (n === 2 && out[0] !== sp[0]) y = matmul(binMatrix(sp[0], out[0], input.dtype).t(), y);
  return y;
}

/**
 * F.adaptive_avg_pool1d(input, output_size)
 * @example
 * F.adaptive_avg_pool1d(x, 4);
 */
export function adaptive_avg_pool1d(input: Tensor, ...args: unknown[]): Tensor {
  return adaptiveAvgPoolNd(1, 'adaptive_avg_pool1d', input, args);
}

/**
 * F.adaptive_avg_pool2d(input, output_size): output_size an int, a pair, or a pair with null (keep that dim).
 * @example
 * F.adaptive_avg_pool2d(x, 1); F.adaptive_avg_pool2d(x, [3, 2]);
 */
export function adaptive_avg_pool2d(input: Tensor, ...args: unknown[]): Tensor {
  return adaptiveAvgPoolNd(2, 'adaptive_avg_pool2d', input, args);
}

declare module '../../../src/tensor.js' {
  interface Tensor {
    /** x.max_pool2d(kernel_size, ...): F.max_pool2d(x, ...). */
    max_pool2d(...args: unknown[]): Tensor;
    /** x.max_pool1d(kernel_size, ...): F.max_pool1d(x, ...). */
    max_pool1d(...args: unknown[]): Tensor;
  }
}
TensorClass.prototype.max_pool2d = function (this: Tensor, ...args: unknown[]) {
  return max_pool2d(this, ...args);
};
TensorClass.prototype.max_pool1d = function (this: Tensor, ...args: unknown[]) {
  return max_pool1d(this, ...args);
};
