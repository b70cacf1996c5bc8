// torch.nn.functional: convolutions. Argument checking and normalisation (PyTorch's errors,
// int-or-tuple arguments, 'same'/'valid' padding, unbatched input), then the primitives
// src/ops/convolution.ts and src/ops/conv_transpose.ts.
import { bind } from '../../../src/args.js';
import { RuntimeError } from '../../../src/errors.js';
import { convolution_nd } from '../../../src/ops/convolution.js';
import { conv_transpose_nd } from '../../../src/ops/conv_transpose.js';
import { reshape } from '../../../src/ops/reshape.js';
import type { Tensor } from '../../../src/tensor.js';

export type IntOrTuple = number | readonly number[];
const sz = (s: readonly number[]): string => `[${s.join(', ')}]`;

/** An int or a tuple of n ints (PyTorch's _single/_pair), with PyTorch's error for a wrong length. */
export function ntuple(name: string, v: IntOrTuple, n: number): number[] {
  if (typeof v === 'number') return new Array<number>(n).fill(v);
  if (v.length === 1 && n > 1) return new Array<number>(n).fill(v[0]);
  if (v.length !== n)
    throw new RuntimeError(`expected ${name} to be a single integer value or a list of ${n} values to match the convolution dimensions, but got ${name}=${sz(v)}`);
  return v.slice();
}

/** Adds a batch dim to unbatched input (rank n+1), checking the rank like PyTorch. */
export function batchify(input: Tensor, n: number, fname: string): [Tensor, boolean] {
  const r = input.dim();
  if (r !== n + 1 && r !== n + 2)
    throw new RuntimeError(`Expected ${n + 1}D (unbatched) or ${n + 2}D (batched) input to ${fname}, but got input of size: ${sz(input.shape)}`);
  return r === n + 1 ? [reshape(input, [1, ...input.shape]), true] : [input, false];
}

const unbatch = (y: Tensor, was: boolean): Tensor => (was ? reshape(y, y.shape.slice(1)) : y);

type ConvOpts = {
  bias?: Tensor | null;
  stride?: IntOrTuple;
  padding?: IntOrTuple | 'same' | 'valid';
  dilation?: IntOrTuple;
  groups?: number;
};

function checkWeight(x: Tensor, weight: Tensor, groups: number, n: number, transposed: boolean): void {
  if (weight.dim() !== n + 2)
    throw new RuntimeError(`Expected ${n + 2}-dimensional input for ${n + 2}-dimensional weight ${sz(weight.shape)}, but got ${weight.dim()}-dimensional input of size ${sz(x.shape)} instead`);
  const ws = weight.shape;
  if (!transposed && ws[0] % groups !== 0)
    throw new RuntimeError(`Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got weight of size [${sz(ws)}] instead`);
  const want = transposed ? ws[0] : ws[1] * groups;
  if (x.shape[1] !== want)
    throw new RuntimeError(
      transposed
        ? `Given transposed=1, weight of size ${sz(ws)}, expected input${sz(x.shape)} to have ${want} channels, but got ${x.shape[1]} channels instead`
        : `Given groups=${groups}, weight of size ${sz(ws)}, expected input${sz(x.shape)} to have ${want} channels, but got ${x.shape[1]} channels instead`,
    );
}

function checkBias(bias: Tensor | null | undefined, out: number): void {
  if (bias && (bias.dim() !== 1 || bias.shape[0] !== out))
    throw new RuntimeError(`Given weight of size ${out}, expected bias to be 1-dimensional with ${out} elements, but got bias of size ${sz(bias.shape)} instead`);
}

