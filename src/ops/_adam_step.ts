// _adam_step: one Adam / AdamW update (torch/optim/adam.py and adamw.py, single-tensor forms) of n
// parameters in one call. Inputs: h = [weight_decay, beta1, 1 - beta1, beta2, 1 - beta2, eps,
// 1 - lr·weight_decay], step_size[n] (lr / bias_correction1), bc2_sqrt[n], grads[n], params[n],
// exp_avgs[n], exp_avg_sqs[n], max_exp_avg_sqs[n] (amsgrad). Outputs: params', then each state.
import { apply } from '../dispatch.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { at, axpby, stepInfer, type StepAttrs } from './_optim_common.js';

export interface AdamAttrs extends StepAttrs {
  weight_decay: boolean;
  /** AdamW: decay the parameter itself instead of adding to the gradient */
  decoupled: boolean;
  amsgrad: boolean;
  maximize: boolean;
}

const GRADS = 3;

export const AdamStep = defineOp<AdamAttrs>({
  name: '_adam_step',
  infer: (x, a) => stepInfer(x, GRADS + a.n),
  lower: (g, x, a) => {
    const [h, stepSize, bc2] = x;
    const n = a.n;
    const out: string[][] = [[], [], [], []];
    for (let i = 0; i < n; i++) {
      let p = x[GRADS + n + i];
      let grad = x[GRADS + i];
      if (a.maximize) grad = g.op1('Neg', [grad]);
      if (a.weight_decay) {
        if (a.decoupled) p = g.op1('Mul', [p, at(g, h, 6)]);
        else grad = g.op1('Add', [grad, g.op1('Mul', [p, at(g, h, 0)])]);
      }
      const m = axpby(g, at(g, h, 1), x[GRADS + 2 * n + i], at(g, h, 2), grad);
      const v = axpby(g, at(g, h, 3), x[GRADS + 3 * n + i], at(g, h, 4), g.op1('Mul', [grad, grad]));
      let vHat = v;
      if (a.amsgrad) {
        vHat = g.op1('Max', [x[GRADS + 4 * n + i], v]);
        out[3].push(vHat);
      }
      const denom = g.op1('Add', [g.op1('Div', [g.op1('Sqrt', [vHat]), at(g, bc2, i)]), at(g, h, 5)]);
      out[0].push(g.op1('Sub', [p, g.op1('Mul', [g.op1('Div', [m, denom]), at(g, stepSize, i)])]));
      out[1].push(m);
      out[2].push(v);
    }
    return out.flat();
  },
  attrKey: (a) => `${a.n}${a.weight_decay ? 'w' : ''}${a.decoupled ? 'd' : ''}${a.amsgrad ? 'a' : ''}${a.maximize ? 'x' : ''}`,
});

/**
 * The fused Adam/AdamW update: [params', exp_avgs', exp_avg_sqs', max_exp_avg_sqs'?]. Pure.
 * @example
 * _adam_step(h, stepSize, bc2Sqrt, grads, params, [m, v], { n, weight_decay: true, decoupled: true, amsgrad: false, maximize: false });
 */
export function _adam_step(h: Tensor, stepSize: Tensor, bc2Sqrt: Tensor, grads: Tensor[], params: Tensor[], states: Tensor[][], a: AdamAttrs): Tensor[] {
  return apply(AdamStep, [h, stepSize, bc2Sqrt, ...grads, ...params, ...states.flat()], a);
}
