// PyTorch's tensor repr (torch/_tensor_str.py, default print options): a common width per tensor,
// precision 4, scientific notation when the magnitudes call for it, `...` summaries above 1000
// elements, and the dtype / requires_grad / grad_fn suffixes.
import { bool, get_default_dtype, int64 } from './dtype.js';
import { readElem, Tensor } from './tensor.js';

const PRECISION = 4;
const THRESHOLD = 1000;
const EDGEITEMS = 3;
const LINEWIDTH = 80;

/** A nested view of a tensor's values (no copies): rows of numbers/booleans, dims kept. */
type Nd = { shape: number[]; at: (i: number) => number | boolean; off: number; stride: number[] };

const sub = (t: Nd, i: number): Nd => ({ shape: t.shape.slice(1), at: t.at, off: t.off + i * t.stride[0], stride: t.stride.slice(1) });
const elem = (t: Nd, i: number): number | boolean => t.at(t.off + i * t.stride[0]);

/**
 * Rounds the exact value of x half-to-even, as Python's format does; JS's toFixed/toExponential
 * round exact ties away from zero, so a tie (only possible when the digits end in 5) is redone.
 */
export function pyRound(x: number, digits: number, exp: boolean): string {
  const s = exp ? x.toExponential(digits) : x.toFixed(digits);
  if (!exp && Math.abs(x) >= 1e21) return s;
  const long = exp ? x.toExponential(digits + 25) : x.toFixed(digits + 25);
  const [mant, e] = long.split('e');
  const keep = mant.length - 25 - (digits === 0 ? 1 : 0);
  const kept = mant.slice(0, keep);
  const rest = mant.slice(mant.length - 25);
  // A tie whose kept digit is even: Python keeps it, JS rounded up.
  if (rest !== '5' + '0'.repeat(24) || Number(kept[kept.length - 1]) % 2 !== 0) return s;
  return e === undefined ? kept : `${kept}e${e}`;
}

/** Python's '{:.Nf}' */
function fmtFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  return (Object.is(x, -0) ? '-' : '') + pyRound(x, digits, false);
}
/** Python's '{:.Ne}' (two-digit exponent at least: 1.0000e+05). */
function fmtExp(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  return ((Object.is(x, -0) ? '-' : '') + pyRound(x, digits, true)).replace(/e([+-])(\d)$/, 'e$10$2');
}

const pad = (s: string, w: number) => ' '.repeat(Math.max(0, w - s.length)) + s;

/** _Formatter: decides int/fixed/sci mode and the common width from the (summarized) values. */
class Formatter {
  floating: boolean;
  intMode = true;
  sciMode = false;
  maxWidth = 1;

  constructor(values: (number | boolean)[], floating: boolean) {
    this.floating = floating;
    if (!floating) {
      for (const v of values) this.maxWidth = Math.max(this.maxWidth, pyScalar(v).length);
      return;
    }
    const vals = (values as number[]).filter((v) => Number.isFinite(v) && v !== 0);
    if (vals.length === 0) return;
    const abs = vals.map(Math.abs);
    const min = Math.min(...abs);
    const max = Math.max(...abs);
    this.intMode = vals.every((v) => v === Math.ceil(v));
    const widen = (f: (v: number) => string, extra = 0) => {
      for (const v of vals) this.maxWidth = Math.max(this.maxWidth, f(v).length + extra);
    };
    if (this.intMode) {
      this.sciMode = max / min > 1000 || max > 1e8;
      if (this.sciMode) widen((v) => fmtExp(v, PRECISION));
      else widen((v) => fmtFixed(v, 0), 1);
    } else {
      this.sciMode = max / min > 1000 || max > 1e8 || min < 1e-4;
      widen((v) => (this.sciMode ? fmtExp(v, PRECISION) : fmtFixed(v, PRECISION)));
    }
  }

  format(v: number | boolean): string {
    let s: string;
    if (!this.floating) s = pyScalar(v);
    else if (this.sciMode) s = fmtExp(v as number, PRECISION);
    else if (this.intMode) s = fmtFixed(v as number, 0) + (Number.isFinite(v) ? '.' : '');
    else s = fmtFixed(v as number, PRECISION);
    return pad(s, this.maxWidth);
  }
}

const pyScalar = (v: number | boolean): string => (typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v));

