// torch.nn.functional: dropout functions. As PyTorch's CPU _dropout_impl: noise =
// empty_like(input).bernoulli_(1 − p) / (1 − p), output = input·noise, so under
// torch.manual_seed the mask is drawn exactly as PyTorch draws it (given random.ts's parity).
import { bind } from '../../../src/args.js';
import { zeros } from '../../../src/creation.js';
import { no_grad } from '../../../src/autograd/grad_mode.js';
import { RuntimeError, ValueError } from '../../../src/errors.js';
import { inplace as writeInplace } from '../../../src/ops/_inplace.js';
import { mul } from '../../../src/ops/mul.js';
import '../../../src/random/index.js';
import type { Tensor } from '../../../src/tensor.js';

type DropoutOpts = { p?: number; training?: boolean; inplace?: boolean };

function dropoutArgs(args: unknown[]): Required<DropoutOpts> {
  const o = bind<Required<DropoutOpts>>(['p', 'training', 'inplace'], args, { p: 0.5, training: true, inplace: false });
  if (o.p < 0 || o.p > 1) throw new ValueError(`dropout probability has to be between 0 and 1, but got ${o.p}`);
  return o;
}

/** input·noise with noise of `noiseShape` (per element, or per channel for feature dropout). */
function applyNoise(input: Tensor, p: number, train: boolean, ip: boolean, noiseShape: number[]): Tensor {
  if (p === 0 || !train || input.numel() === 0) return input;
  const noise = no_grad(() => {
    if (p === 1) return zeros([], { dtype: input.dtype });
    const n = zeros(noiseShape, { dtype: input.dtype }).bernoulli_(1 - p);
    return n.div_(1 - p);
  });
  return ip ? writeInplace(input, () => mul(input, noise)) : mul(input, noise);
}

/**
 * F.dropout(input, p = 0.5, training = true, inplace = false): zeroes elements with probability p
 * and scales the rest by 1/(1 − p).
 * @example
 * F.dropout(x, 0.2, this.training);
 */
export function dropout(input: Tensor, ...args: unknown[]): Tensor {
  const o = dropoutArgs(args);
  return applyNoise(input, o.p, o.training, o.inplace, input.shape);
}

/** PyTorch's feature_dropout: one draw per (N, C) channel. */
function featureDropout(input: Tensor, o: Required<DropoutOpts>): Tensor {
  const s = input.shape;
  return applyNoise(input, o.p, o.training, o.inplace, [s[0], s[1], ...Array<number>(s.length - 2).fill(1)]);
}

const warnedDims = new Set<string>();
function warnOnce(key: string, msg: string): void {
  if (warnedDims.has(key)) return;
  warnedDims.add(key);
  process.emitWarning(msg, 'UserWarning');
}

/** F.dropout1d(input, p, training, inplace): zeroes whole channels of (N, C, L) or (C, L) input. */
export function dropout1d(input: Tensor, ...args: unknown[]): Tensor {
  const o = dropoutArgs(args);
  const d = input.dim();
  if (d !== 2 && d !== 3)
    throw new RuntimeError(`dropout1d: Expected 2D or 3D input, but received a ${d}D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).`);
  if (d === 3) return featureDropout(input, o);
  if (o.inplace) throw new RuntimeError('dropout1d: inplace dropout of unbatched input is not supported here');
  return featureDropout(input.unsqueeze(0), o).squeeze(0);
}

/** F.dropout2d(input, p, training, inplace): zeroes whole channels of (N, C, H, W) input. */
export function dropout2d(input: Tensor, ...args: unknown[]): Tensor {
  const o = dropoutArgs(args);
  const d = input.dim();
  if (d !== 3 && d !== 4)
    warnOnce(
      'd2',
      `dropout2d: Received a ${d}-D input to dropout2d, which is deprecated and will result in an error in a future release. To retain the behavior and silence this warning, please use dropout instead. Note that dropout2d exists to provide channel-wise dropout on inputs with 2 spatial dimensions, a channel dimension, and an optional batch dimension (i.e. 3D or 4D inputs).`,
    );
  if (d === 3)
    warnOnce(
      'd2_3',
      'dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout behavior is desired - input is interpreted as shape (N, C, L), where C is the channel dim. This behavior will change in a future release to interpret the input as one without a batch dimension, i.e. shape (C, H, W). To maintain the 1D channel-wise dropout behavior, please switch to using dropout1d instead.',
    );
  return featureDropout(input, o);
}

/** F.dropout3d(input, p, training, inplace): zeroes whole channels of (N, C, D, H, W) or (C, D, H, W) input. */
export function dropout3d(input: Tensor, ...args: unknown[]): Tensor {
  const o = dropoutArgs(args);
  const d = input.dim();
  if (d === 4) {
    if (o.inplace) throw new RuntimeError('dropout3d: inplace dropout of unbatched input is not supported here');
    return featureDropout(input.unsqueeze(0), o).squeeze(0);
  }
  return featureDropout(input, o);
}
