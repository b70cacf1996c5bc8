// torch.testing.assert_close (PyTorch 1.13's torch/testing/_comparison.py): pairs are originated by
// walking nested arrays and objects, each pair is compared, and the first failure is thrown.
import { ValueError } from '../../src/errors.js';
import { Tensor } from '../../src/tensor.js';
import { closeness } from './closeness.js';
import { AssertionError } from './errors.js';
import { scalarMismatchMsg, tensorMismatchMsg } from './messages.js';
import { pyNumber, pyStr, pyTuple } from './pyrepr.js';
import { default_tolerances } from './tolerances.js';

export interface AssertCloseOptions {
  /** relative tolerance; give both rtol and atol or neither (then per-dtype defaults apply) */
  rtol?: number | null;
  atol?: number | null;
  /** two NaNs count as equal */
  equal_nan?: boolean;
  /** default true: both tensors on the same device */
  check_device?: boolean;
  /** default true: same dtype (numbers: same Python type, see below); false promotes first */
  check_dtype?: boolean;
  /** default false: same strides */
  check_stride?: boolean;
  /** accepted for PyTorch compatibility (all torchlike tensors are strided) */
  check_layout?: boolean;
  allow_subclasses?: boolean;
  /** replaces the message, or maps the generated one */
  msg?: string | ((generated: string) => string) | null;
}

type Id = (string | number)[];
type ErrorCtor = new (m: string) => Error;
class ErrorMeta {
  constructor(readonly type: ErrorCtor, readonly msg: string, readonly id: Id = []) {}
  toError(msg?: AssertCloseOptions['msg']): Error {
    if (typeof msg === 'string') return new this.type(msg);
    let m = this.msg;
    if (this.id.length) m += `\n\nThe failure occurred for item ${this.id.map((k) => `[${typeof k === 'string' ? pyStr(k) : k}]`).join('')}`;
    return new this.type(msg ? msg(m) : m);
  }
}

// JavaScript has one number type: a pair of numbers is compared as Python ints when both are
// integers (or bigints), otherwise as floats.
const isNumber = (x: unknown): x is number | bigint => typeof x === 'number' || typeof x === 'bigint';

/** Python's type(x) as printed in messages: <class 'torch.Tensor'>, <class 'float'>... */
function pyType(x: unknown, asInt?: boolean): string {
  if (x instanceof Tensor) return "<class 'torch.Tensor'>";
  if (x === null || x === undefined) return "<class 'NoneType'>";
  if (typeof x === 'boolean') return "<class 'bool'>";
  if (typeof x === 'bigint') return "<class 'int'>";
  if (typeof x === 'number') return (asInt ?? Number.isInteger(x)) ? "<class 'int'>" : "<class 'float'>";
  if (typeof x === 'string') return "<class 'str'>";
  if (Array.isArray(x)) return "<class 'list'>";
  if (typeof x === 'function') return "<class 'function'>";
  return `<class '${(x as object).constructor?.name ?? 'object'}'>`;
}
/** Python's str(x) for the None mismatch message. */
function pyStrOf(x: unknown): string {
  if (x === null || x === undefined) return 'None';
  if (typeof x === 'boolean') return x ? 'True' : 'False';
  if (isNumber(x)) return pyNumber(x, typeof x === 'bigint' || Number.isInteger(x));
  return String(x);
}

const isSequence = (x: unknown): x is ArrayLike<unknown> =>
  Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
const isMapping = (x: unknown): x is Record<string, unknown> | Map<unknown, unknown> =>
  x instanceof Map || (typeof x === 'object' && x !== null && !(x instanceof Tensor) && [Object.prototype, null].includes(Object.getPrototypeOf(x)));
const keysOf = (x: Record<string, unknown> | Map<unknown, unknown>): unknown[] => (x instanceof Map ? [...x.keys()] : Object.keys(x));
const getKey = (x: Record<string, unknown> | Map<unknown, unknown>, k: unknown): unknown => (x instanceof Map ? x.get(k) : x[k as string]);
const pyList = (ks: unknown[]): string => `[${ks.map((k) => (typeof k === 'string' ? pyStr(k) : String(k))).join(', ')}]`;

