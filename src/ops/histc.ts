// histc: histogram with equal-width bins between min and max (torch.histc, Tensor.histc).
// A pure-JS eager kernel (the output's bin count and range are data-dependent when min = max,
// and ONNX has no histogram node): exporting throws `histc cannot be exported to ONNX`.
// Binning as PyTorch 1.13's histogramdd kernel: bin edges from linspace in the input dtype,
// the linear guess corrected against the edges; values outside [min, max] are skipped, NaN
// counts in bin 0 (it passes PyTorch's range check).
import { bind } from '../args.js';
import { apply1 } from '../dispatch.js';
import { linspace } from '../creation.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';
import { readNumber } from '../half.js';

interface HistcAttrs {
  bins: number;
  min: number;
  max: number;
}

const fmt = (v: number) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v));

export const Histc = defineOp<HistcAttrs>({
  name: 'histc',
  infer: ([x], a) => [{ dtype: x.dtype, shape: [a.bins] }],
  eager: ([x], a) => {
    const d = x._data;
    const n = d.length;
    let lo = a.min;
    let hi = a.max;
    if (lo === hi && n > 0) {
      lo = Infinity;
      hi = -Infinity;
      for (let i = 0; i < n; i++) {
        const v = readNumber(d, i, x.dtype);
        if (Number.isNaN(v)) {
          // PyTorch prints the NaN of its aminmax as -nan
          throw new RuntimeError('torch.histc: range of [-nan, -nan] is not finite');
        }
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    } else if (lo > hi) throw new RuntimeError('torch.histc: max must be larger than min');
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new RuntimeError(`torch.histc: range of [${fmt(lo)}, ${fmt(hi)}] is not finite`);
    if (lo === hi) {
      lo -= 1;
      hi += 1;
    }
    const bins = a.bins;
    const edges = linspace(lo, hi, bins + 1, { dtype: x.dtype })._data as Float64Array;
    const left = edges[0];
    const right = edges[bins];
    const out = new Tensor(new x.dtype.array(bins), [bins], x.dtype);
    const h = new Float64Array(bins);
    for (let i = 0; i < n; i++) {
      const v = readNumber(d, i, x.dtype);
      // NaN passes PyTorch's range check and lands in bin 0
      if (Number.isNaN(v)) {
        h[0] += 1;
        continue;
      }
      if (v < left || v > right) continue;
      let pos = Math.trunc(((v - left) * bins) / (right - left));
      if (pos > bins - 1) pos = bins - 1;
      while (pos > 0 && v < edges[pos]) pos--;
      while (pos < bins - 1 && v >= edges[pos + 1]) pos++;
      h[pos] += 1;
    }
    (out._data as Float64Array).set(h);
    return [out];
  },
  lower: () => {
    throw new Error('histc cannot be exported to ONNX');
  },
});

/**
 * torch.histc(input, bins = 100, min = 0, max = 0): counts in `bins` equal bins over [min, max]
 * (min = max: the data's range).
 * @example
 * torch.histc(torch.tensor([1, 2, 1]), { bins: 4, min: 0, max: 3 }); // [0, 2, 1, 0]
 */
export function histc(input: Tensor, ...args: unknown[]): Tensor {
  const o = bind<{ bins?: number; min?: number; max?: number }>(['bins', 'min', 'max'], args);
  const bins = o.bins ?? 100;
  if (!input.dtype.is_floating_point || input.dtype.isHalf)
    throw new RuntimeError(`"histogram_cpu" not implemented for '${input.dtype.scalarName}'`);
  if (bins <= 0) throw new RuntimeError(`torch.histogram(): bins must be > 0, but got ${bins} for dimension 0`);
  return apply1(Histc, [input], { bins, min: o.min ?? 0, max: o.max ?? 0 });
}

declare module '../tensor.js' {
  interface Tensor {
    histc(bins?: number | { bins?: number; min?: number; max?: number }, min?: number, max?: number): Tensor;
  }
}
Tensor.prototype.histc = function (this: Tensor, ...args: unknown[]) {
  return histc(this, ...args);
};
