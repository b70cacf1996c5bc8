// Finite-difference gradient check in float64, like torch.autograd.gradcheck.
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';

export interface GradcheckOptions {
  eps?: number;
  atol?: number;
  rtol?: number;
}

/**
 * Compares autograd's gradient of sum(fn(...inputs) * w) (w fixed, random) with central
 * differences, for every float64 input. Throws with the first mismatch; returns true otherwise.
 */
export function gradcheck(fn: (...xs: Tensor[]) => Tensor | Tensor[], inputs: Tensor[], opts: GradcheckOptions = {}): true {
  const eps = opts.eps ?? 1e-6;
  const atol = opts.atol ?? 1e-5;
  const rtol = opts.rtol ?? 1e-3;
  const xs = inputs.map((x) => (x.dtype === torch.float64 ? x.detach().clone().requires_grad_(true) : x));
  const outs = () => {
    const o = fn(...xs);
    return (Array.isArray(o) ? o : [o]).filter((t) => t.dtype === torch.float64);
  };
  const first = outs();
  const ws = first.map((o, i) => torch.linspace(0.5, 1.5 + i, o.numel(), { dtype: torch.float64 }).reshape(o.shape));
  const scalar = (os: Tensor[]) => os.reduce((acc: number, o, i) => acc + (o.detach().mul(ws[i]).sum().item() as number), 0);
  let total: Tensor | null = null;
  first.forEach((o, i) => {
    const s = o.mul(ws[i]).sum();
    total = total ? total.add(s) : s;
  });
  const diffIdx = xs.map((x, i) => (x.requires_grad ? i : -1)).filter((i) => i >= 0);
  const analytic = torch.autograd.grad(total!, diffIdx.map((i) => xs[i]), { allow_unused: true });
  diffIdx.forEach((xi, k) => {
    const x = xs[xi];
    const data = x.detach().numpy() as Float64Array;
    const a = analytic[k] ? (analytic[k]!.numpy() as Float64Array) : new Float64Array(data.length);
    for (let j = 0; j < data.length; j++) {
      const orig = data[j];
      data[j] = orig + eps;
      const fp = torch.no_grad(() => scalar(outs()));
      data[j] = orig - eps;
      const fm = torch.no_grad(() => scalar(outs()));
      data[j] = orig;
      const num = (fp - fm) / (2 * eps);
      if (!(Math.abs(num - a[j]) <= atol + rtol * Math.abs(num)))
        throw new Error(`gradcheck: input ${xi} element ${j}: analytic ${a[j]}, numeric ${num}`);
    }
  });
  return true;
}