function tolerances(opts: AssertCloseOptions, id: Id, dtypes: string[]): [number, number] {
  const { rtol, atol } = opts;
  if ((rtol == null) !== (atol == null)) {
    throw new ErrorMeta(ValueError, `Both 'rtol' and 'atol' must be either specified or omitted, but got no ${rtol == null ? 'rtol' : 'atol'}.`, id);
  }
  return rtol != null && atol != null ? [rtol, atol] : default_tolerances(...dtypes);
}

type Pair = () => void;

function tensorPair(a: Tensor, b: Tensor, opts: AssertCloseOptions, id: Id): Pair {
  const [rtol, atol] = tolerances(opts, id, [a.dtype.name, b.dtype.name]);
  const fail = (attr: string, x: string, y: string): never => {
    throw new ErrorMeta(AssertionError, `The values for attribute '${attr}' do not match: ${x} != ${y}.`, id);
  };
  return () => {
    const sa = a.shape;
    const sb = b.shape;
    if (sa.length !== sb.length || sa.some((s, i) => s !== sb[i])) fail('shape', `torch.Size([${sa.join(', ')}])`, `torch.Size([${sb.join(', ')}])`);
    if (opts.check_stride) {
      const ta = a.stride() as number[];
      const tb = b.stride() as number[];
      if (ta.some((s, i) => s !== tb[i])) fail('stride()', pyTuple(ta), pyTuple(tb));
    }
    if (opts.check_device !== false && String(a.device) !== String(b.device)) fail('device', String(a.device), String(b.device));
    if (opts.check_dtype !== false && a.dtype !== b.dtype) fail('dtype', String(a.dtype), String(b.dtype));
    const c = closeness(a, b, rtol, atol, opts.equal_nan ?? false);
    if (c.mismatches === 0) return;
    if (sa.length === 0) {
      const int = c.integral;
      const item = (v: unknown) => (int ? BigInt(v as number | bigint) : Number(v));
      throw new ErrorMeta(AssertionError, scalarMismatchMsg(item(a._data[0]), item(b._data[0]), int, rtol, atol), id);
    }
    throw new ErrorMeta(AssertionError, tensorMismatchMsg(c, sa, rtol, atol), id);
  };
}

function numberPair(a: number | bigint, b: number | bigint, opts: AssertCloseOptions, id: Id): Pair {
  const bothInt = [a, b].every((x) => typeof x === 'bigint' || Number.isInteger(x));
  const na = { int: typeof a === 'bigint' || bothInt };
  const nb = { int: typeof b === 'bigint' || bothInt };
  const [rtol, atol] = tolerances(opts, id, [na.int ? 'int64' : 'float64', nb.int ? 'int64' : 'float64']);
  return () => {
    if (opts.check_dtype !== false && na.int !== nb.int) {
      throw new ErrorMeta(AssertionError, `The (d)types do not match: ${pyType(a, na.int)} != ${pyType(b, nb.int)}.`, id);
    }
    if (typeof a === 'bigint' && typeof b === 'bigint' && a === b) return;
    const x = Number(a);
    const y = Number(b);
    if (typeof a !== 'bigint' || typeof b !== 'bigint') {
      if (x === y) return;
      if (opts.equal_nan && Number.isNaN(x) && Number.isNaN(y)) return;
      const d = Math.abs(x - y);
      if (Number.isFinite(d) && d <= atol + rtol * Math.abs(y)) return;
    }
    const ints = na.int && nb.int;
    const msg = ints && (typeof a === 'bigint' || typeof b === 'bigint') ? scalarMismatchMsg(BigInt(a), BigInt(b), true, rtol, atol) : scalarMismatchMsg(x, y, ints, rtol, atol);
    throw new ErrorMeta(AssertionError, msg, id);
  };
}

