// torch.nn.init: in-place initialisers, drawn in PyTorch's order from the random module
// (Tensor.uniform_/normal_), so under torch.manual_seed they give PyTorch's values.
import { no_grad } from '../../src/autograd/grad_mode.js';
import { fillData } from '../../src/creation.js';
import { float64 } from '../../src/dtype.js';
import { ValueError } from '../../src/errors.js';
import '../../src/random/index.js';
import type { Generator } from '../../src/random/index.js';
import type { Tensor } from '../../src/tensor.js';
import { zeros } from '../../src/creation.js';

type Gen = { generator?: Generator };
type Nonlinearity = 'linear' | 'conv1d' | 'conv2d' | 'conv3d' | 'conv_transpose1d' | 'conv_transpose2d' | 'conv_transpose3d' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'selu';

/**
 * The recommended gain for a nonlinearity (param: leaky_relu's negative slope, default 0.01).
 * @example
 * nn.init.calculate_gain('relu'); // 1.4142135623730951
 */
export function calculate_gain(nonlinearity: Nonlinearity | string, param?: number | null): number {
  const linear = ['linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d'];
  if (linear.includes(nonlinearity) || nonlinearity === 'sigmoid') return 1;
  if (nonlinearity === 'tanh') return 5.0 / 3;
  if (nonlinearity === 'relu') return Math.sqrt(2.0);
  if (nonlinearity === 'leaky_relu') {
    let slope = 0.01;
    if (param != null) {
      if (typeof param !== 'number') throw new ValueError(`negative_slope ${String(param)} not a valid number`);
      slope = param;
    }
    return Math.sqrt(2.0 / (1 + slope ** 2));
  }
  if (nonlinearity === 'selu') return 3.0 / 4;
  throw new ValueError(`Unsupported nonlinearity ${nonlinearity}`);
}