/** get_summarized_data: the edge items of every dim, flattened. */
function summarizedValues(t: Nd, out: (number | boolean)[]): void {
  if (t.shape.length === 0) {
    out.push(t.at(t.off));
    return;
  }
  const n = t.shape[0];
  const idx = n > 2 * EDGEITEMS ? [...range(0, EDGEITEMS), ...range(n - EDGEITEMS, n)] : range(0, n);
  for (const i of idx) {
    if (t.shape.length === 1) out.push(elem(t, i));
    else summarizedValues(sub(t, i), out);
  }
}
const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);

function vectorStr(t: Nd, indent: number, summarize: boolean, f: Formatter): string {
  const perLine = Math.max(1, Math.floor((LINEWIDTH - indent) / (f.maxWidth + 2)));
  const n = t.shape[0];
  const data =
    summarize && n > 2 * EDGEITEMS
      ? [...range(0, EDGEITEMS).map((i) => f.format(elem(t, i))), ' ...', ...range(n - EDGEITEMS, n).map((i) => f.format(elem(t, i)))]
      : range(0, n).map((i) => f.format(elem(t, i)));
  const lines: string[] = [];
  for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(', '));
  return '[' + lines.join(',\n' + ' '.repeat(indent + 1)) + ']';
}

function tensorStr(t: Nd, indent: number, summarize: boolean, f: Formatter): string {
  const dim = t.shape.length;
  if (dim === 0) return f.format(t.at(t.off));
  if (dim === 1) return vectorStr(t, indent, summarize, f);
  const n = t.shape[0];
  const rec = (i: number) => tensorStr(sub(t, i), indent + 1, summarize, f);
  const slices = summarize && n > 2 * EDGEITEMS ? [...range(0, EDGEITEMS).map(rec), '...', ...range(n - EDGEITEMS, n).map(rec)] : range(0, n).map(rec);
  return '[' + slices.join(',' + '\n'.repeat(dim - 1) + ' '.repeat(indent + 1)) + ']';
}

function addSuffixes(s: string, suffixes: string[], indent: number): string {
  const parts = [s];
  let last = s.length - s.lastIndexOf('\n') + 1;
  for (const suf of suffixes) {
    if (last + suf.length + 2 > LINEWIDTH) {
      parts.push(',\n' + ' '.repeat(indent) + suf);
      last = indent + suf.length;
    } else {
      parts.push(', ' + suf);
      last += suf.length + 2;
    }
  }
  return parts.join('') + ')';
}

/**
 * PyTorch's repr of a tensor, as `str(t)` / `repr(t)` print it.
 * @example
 * String(torch.tensor([[1, 2], [3, 4]], { dtype: torch.float32 }));
 * // tensor([[1., 2.],
 * //         [3., 4.]])
 */
export function tensorRepr(t: Tensor): string {
  const prefix = 'tensor(';
  const indent = prefix.length;
  const suffixes: string[] = [];
  const shape = t.shape;
  let body: string;
  if (t.numel() === 0) {
    if (shape.length !== 1) suffixes.push(`size=(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`);
    if (t.dtype !== get_default_dtype()) suffixes.push(`dtype=${t.dtype}`);
    body = '[]';
  } else {
    if (t.dtype !== get_default_dtype() && t.dtype !== int64 && t.dtype !== bool) suffixes.push(`dtype=${t.dtype}`);
    const stride = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
    const d = t._data;
    const nd: Nd = { shape, at: (i) => readElem(d, i, t.dtype), off: 0, stride };
    const summarize = t.numel() > THRESHOLD;
    const values: (number | boolean)[] = [];
    if (summarize) summarizedValues(nd, values);
    else for (let i = 0; i < d.length; i++) values.push(nd.at(i));
    body = tensorStr(nd, indent, summarize, new Formatter(values, t.dtype.is_floating_point));
  }
  if (t.grad_fn) suffixes.push(`grad_fn=<${t.grad_fn.name()}>`);
  else if (t.requires_grad) suffixes.push('requires_grad=True');
  return addSuffixes(prefix + body, suffixes, indent);
}

declare module './tensor.js' {
  interface Tensor {
    /** PyTorch's repr: `tensor([1., 2.], requires_grad=True)`. */
    toString(): string;
  }
}
Tensor.prototype.toString = function (this: Tensor) {
  return tensorRepr(this);
};
// console.log / util.inspect print the repr too.
(Tensor.prototype as unknown as Record<symbol, unknown>)[Symbol.for('nodejs.util.inspect.custom')] = function (this: Tensor) {
  return tensorRepr(this);
};