function originate(a: unknown, b: unknown, opts: AssertCloseOptions, id: Id): Pair[] {
  if (isSequence(a) && isSequence(b)) {
    if (a.length !== b.length) throw new ErrorMeta(AssertionError, `The length of the sequences mismatch: ${a.length} != ${b.length}`, id);
    const pairs: Pair[] = [];
    for (let i = 0; i < a.length; i++) pairs.push(...originate(a[i], b[i], opts, [...id, i]));
    return pairs;
  }
  if (isMapping(a) && isMapping(b)) {
    const ka = keysOf(a);
    const kb = keysOf(b);
    const missing = kb.filter((k) => !ka.includes(k));
    const additional = ka.filter((k) => !kb.includes(k));
    if (missing.length || additional.length) {
      throw new ErrorMeta(AssertionError, `The keys of the mappings do not match:\nMissing keys in the actual mapping: ${pyList(sortKeys(missing))}\nAdditional keys in the actual mapping: ${pyList(sortKeys(additional))}`, id);
    }
    const pairs: Pair[] = [];
    for (const k of sortKeys(ka)) pairs.push(...originate(getKey(a, k), getKey(b, k), opts, [...id, k as string | number]));
    return pairs;
  }
  if (a == null || b == null) {
    return [() => {
      if (!(a == null && b == null)) throw new ErrorMeta(AssertionError, `None mismatch: ${pyStrOf(a)} is not ${pyStrOf(b)}`, id);
    }];
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    return [() => {
      if (a !== b) throw new ErrorMeta(AssertionError, `Booleans mismatch: ${pyStrOf(a)} is not ${pyStrOf(b)}`, id);
    }];
  }
  if (isNumber(a) && isNumber(b)) return [numberPair(a, b, opts, id)];
  if (a instanceof Tensor && b instanceof Tensor) return [tensorPair(a, b, opts, id)];
  throw new ErrorMeta(TypeError, `No comparison pair was able to handle inputs of type ${pyType(a)} and ${pyType(b)}.`, id);
}

/** Python's sorted() where it works (all strings or all numbers), else insertion order. */
function sortKeys(ks: unknown[]): unknown[] {
  if (ks.every((k) => typeof k === 'string')) return [...ks].sort((x, y) => ((x as string) < (y as string) ? -1 : (x as string) > (y as string) ? 1 : 0));
  if (ks.every((k) => typeof k === 'number')) return [...ks].sort((x, y) => (x as number) - (y as number));
  return ks;
}

/**
 * Asserts that `actual` and `expected` are close, as `torch.testing.assert_close`: tensors,
 * numbers, booleans, null, and arrays / plain objects / Maps of them (compared element by element).
 * Default tolerances depend on the dtype (float32: rtol 1.3e-6, atol 1e-5; float64: 1e-7, 1e-7;
 * integers and bool: exact). Throws PyTorch's AssertionError message word for word.
 * JavaScript cannot tell `1` from `1.0`: two integer-valued numbers compare as Python ints.
 * @example
 * torch.testing.assert_close(torch.tensor([1, 2, 3.5]), torch.tensor([1, 2, 3.5]));
 * torch.testing.assert_close(model(x), ref, { rtol: 1e-4, atol: 1e-5 });
 * // AssertionError: Tensor-likes are not close!
 * //
 * // Mismatched elements: 1 / 4 (25.0%)
 * // Greatest absolute difference: 0.5 at index (2,) (up to 1e-05 allowed)
 * // Greatest relative difference: 0.14285714285714285 at index (2,) (up to 1.3e-06 allowed)
 */
export function assert_close(actual: unknown, expected: unknown, opts: AssertCloseOptions = {}): void {
  let pairs: Pair[];
  try {
    pairs = originate(actual, expected, opts, []);
  } catch (e) {
    if (e instanceof ErrorMeta) throw e.toError();
    throw e;
  }
  for (const compare of pairs) {
    try {
      compare();
    } catch (e) {
      if (e instanceof ErrorMeta) throw e.toError(opts.msg);
      throw e;
    }
  }
}