/** [fan_in, fan_out] of a weight: size(1)·receptive field, size(0)·receptive field. */
export function _calculate_fan_in_and_fan_out(tensor: Tensor): [number, number] {
  const s = tensor.shape;
  if (s.length < 2) throw new ValueError('Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  const receptive = s.slice(2).reduce((a, b) => a * b, 1);
  return [s[1] * receptive, s[0] * receptive];
}

function correctFan(tensor: Tensor, mode: string): number {
  mode = mode.toLowerCase();
  if (mode !== 'fan_in' && mode !== 'fan_out') throw new ValueError(`Mode ${mode} not supported, please use one of fan_in, fan_out`);
  const [fin, fout] = _calculate_fan_in_and_fan_out(tensor);
  return mode === 'fan_in' ? fin : fout;
}

/** Writes a constant without autograd. */
function fill(tensor: Tensor, value: number): Tensor {
  tensor._mutate((d) => fillData(d, value, tensor.dtype));
  tensor._bump();
  return tensor;
}

/** Fills with U(a, b). */
export function uniform_(tensor: Tensor, a = 0, b = 1, opts: Gen = {}): Tensor {
  return no_grad(() => tensor.uniform_(a, b, opts));
}
/** Fills with N(mean, std²). */
export function normal_(tensor: Tensor, mean = 0, std = 1, opts: Gen = {}): Tensor {
  return no_grad(() => tensor.normal_(mean, std, opts));
}
/** Fills with a constant. */
export function constant_(tensor: Tensor, val: number): Tensor {
  return fill(tensor, val);
}
/** Fills with 1. */
export function ones_(tensor: Tensor): Tensor {
  return fill(tensor, 1);
}
/** Fills with 0. */
export function zeros_(tensor: Tensor): Tensor {
  return fill(tensor, 0);
}
/** The identity matrix (2-D tensors only). */
export function eye_(tensor: Tensor): Tensor {
  if (tensor.dim() !== 2) throw new ValueError('Only tensors with 2 dimensions are supported');
  const [r, c] = tensor.shape;
  fill(tensor, 0);
  tensor._mutate((d) => {
    for (let i = 0; i < Math.min(r, c); i++) (d as Float32Array)[i * c + i] = 1;
  });
  return tensor;
}

/**
 * Glorot uniform: U(−a, a), a = gain·√(6 / (fan_in + fan_out)).
 * @example
 * nn.init.xavier_uniform_(linear.weight);
 */
export function xavier_uniform_(tensor: Tensor, gain = 1, opts: Gen = {}): Tensor {
  const [fin, fout] = _calculate_fan_in_and_fan_out(tensor);
  const std = gain * Math.sqrt(2.0 / (fin + fout));
  const a = Math.sqrt(3.0) * std;
  return uniform_(tensor, -a, a, opts);
}
/** Glorot normal: N(0, std²), std = gain·√(2 / (fan_in + fan_out)). */
export function xavier_normal_(tensor: Tensor, gain = 1, opts: Gen = {}): Tensor {
  const [fin, fout] = _calculate_fan_in_and_fan_out(tensor);
  return normal_(tensor, 0, gain * Math.sqrt(2.0 / (fin + fout)), opts);
}

type KaimingOpts = { a?: number; mode?: 'fan_in' | 'fan_out'; nonlinearity?: Nonlinearity; generator?: Generator };
function kaimingArgs(a: number | KaimingOpts, mode: string, nonlinearity: string): Required<Omit<KaimingOpts, 'generator'>> & Gen {
  if (typeof a === 'object') return { a: a.a ?? 0, mode: a.mode ?? 'fan_in', nonlinearity: a.nonlinearity ?? 'leaky_relu', generator: a.generator };
  return { a, mode: mode as 'fan_in', nonlinearity: nonlinearity as Nonlinearity };
}

/** The He std gain / √fan and the generator, or null (with PyTorch's warning) for a zero-element tensor. */
function kaimingStd(tensor: Tensor, a: number | KaimingOpts, mode: string, nonlinearity: string): { std: number; generator?: Generator } | null {
  const o = kaimingArgs(a, mode, nonlinearity);
  if (tensor.shape.includes(0)) {
    process.emitWarning('Initializing zero-element tensors is a no-op', 'UserWarning');
    return null;
  }
  return { std: calculate_gain(o.nonlinearity, o.a) / Math.sqrt(correctFan(tensor, o.mode)), generator: o.generator };
}

/**
 * He uniform: U(−b, b), b = gain·√(3 / fan), gain = calculate_gain(nonlinearity, a).
 * @example
 * nn.init.kaiming_uniform_(w, { a: Math.sqrt(5) }); nn.init.kaiming_uniform_(w, 0, 'fan_out', 'relu');
 */
export function kaiming_uniform_(tensor: Tensor, a: number | KaimingOpts = 0, mode = 'fan_in', nonlinearity = 'leaky_relu', opts: Gen = {}): Tensor {
  const k = kaimingStd(tensor, a, mode, nonlinearity);
  if (!k) return tensor;
  k.generator ??= opts.generator;
  const bound = Math.sqrt(3.0) * k.std;
  return uniform_(tensor, -bound, bound, { generator: k.generator });
}
/** He normal: N(0, std²), std = gain / √fan. */
export function kaiming_normal_(tensor: Tensor, a: number | KaimingOpts = 0, mode = 'fan_in', nonlinearity = 'leaky_relu', opts: Gen = {}): Tensor {
  const k = kaimingStd(tensor, a, mode, nonlinearity);
  if (!k) return tensor;
  k.generator ??= opts.generator;
  return normal_(tensor, 0, k.std, { generator: k.generator });
}

/** Inverse error function in float64 (Giles 2010, with one Newton step on erf via its series). */
function erfinv(y: number): number {
  if (y <= -1) return y === -1 ? -Infinity : NaN;
  if (y >= 1) return y === 1 ? Infinity : NaN;
  let w = -Math.log((1 - y) * (1 + y));
  let x: number;
  if (w < 6.25) {
    w -= 3.125;
    x = [-3.6444120640178196996e-21, -1.685059138182016589e-19, 1.2858480715256400167e-18, 1.115787767802518096e-17, -1.333171662854620906e-16, 2.0972767875968561637e-17, 6.6376381343583238325e-15, -4.0545662729752068639e-14, -8.1519341976054721522e-14, 2.6335093153082322977e-12, -1.2975133253453532498e-11, -5.4154120542946279317e-11, 1.051212273321532285e-09, -4.1126339803469836976e-09, -2.9070369957882005086e-08, 4.2347877827932403518e-07, -1.3654692000834678645e-06, -1.3882523362786468719e-05, 0.0001867342080340571352, -0.00074070253416626697512, -0.0060336708714301490533, 0.24015818242558961693, 1.6536545626831027356].reduce((p, c) => p * w + c, 0);
  } else if (w < 16) {
    w = Math.sqrt(w) - 3.25;
    x = [2.2137376921775787049e-09, 9.0756561938885390979e-08, -2.7517406297064545428e-07, 1.8239629214389227755e-08, 1.5027403968909827627e-06, -4.013867526981545969e-06, 2.9234449089955446044e-06, 1.2475304481671778723e-05, -4.7318229009055733981e-05, 6.8284851459573175448e-05, 2.4031110387097893999e-05, -0.0003550375203628474796, 0.00095328937973738049703, -0.0016882755560235047313, 0.0024914420961078508066, -0.0037512085075692412107, 0.005370914553590063617, 1.0052589676941592334, 3.0838856104922207635].reduce((p, c) => p * w + c, 0);
  } else {
    w = Math.sqrt(w) - 5;
    x = [-2.7109920616438573243e-11, -2.5556418169965252055e-10, 1.5076572693500548083e-09, -3.7894654401267369937e-09, 7.6157012080783393804e-09, -1.4960026627149240478e-08, 2.9147953450901080826e-08, -6.7711997758452339498e-08, 2.2900482228026654717e-07, -9.9298272942317002539e-07, 4.5260625972231537039e-06, -1.9681778105531670567e-05, 7.5995277030017761139e-05, -0.00021503011930044477347, -0.00013871931833623122026, 1.0103004648645343977, 4.8499064014085844221].reduce((p, c) => p * w + c, 0);
  }
  return x * y;
}

/** erf in float64 for the two bounds: Taylor series for |x| < 3, erfc's continued fraction beyond. */
function erf64(x: number): number {
  const ax = Math.abs(x);
  if (ax >= 3) {
    let f = ax;
    for (let k = 60; k >= 1; k--) f = ax + k / 2 / f;
    return Math.sign(x) * (1 - Math.exp(-ax * ax) / (Math.sqrt(Math.PI) * f));
  }
  let term = ax;
  let sum = ax;
  for (let n = 1; n < 100; n++) {
    term *= (-ax * ax) / n;
    const t = term / (2 * n + 1);
    sum += t;
    if (Math.abs(t) < 1e-17 * sum) break;
  }
  return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
}
const normCdf = (x: number): number => (1 + erf64(x / Math.SQRT2)) / 2;

/**
 * Truncated normal N(mean, std²) restricted to [a, b], by inverse-CDF sampling as PyTorch does:
 * U(2l − 1, 2u − 1), erfinv, scale, shift, clamp.
 * @example
 * nn.init.trunc_normal_(w, 0, 0.02);
 */
export function trunc_normal_(tensor: Tensor, mean = 0, std = 1, a = -2, b = 2, opts: Gen = {}): Tensor {
  if (mean < a - 2 * std || mean > b + 2 * std)
    process.emitWarning('mean is more than 2 std from [a, b] in nn.init.trunc_normal_. The distribution of values may be incorrect.', 'UserWarning');
  const l = normCdf((a - mean) / std);
  const u = normCdf((b - mean) / std);
  uniform_(tensor, 2 * l - 1, 2 * u - 1, opts);
  // The chain runs in the tensor's dtype in PyTorch; Math.fround keeps float32 steps float32.
  const r = tensor.dtype === float64 ? (v: number) => v : Math.fround;
  tensor._mutate((raw) => {
    const d = raw as Float32Array;
    for (let i = 0; i < d.length; i++) {
      let v = r(erfinv(d[i]));
      v = r(v * r(std * Math.SQRT2));
      v = r(v + mean);
      d[i] = Math.min(Math.max(v, a), b);
    }
  });
  tensor._bump();
  return tensor;
}

/**
 * A (semi-)orthogonal matrix from the QR decomposition of a N(0, 1) draw, signs fixed so R has
 * a positive diagonal (as PyTorch), times gain.
 * @example
 * nn.init.orthogonal_(w);
 */
export function orthogonal_(tensor: Tensor, gain = 1, opts: Gen = {}): Tensor {
  if (tensor.dim() < 2) throw new ValueError('Only tensors with 2 or more dimensions are supported');
  if (tensor.numel() === 0) return tensor;
  const rows = tensor.size(0);
  const cols = tensor.numel() / rows;
  const flat = normal_(zeros([rows, cols], { dtype: tensor.dtype }), 0, 1, opts);
  const src = flat._data as Float32Array;
  // Work on A (m×n, m ≥ n): flattened, or its transpose when rows < cols.
  const tr = rows < cols;
  const m = tr ? cols : rows;
  const n = tr ? rows : cols;
  const A = new Float64Array(m * n);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) A[tr ? j * n + i : i * n + j] = src[i * cols + j];
  const Q = householderQ(A, m, n);
  tensor._mutate((raw) => {
    const out = raw as Float32Array;
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = gain * (tr ? Q[j * n + i] : Q[i * n + j]);
  });
  tensor._bump();
  return tensor;
}

