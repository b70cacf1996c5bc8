// round: to the nearest integer, halves to even, or to `decimals` decimal places (torch.round, Tensor.round, round_).
import { bind } from '../args.js';
import { bool } from '../dtype.js';
import { zeros_like } from '../creation.js';
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { checkInt, sameInfer } from './_common.js';
import { inplace } from './_inplace.js';

export const Round = defineOp<{ decimals: number }>({
  name: 'round',
  infer: sameInfer,
  elementwise: true,
  lower: (g, [x], { decimals }, io) => {
    const dt = io.inputs[0].dtype;
    if (dt.isInt) return [g.op1('Identity', [x])];
    if (decimals === 0) return [g.op1('Round', [x])];
    // PyTorch: nearbyint(x * 10^d) / 10^d, or nearbyint(x / 10^-d) * 10^-d for negative d.
    const p = g.scalar(dt, 10 ** Math.abs(decimals));
    return decimals > 0
      ? [g.op1('Div', [g.op1('Round', [g.op1('Mul', [x, p])]), p])]
      : [g.op1('Mul', [g.op1('Round', [g.op1('Div', [x, p])]), p])];
  },
  attrKey: (a) => String(a.decimals),
  saves: { inputs: [] },
  // Piecewise constant: zero gradient, as PyTorch.
  grad: (_ctx, [gy]) => [zeros_like(gy!)],
});

type RoundOpts = { decimals?: number };

/**
 * torch.round(input, { decimals }): nearest integer (halves to even), or nearest multiple of 10^-decimals.
 * @example
 * torch.round(torch.tensor([0.5, 1.5, 2.5])); // tensor([0., 2., 2.])
 * x.round({ decimals: 2 });
 */
export function round(input: Tensor, ...args: (number | RoundOpts | undefined)[]): Tensor {
  const decimals = checkInt('decimals', bind<RoundOpts>(['decimals'], args).decimals ?? 0);
  if (input.dtype === bool) throw new RuntimeError(`"round_vml_cpu" not implemented for 'Bool'`);
  if (decimals !== 0 && input.dtype.isInt) throw new RuntimeError(`"round_cpu" not implemented for '${input.dtype.scalarName}'`);
  return apply1(Round, [input], { decimals });
}

declare module '../tensor.js' {
  interface Tensor {
    round(opts?: number | RoundOpts): Tensor;
    round_(opts?: number | RoundOpts): Tensor;
  }
}
Tensor.prototype.round = function (this: Tensor, opts?: number | RoundOpts) {
  return round(this, opts);
};
Tensor.prototype.round_ = function (this: Tensor, opts?: number | RoundOpts) {
  return inplace(this, () => round(this, opts));
};
