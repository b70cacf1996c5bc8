// _sgd_step: one SGD update (torch/optim/sgd.py, _single_tensor_sgd) of n parameters in one call.
// Inputs: h = [lr, weight_decay, momentum, 1 - dampening], fresh[n] (1 where the momentum buffer
// starts this step: PyTorch then copies d_p instead of mixing), grads[n], params[n], bufs[n].
// Outputs: params'[n], bufs'[n] (bufs only with momentum).
import { apply } from '../dispatch.js';
import { defineOp } from '../op.js';
import type { Tensor } from '../tensor.js';
import { at, stepInfer, type StepAttrs } from './_optim_common.js';

export interface SgdAttrs extends StepAttrs {
  weight_decay: boolean;
  momentum: boolean;
  nesterov: boolean;
  maximize: boolean;
  /** dampening is 0 (h[3] = 1): buf = momentum·buf + d_p, one pass fewer (set by _sgd_step from h). */
  undamped?: boolean;
}

const GRADS = 2;

export const SgdStep = defineOp<SgdAttrs>({
  name: '_sgd_step',
  infer: (x, a) => stepInfer(x, GRADS + a.n),
  lower: (g, x, a, io) => {
    const dt = io.inputs[0].dtype;
    const [h, fresh] = x;
    // Scalars once for every parameter; per-parameter factors as one vector op each, then a Gather.
    const lr = at(g, h, 0);
    const wd = a.weight_decay ? at(g, h, 1) : '';
    const mom = a.momentum ? at(g, h, 2) : '';
    let bufScale = '';
    let gradScale = '';
    if (a.momentum) {
      // fresh: buf = d_p (PyTorch copies it); else buf = momentum·buf + (1 - dampening)·d_p
      const keep = g.op1('Sub', [g.scalar(dt, 1), fresh]);
      bufScale = g.op1('Mul', [keep, mom]);
      if (!a.undamped) gradScale = g.op1('Add', [g.op1('Mul', [keep, at(g, h, 3)]), fresh]);
    }
    const ps: string[] = [];
    const bufs: string[] = [];
    for (let i = 0; i < a.n; i++) {
      const p = x[GRADS + a.n + i];
      let d = x[GRADS + i];
      if (a.maximize) d = g.op1('Neg', [d]);
      if (a.weight_decay) d = g.op1('Add', [d, g.op1('Mul', [p, wd])]);
      if (a.momentum) {
        const old = g.op1('Mul', [x[GRADS + 2 * a.n + i], at(g, bufScale, i)]);
        const buf = g.op1('Add', [old, a.undamped ? d : g.op1('Mul', [d, at(g, gradScale, i)])]);
        bufs.push(buf);
        d = a.nesterov ? g.op1('Add', [d, g.op1('Mul', [buf, mom])]) : buf;
      }
      ps.push(g.op1('Sub', [p, g.op1('Mul', [d, lr])]));
    }
    return [...ps, ...bufs];
  },
  attrKey: (a) =>
    `${a.n}${a.weight_decay ? 'w' : ''}${a.momentum ? 'm' : ''}${a.nesterov ? 'n' : ''}${a.maximize ? 'x' : ''}${a.momentum && a.undamped ? 'u' : ''}`,
});

/**
 * The fused SGD update: new params and (with momentum) new momentum buffers. Pure: writes nothing.
 * @example
 * const [p1, b1] = _sgd_step(h, fresh, [g], [p], [buf], { n: 1, weight_decay: false, momentum: true, nesterov: false, maximize: false });
 */
export function _sgd_step(h: Tensor, fresh: Tensor, grads: Tensor[], params: Tensor[], bufs: Tensor[], a: SgdAttrs): Tensor[] {
  const undamped = a.momentum && h._data[3] === 1;
  return apply(SgdStep, [h, fresh, ...grads, ...params, ...(a.momentum ? bufs : [])], undamped === (a.undamped ?? false) ? a : { ...a, undamped });
}
