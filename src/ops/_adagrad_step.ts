// _adagrad_step: one Adagrad update (torch/optim/adagrad.py, dense single-tensor form) of n
// parameters in one call. Inputs: h = [eps, weight_decay], clr[n] (lr / (1 + (step-1)·lr_decay)),
// grads[n], params[n], sums[n]. Outputs: params', sums'.
import { apply } from '../dispatch.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { at, stepInfer, type StepAttrs } from './_optim_common.js';

export interface AdagradAttrs extends StepAttrs {
  weight_decay: boolean;
  maximize: boolean;
}

const GRADS = 2;

export const AdagradStep = defineOp<AdagradAttrs>({
  name: '_adagrad_step',
  infer: (x, a) => stepInfer(x, GRADS + a.n),
  lower: (g, x, a) => {
    const [h, clr] = x;
    const n = a.n;
    const ps: string[] = [];
    const sums: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = x[GRADS + n + i];
      let grad = x[GRADS + i];
      if (a.maximize) grad = g.op1('Neg', [grad]);
      if (a.weight_decay) grad = g.op1('Add', [grad, g.op1('Mul', [p, at(g, h, 1)])]);
      const s = g.op1('Add', [x[GRADS + 2 * n + i], g.op1('Mul', [grad, grad])]);
      sums.push(s);
      const std = g.op1('Add', [g.op1('Sqrt', [s]), at(g, h, 0)]);
      ps.push(g.op1('Sub', [p, g.op1('Mul', [g.op1('Div', [grad, std]), at(g, clr, i)])]));
    }
    return [...ps, ...sums];
  },
  attrKey: (a) => `${a.n}${a.weight_decay ? 'w' : ''}${a.maximize ? 'x' : ''}`,
});

/**
 * The fused Adagrad update: [params', sums']. Pure.
 * @example
 * _adagrad_step(h, clr, grads, params, sums, { n, weight_decay: false, maximize: false });
 */
export function _adagrad_step(h: Tensor, clr: Tensor, grads: Tensor[], params: Tensor[], sums: Tensor[], a: AdagradAttrs): Tensor[] {
  return apply(AdagradStep, [h, clr, ...grads, ...params, ...sums], a);
}
