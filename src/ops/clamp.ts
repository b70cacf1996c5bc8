// clamp: limits each element to [min, max] (torch.clamp, clip, clamp_min, clamp_max, Tensor.clamp, clamp_, clip, clip_).
// min and max may be scalars or tensors (broadcast); all operands are promoted to one dtype.
import { bind } from '../args.js';
import { bool, resultType } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { broadcastInfer, promote, type TensorOrScalar } from './_common.js';
import { inplace } from './_inplace.js';
import { ge } from './ge.js';
import { gt } from './gt.js';
import { le } from './le.js';
import { logical_and } from './logical_and.js';
import { logical_or } from './logical_or.js';
import { lt } from './lt.js';
import { where } from './where.js';

/** Inputs are [x, min?, max?]; the attrs say which bounds are present. */
interface ClampAttrs {
  hasMin: boolean;
  hasMax: boolean;
}

export const Clamp = defineOp<ClampAttrs>({
  name: 'clamp',
  infer: (x) => broadcastInfer(x),
  elementwise: true,
  // min(max(x, lo), hi): NaN in x stays NaN, and max wins when min > max, as in PyTorch.
  lower: (g, [x, ...bounds], a, io) => {
    const isBool = io.inputs[0].dtype === bool;
    let y = x;
    let k = 0;
    if (a.hasMin) y = g.op1(isBool ? 'Or' : 'Max', [y, bounds[k++]]);
    if (a.hasMax) y = g.op1(isBool ? 'And' : 'Min', [y, bounds[k]]);
    return [y];
  },
  attrKey: (a) => (a.hasMin ? 'l' : '') + (a.hasMax ? 'h' : ''),
  // PyTorch's clamp_backward and clamp_backward_min_max: x passes where min <= x <= max.
  grad: (ctx, [gy]) => {
    const { hasMin, hasMax } = ctx.attrs;
    const [x, b1, b2] = ctx.inputs;
    const lo = hasMin ? b1 : null;
    const hi = hasMax ? (hasMin ? b2 : b1) : null;
    const pass = (m: Tensor) => where(m, gy!, 0);
    let gx: Tensor;
    if (lo && hi) gx = pass(logical_and(ge(x, lo), le(x, hi)));
    else gx = lo ? pass(ge(x, lo)) : pass(le(x, hi!));
    const out: (Tensor | null)[] = [ctx.needs[0] ? gx : null];
    if (lo) out.push(ctx.needs[1] ? pass(hi ? logical_and(lt(x, lo), lt(lo, hi)) : lt(x, lo)) : null);
    if (hi) out.push(ctx.needs[out.length] ? pass(lo ? logical_or(gt(x, hi), lt(hi, lo)) : gt(x, hi)) : null);
    return out;
  },
});

type Bound = TensorOrScalar | null | undefined;
type ClampOpts = { min?: Bound; max?: Bound };

/**
 * torch.clamp(input, min?, max?): each element limited to [min, max]; either bound may be
 * omitted (null) but not both. Bounds may be scalars or broadcastable tensors.
 * @example
 * torch.clamp(x, -1, 1); x.clamp({ min: 0 }); x.clamp(null, hi); torch.clip(x, lo, hi);
 */
export function clamp(input: Tensor, ...args: (Bound | ClampOpts)[]): Tensor {
  const o = bind<ClampOpts>(['min', 'max'], args);
  const lo = o.min ?? null;
  const hi = o.max ?? null;
  if (lo === null && hi === null) throw new RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  const parts = [input, ...(lo !== null ? [lo] : []), ...(hi !== null ? [hi] : [])];
  const xs = promote(parts, resultType(...(parts as never[])));
  return apply1(Clamp, xs, { hasMin: lo !== null, hasMax: hi !== null });
}
/** torch.clip: alias of clamp. */
export const clip = clamp;
/** torch.clamp_min(input, min) */
export function clamp_min(input: Tensor, min: TensorOrScalar): Tensor {
  return clamp(input, min, null);
}
/** torch.clamp_max(input, max) */
export function clamp_max(input: Tensor, max: TensorOrScalar): Tensor {
  return clamp(input, null, max);
}

type ClampArg = Bound | ClampOpts;
declare module '../tensor.js' {
  interface Tensor {
    clamp(min?: ClampArg, max?: ClampArg): Tensor;
    clamp_(min?: ClampArg, max?: ClampArg): Tensor;
    clip(min?: ClampArg, max?: ClampArg): Tensor;
    clip_(min?: ClampArg, max?: ClampArg): Tensor;
    clamp_min(min: TensorOrScalar): Tensor;
    clamp_min_(min: TensorOrScalar): Tensor;
    clamp_max(max: TensorOrScalar): Tensor;
    clamp_max_(max: TensorOrScalar): Tensor;
  }
}
Tensor.prototype.clamp = function (this: Tensor, ...args: ClampArg[]) {
  return clamp(this, ...args);
};
Tensor.prototype.clip = Tensor.prototype.clamp;
Tensor.prototype.clamp_ = function (this: Tensor, ...args: ClampArg[]) {
  return inplace(this, () => clamp(this, ...args));
};
Tensor.prototype.clip_ = Tensor.prototype.clamp_;
Tensor.prototype.clamp_min = function (this: Tensor, min: TensorOrScalar) {
  return clamp_min(this, min);
};
Tensor.prototype.clamp_min_ = function (this: Tensor, min: TensorOrScalar) {
  return inplace(this, () => clamp_min(this, min));
};
Tensor.prototype.clamp_max = function (this: Tensor, max: TensorOrScalar) {
  return clamp_max(this, max);
};
Tensor.prototype.clamp_max_ = function (this: Tensor, max: TensorOrScalar) {
  return inplace(this, () => clamp_max(this, max));
};
