// _rmsprop_step: one RMSprop update (torch/optim/rmsprop.py, single-tensor form) of n parameters in
// one call. Inputs: h = [lr, alpha, 1 - alpha, eps, weight_decay, momentum], grads[n], params[n],
// square_avgs[n], momentum_buffers[n] (momentum > 0), grad_avgs[n] (centered).
// Outputs: params', square_avgs', momentum_buffers'?, grad_avgs'?.
import { apply } from '../dispatch.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { at, axpby, stepInfer, type StepAttrs } from './_optim_common.js';

export interface RmspropAttrs extends StepAttrs {
  weight_decay: boolean;
  momentum: boolean;
  centered: boolean;
  maximize: boolean;
}

const GRADS = 1;

export const RmspropStep = defineOp<RmspropAttrs>({
  name: '_rmsprop_step',
  infer: (x, a) => stepInfer(x, GRADS + a.n),
  lower: (g, x, a) => {
    const h = x[0];
    const n = a.n;
    const slot = (k: number, i: number) => x[GRADS + k * n + i];
    const out: string[][] = [[], [], [], []];
    for (let i = 0; i < n; i++) {
      const p = slot(1, i);
      let grad = slot(0, i);
      if (a.maximize) grad = g.op1('Neg', [grad]);
      if (a.weight_decay) grad = g.op1('Add', [grad, g.op1('Mul', [p, at(g, h, 4)])]);
      const sq = axpby(g, at(g, h, 1), slot(2, i), at(g, h, 2), g.op1('Mul', [grad, grad]));
      out[1].push(sq);
      let avg: string;
      if (a.centered) {
        const ga = axpby(g, at(g, h, 1), slot(a.momentum ? 4 : 3, i), at(g, h, 2), grad);
        out[3].push(ga);
        avg = g.op1('Sqrt', [g.op1('Sub', [sq, g.op1('Mul', [ga, ga])])]);
      } else avg = g.op1('Sqrt', [sq]);
      avg = g.op1('Add', [avg, at(g, h, 3)]);
      const lr = at(g, h, 0);
      if (a.momentum) {
        const buf = g.op1('Add', [g.op1('Mul', [slot(3, i), at(g, h, 5)]), g.op1('Div', [grad, avg])]);
        out[2].push(buf);
        out[0].push(g.op1('Sub', [p, g.op1('Mul', [buf, lr])]));
      } else out[0].push(g.op1('Sub', [p, g.op1('Mul', [g.op1('Div', [grad, avg]), lr])]));
    }
    return out.flat();
  },
  attrKey: (a) => `${a.n}${a.weight_decay ? 'w' : ''}${a.momentum ? 'm' : ''}${a.centered ? 'c' : ''}${a.maximize ? 'x' : ''}`,
});

/**
 * The fused RMSprop update: [params', square_avgs', momentum_buffers'?, grad_avgs'?]. Pure.
 * @example
 * _rmsprop_step(h, grads, params, [sq], { n, weight_decay: false, momentum: false, centered: false, maximize: false });
 */
export function _rmsprop_step(h: Tensor, grads: Tensor[], params: Tensor[], states: Tensor[][], a: RmspropAttrs): Tensor[] {
  return apply(RmspropStep, [h, ...grads, ...params, ...states.flat()], a);
}