/** Thin Q (m×n) of A = QR by Householder reflections, columns scaled so diag(R) > 0. */
function householderQ(A: Float64Array, m: number, n: number): Float64Array {
  const R = A.slice();
  const vs: Float64Array[] = [];
  const sign = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm += R[i * n + k] ** 2;
    norm = Math.sqrt(norm);
    const x0 = R[k * n + k];
    const alpha = x0 >= 0 ? -norm : norm;
    const v = new Float64Array(m);
    for (let i = k; i < m; i++) v[i] = R[i * n + k];
    v[k] -= alpha;
    let vn = 0;
    for (let i = k; i < m; i++) vn += v[i] ** 2;
    if (vn > 0)
      for (let j = k; j < n; j++) {
        let dot = 0;
        for (let i = k; i < m; i++) dot += v[i] * R[i * n + j];
        const f = (2 * dot) / vn;
        for (let i = k; i < m; i++) R[i * n + j] -= f * v[i];
      }
    vs.push(vn > 0 ? v.map((x) => x / Math.sqrt(vn)) : v);
    sign[k] = R[k * n + k] < 0 ? -1 : 1;
  }
  // Q = H_0 … H_{n-1} applied to the first n columns of I.
  const Q = new Float64Array(m * n);
  for (let j = 0; j < n; j++) Q[j * n + j] = 1;
  for (let k = n - 1; k >= 0; k--) {
    const v = vs[k];
    for (let j = 0; j < n; j++) {
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i] * Q[i * n + j];
      for (let i = k; i < m; i++) Q[i * n + j] -= 2 * dot * v[i];
    }
  }
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) Q[i * n + j] *= sign[j];
  return Q;
}
