// _adadelta_step: one Adadelta update (torch/optim/adadelta.py, single-tensor form) of n
// parameters in one call. Inputs: h = [lr, rho, 1 - rho, eps, weight_decay], grads[n], params[n],
// square_avgs[n], acc_deltas[n]. Outputs: params', square_avgs', acc_deltas'.
import { apply } from '../dispatch.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { at, axpby, stepInfer, type StepAttrs } from './_optim_common.js';

export interface AdadeltaAttrs extends StepAttrs {
  weight_decay: boolean;
  maximize: boolean;
}

const GRADS = 1;

export const AdadeltaStep = defineOp<AdadeltaAttrs>({
  name: '_adadelta_step',
  infer: (x, a) => stepInfer(x, GRADS + a.n),
  lower: (g, x, a) => {
    const h = x[0];
    const n = a.n;
    const slot = (k: number, i: number) => x[GRADS + k * n + i];
    const out: string[][] = [[], [], []];
    for (let i = 0; i < n; i++) {
      const p = slot(1, i);
      let grad = slot(0, i);
      if (a.maximize) grad = g.op1('Neg', [grad]);
      if (a.weight_decay) grad = g.op1('Add', [grad, g.op1('Mul', [p, at(g, h, 4)])]);
      const eps = at(g, h, 3);
      const sq = axpby(g, at(g, h, 1), slot(2, i), at(g, h, 2), g.op1('Mul', [grad, grad]));
      const std = g.op1('Sqrt', [g.op1('Add', [sq, eps])]);
      const delta = g.op1('Mul', [g.op1('Div', [g.op1('Sqrt', [g.op1('Add', [slot(3, i), eps])]), std]), grad]);
      const acc = axpby(g, at(g, h, 1), slot(3, i), at(g, h, 2), g.op1('Mul', [delta, delta]));
      out[0].push(g.op1('Sub', [p, g.op1('Mul', [delta, at(g, h, 0)])]));
      out[1].push(sq);
      out[2].push(acc);
    }
    return out.flat();
  },
  attrKey: (a) => `${a.n}${a.weight_decay ? 'w' : ''}${a.maximize ? 'x' : ''}`,
});

/**
 * The fused Adadelta update: [params', square_avgs', acc_deltas']. Pure.
 * @example
 * _adadelta_step(h, grads, params, [sq, acc], { n, weight_decay: false, maximize: false });
 */
export function _adadelta_step(h: Tensor, grads: Tensor[], params: Tensor[], states: Tensor[][], a: AdadeltaAttrs): Tensor[] {
  return apply(AdadeltaStep, [h, ...grads, ...params, ...states.flat()], a);
}