function convNd(n: number, fname: string, input: Tensor, weight: Tensor, args: unknown[]): Tensor {
  const o = bind<ConvOpts>(['bias', 'stride', 'padding', 'dilation', 'groups'], args);
  const stride = ntuple('stride', o.stride ?? 1, n);
  const dilation = ntuple('dilation', o.dilation ?? 1, n);
  const groups = o.groups ?? 1;
  const [x, unb] = batchify(input, n, fname);
  checkWeight(x, weight, groups, n, false);
  checkBias(o.bias, weight.shape[0]);
  const kernel = weight.shape.slice(2);
  let pads: number[];
  const p = o.padding ?? 0;
  if (p === 'valid') pads = new Array<number>(2 * n).fill(0);
  else if (p === 'same') {
    if (stride.some((s) => s !== 1)) throw new RuntimeError("padding='same' is not supported for strided convolutions");
    // Total d*(k-1); PyTorch puts the odd extra element at the end.
    const tot = kernel.map((k, i) => dilation[i] * (k - 1));
    pads = [...tot.map((t) => Math.floor(t / 2)), ...tot.map((t) => t - Math.floor(t / 2))];
  } else if (typeof p === 'string') throw new RuntimeError(`Invalid padding string: '${p}'`);
  else {
    const pp = ntuple('padding', p, n);
    pads = [...pp, ...pp];
  }
  const padded = kernel.map((_, i) => x.shape[2 + i] + pads[i] + pads[n + i]);
  const ext = kernel.map((k, i) => dilation[i] * (k - 1) + 1);
  if (padded.some((s, i) => s < ext[i]))
    throw new RuntimeError(
      `Calculated padded input size per channel: (${padded.join(' x ')}). Kernel size: (${ext.join(' x ')}). Kernel size can't be greater than actual input size`,
    );
  return unbatch(convolution_nd(x, weight, o.bias ?? null, { stride, pads, dilation, groups, kernel }), unb);
}

/**
 * F.conv1d(input, weight, bias?, stride=1, padding=0, dilation=1, groups=1): input [N, C, L] or [C, L].
 * @example
 * F.conv1d(x, w, b, { padding: 'same' });
 */
export function conv1d(input: Tensor, weight: Tensor, ...args: unknown[]): Tensor {
  return convNd(1, 'conv1d', input, weight, args);
}

/**
 * F.conv2d(input, weight, bias?, stride=1, padding=0, dilation=1, groups=1): input [N, C, H, W] or
 * [C, H, W]; padding an int, a pair, 'valid' or 'same'.
 * @example
 * F.conv2d(x, w, b, { stride: 2, padding: 1 }); F.conv2d(x, w, null, 1, 'same');
 */
export function conv2d(input: Tensor, weight: Tensor, ...args: unknown[]): Tensor {
  return convNd(2, 'conv2d', input, weight, args);
}

type ConvTOpts = {
  bias?: Tensor | null;
  stride?: IntOrTuple;
  padding?: IntOrTuple;
  output_padding?: IntOrTuple;
  groups?: number;
  dilation?: IntOrTuple;
};

function convTransposeNd(n: number, fname: string, input: Tensor, weight: Tensor, args: unknown[]): Tensor {
  const o = bind<ConvTOpts>(['bias', 'stride', 'padding', 'output_padding', 'groups', 'dilation'], args);
  const stride = ntuple('stride', o.stride ?? 1, n);
  const dilation = ntuple('dilation', o.dilation ?? 1, n);
  const pp = ntuple('padding', o.padding ?? 0, n);
  const op = ntuple('output_padding', o.output_padding ?? 0, n);
  const groups = o.groups ?? 1;
  const [x, unb] = batchify(input, n, fname);
  checkWeight(x, weight, groups, n, true);
  checkBias(o.bias, weight.shape[1] * groups);
  if (op.some((v, i) => v >= stride[i] && v >= dilation[i])) {
    const names = n === 1 ? [''] : ['_height', '_width', '_depth'].slice(0, n);
    const part = (what: string, v: number[]) => names.map((s, i) => `${what}${s}: ${v[i]}`).join(' ');
    throw new RuntimeError(`output padding must be smaller than either stride or dilation, but got ${part('output_padding', op)} ${part('stride', stride)} ${part('dilation', dilation)}`);
  }
  const kernel = weight.shape.slice(2);
  return unbatch(conv_transpose_nd(x, weight, o.bias ?? null, { stride, pads: [...pp, ...pp], output_padding: op, dilation, groups, kernel }), unb);
}

/**
 * F.conv_transpose1d(input, weight, bias?, stride=1, padding=0, output_padding=0, groups=1, dilation=1)
 * @example
 * F.conv_transpose1d(x, w, null, { stride: 2 });
 */
export function conv_transpose1d(input: Tensor, weight: Tensor, ...args: unknown[]): Tensor {
  return convTransposeNd(1, 'conv_transpose1d', input, weight, args);
}

/**
 * F.conv_transpose2d(input, weight, bias?, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
 * weight [C_in, C_out/groups, kH, kW].
 * @example
 * F.conv_transpose2d(x, w, b, { stride: 2, padding: 1, output_padding: 1 });
 */
export function conv_transpose2d(input: Tensor, weight: Tensor, ...args: unknown[]): Tensor {
  return convTransposeNd(2, 'conv_transpose2d', input, weight, args);
}
