// Tensor creation that needs no computation: from data, constant fills, ranges, eye.
// (Random creation is in random.ts.)
import { sizeArgs, isOpts } from './args.js';
import { bool, type DType, float32, get_default_dtype, int32, int64, toDType, type TypedArray } from './dtype.js';
import { RuntimeError, TorchTypeError, ValueError } from './errors.js';
import { numel, type Shape } from './shape.js';
import { Tensor } from './tensor.js';
import { halfCodec, readNumber } from './half.js';

export interface TensorOptions {
  dtype?: DType | string;
  requires_grad?: boolean;
  device?: unknown;
}

/** Writes a JS number/boolean into typed array slot i. */
export function writeElem(d: TypedArray, i: number, v: number | boolean | bigint, dtype: DType): void {
  if (dtype === int64) (d as BigInt64Array)[i] = typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)));
  else if (dtype === bool) (d as Uint8Array)[i] = v ? 1 : 0;
  else if (dtype.isHalf) (d as Uint16Array)[i] = halfCodec(dtype).enc(Number(v));
  else (d as Float32Array)[i] = Number(v); // narrow ints wrap modulo 2^bits, as C casts do
}

/** Allocates a zero-filled tensor of a shape and dtype. */
export function emptyTensor(shape: Shape, dtype: DType): Tensor {
  return new Tensor(new dtype.array(numel(shape)), shape.slice(), dtype);
}

/** Applies requires_grad with the factory functions' error text (requires_grad_ words it differently). */
export function finish(t: Tensor, opts: TensorOptions): Tensor {
  if (!opts.requires_grad) return t;
  if (!t.dtype.is_floating_point) throw new RuntimeError('Only Tensors of floating point and complex dtype can require gradients');
  return t.requires_grad_(true);
}

const NARROW_INT: Partial<Record<string, [number, number, string]>> = { uint8: [0, 255, 'uint8'], int8: [-128, 127, 'int8'], int16: [-32768, 32767, 'int16'] };

/**
 * c10's checked_convert for a Python number into uint8/int8/int16 (torch.tensor, full, fill_):
 * throws `value cannot be converted to type int8 without overflow`. Integers may wrap into uint8
 * from [-255, -1], as in C. `ctype` words the type as Scalar.to<T> does ('uint8_t').
 */
export function checkNarrowInt(v: number | boolean | bigint, dtype: DType, ctype = false): void {
  const r = NARROW_INT[dtype.name];
  if (r === undefined || typeof v === 'boolean') return;
  const x = Number(v);
  const [lo, hi, name] = r;
  const bad = Number.isInteger(x) ? x > hi || (lo === 0 ? x < 0 && -x > hi : x < lo) : !(x >= lo && x <= hi);
  if (bad) throw new RuntimeError(`value cannot be converted to type ${name}${ctype ? '_t' : ''} without overflow`);
}

/** Rounds a number to a half dtype's value (through float32, as c10 does). */
function halfRound(dt: DType): (v: number) => number {
  const { enc, dec } = halfCodec(dt);
  return (v) => dec(enc(v));
}

/** Fills a typed array with a value. */
export function fillData(d: TypedArray, value: number | boolean, dtype: DType): void {
  checkNarrowInt(value, dtype, true);
  if (dtype === int64) (d as BigInt64Array).fill(BigInt(Math.trunc(Number(value))));
  else if (dtype === bool) (d as Uint8Array).fill(value ? 1 : 0);
  else if (dtype.isHalf) (d as Uint16Array).fill(halfCodec(dtype).enc(Number(value)));
  else (d as Float32Array).fill(Number(value));
}

type Nested = number | boolean | bigint | Nested[] | TypedArray | Tensor;

/**
 * torch.tensor: a new tensor copied from (nested) arrays, typed arrays or numbers. Infers like
 * PyTorch from Python literals: all booleans → bool, all integers → int64, otherwise float32.
 * JavaScript cannot tell `1.0` from `1`: pass `{ dtype: torch.float32 }` where Python wrote `1.`.
 * @example
 * const x = torch.tensor([[1, 2], [3, 4]], { dtype: torch.float32, requires_grad: true });
 */
export function tensor(data: Nested, opts: TensorOptions = {}): Tensor {
  if (data instanceof Tensor) {
    const t = emptyTensor(data._shape, toDType(opts.dtype, data.dtype));
    copyInto(t, data);
    return finish(t, opts);
  }
  const shape: number[] = [];
  let probe: unknown = data;
  while (Array.isArray(probe) || ArrayBuffer.isView(probe)) {
    const a = probe as ArrayLike<unknown>;
    shape.push(a.length);
    if (a.length === 0) break;
    probe = a[0];
  }
  const flat: (number | boolean | bigint)[] = [];
  let allBool = true;
  let allInt = true;
  let typed: DType | null = null;
  const walk = (x: unknown, k: number): void => {
    if (k === shape.length) {
      if (Array.isArray(x) || ArrayBuffer.isView(x)) throw new RuntimeError('tensor(): nested lists have inconsistent depth');
      if (x instanceof Tensor) x = x.item();
      if (typeof x === 'boolean') allInt = allInt && true;
      else if (typeof x === 'number') {
        allBool = false;
        if (!Number.isInteger(x)) allInt = false;
      } else if (typeof x === 'bigint') allBool = false;
      else throw new TorchTypeError(`tensor(): could not infer dtype of ${typeof x}`);
      flat.push(x as number);
      return;
    }
    const a = x as ArrayLike<unknown>;
    if (!(Array.isArray(a) || ArrayBuffer.isView(a)) || a.length !== shape[k])
      throw new ValueError(`expected sequence of length ${shape[k]} at dim ${k} (got ${Array.isArray(a) || ArrayBuffer.isView(a) ? a.length : typeof a})`);
    if (ArrayBuffer.isView(a) && k === shape.length - 1) {
      typed = a instanceof Float64Array ? get_default_dtype() : a instanceof Float32Array ? float32 : a instanceof BigInt64Array ? int64 : a instanceof Uint8Array ? null : int64;
      allBool = false;
      if (a instanceof Float32Array || a instanceof Float64Array) allInt = false;
    }
    for (let i = 0; i < a.length; i++) walk(a[i], k + 1);
  };
  walk(data, 0);
  const inferred = typed ?? (flat.length > 0 && allBool ? bool : allInt && !(flat.length === 0 && shape.length > 0) ? int64 : get_default_dtype());
  const dtype = toDType(opts.dtype, inferred);
  const t = emptyTensor(shape, dtype);
  const d = t._data;
  if (NARROW_INT[dtype.name]) for (const v of flat) checkNarrowInt(v, dtype);
  for (let i = 0; i < flat.length; i++) writeElem(d, i, flat[i], dtype);
  return finish(t, opts);
}

/** Copies values between tensors of the same number of elements, converting dtype in JS. */
export function copyInto(dst: Tensor, src: Tensor): void {
  const a = dst._data;
  const b = src._data;
  if (dst.dtype === src.dtype) {
    (a as Float32Array).set(b as Float32Array);
    return;
  }
  for (let i = 0; i < b.length; i++) writeElem(a, i, readNumber(b, i, src.dtype), dst.dtype);
}

/** torch.scalar_tensor: a 0-d tensor. */
export function scalar_tensor(v: number | boolean, opts: TensorOptions = {}): Tensor {
  const dtype = toDType(opts.dtype, get_default_dtype()); // PyTorch: float32 even for a bool value
  const t = emptyTensor([], dtype);
  writeElem(t._data, 0, v, dtype);
  return finish(t, opts);
}

type SizeArgs = (number | number[] | TensorOptions)[];

/** torch.full(size, fill_value, { dtype }) */
export function full(size: number[], fill_value: number | boolean, opts: TensorOptions = {}): Tensor {
  const inferred = typeof fill_value === 'boolean' ? bool : Number.isInteger(fill_value) ? int64 : get_default_dtype();
  const dtype = toDType(opts.dtype, inferred);
  const t = emptyTensor(sizeArgs([size]).size, dtype);
  fillData(t._data, fill_value, dtype);
  return finish(t, opts);
}

function filled(args: SizeArgs, value: number): Tensor {
  const { size, opts } = sizeArgs(args);
  const dtype = toDType(opts.dtype, get_default_dtype());
  const t = emptyTensor(size, dtype);
  if (value !== 0) fillData(t._data, value, dtype);
  return finish(t, opts);
}

/**
 * torch.zeros(*size, { dtype, requires_grad })
 * @example
 * torch.zeros(2, 3); torch.zeros([2, 3], { dtype: torch.float64 });
 */
export function zeros(...args: SizeArgs): Tensor {
  return filled(args, 0);
}
/** torch.ones(*size, { dtype, requires_grad }) */
export function ones(...args: SizeArgs): Tensor {
  return filled(args, 1);
}
/** torch.empty(*size): zero-filled here (JS has no uninitialised memory). */
export function empty(...args: SizeArgs): Tensor {
  return filled(args, 0);
}

type Like = { dtype: DType; shape: readonly number[] };
const likeOpts = (x: Like, o: TensorOptions) => ({ ...o, dtype: toDType(o.dtype, x.dtype) });
/** torch.zeros_like */
export function zeros_like(x: Like, opts: TensorOptions = {}): Tensor {
  return zeros([...x.shape], likeOpts(x, opts));
}
/** torch.ones_like */
export function ones_like(x: Like, opts: TensorOptions = {}): Tensor {
  return ones([...x.shape], likeOpts(x, opts));
}
/** torch.empty_like */
export function empty_like(x: Like, opts: TensorOptions = {}): Tensor {
  return zeros_like(x, opts);
}
/** torch.full_like */
export function full_like(x: Like, fill_value: number | boolean, opts: TensorOptions = {}): Tensor {
  return full([...x.shape], fill_value, likeOpts(x, opts));
}

/**
 * torch.arange(end) / arange(start, end, step?, { dtype }). Integer arguments give int64.
 * @example
 * torch.arange(5); // tensor([0, 1, 2, 3, 4])
 */
export function arange(...args: (number | TensorOptions)[]): Tensor {
  let opts: TensorOptions = {};
  if (args.length && isOpts(args[args.length - 1])) opts = args.pop() as TensorOptions;
  const nums = args as number[];
  let [start, end, step] = nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums[2] ?? 1];
  if (step === 0) throw new RuntimeError('step must be nonzero');
  if ((end - start) / step < 0) throw new RuntimeError('upper bound and larger bound inconsistent with step sign');
  const allInt = [start, end, step].every(Number.isInteger);
  const dtype = toDType(opts.dtype, allInt ? int64 : get_default_dtype());
  const n = Math.max(0, Math.ceil((end - start) / step));
  if (NARROW_INT[dtype.name]) {
    // ATen's accscalar for these is int64: start and step are truncated, the size comes from doubles.
    const [s0, st] = [Math.trunc(start), Math.trunc(step)];
    if (st === 0) throw new RuntimeError('step must be nonzero');
    const t = emptyTensor([n], dtype);
    for (let i = 0; i < n; i++) writeElem(t._data, i, s0 + i * st, dtype);
    return finish(t, opts);
  }
  const t = emptyTensor([n], dtype);
  if (dtype.isHalf) {
    // acc_type of a half is float: start + step·i as one float FMA; vector blocks from a half base.
    const h = halfRound(dtype);
    const [s0, st] = [Math.fround(start), Math.fround(step)];
    const fmaf = (a: number, b: number, c: number) => Math.fround(fma64(a, b, c));
    vecFill(t, (i) => fmaf(st, i, s0), (i, k) => fmaf(k, st, h(fmaf(st, i, s0))));
    return finish(t, opts);
  }
  // Values computed in double (acc_type), vector blocks from a base rounded to the dtype, as ATen's
  // AVX2 kernel does (GCC contracts start + step * i into one FMA).
  const r = dtype === float32 ? Math.fround : (v: number) => v;
  vecFill(t, (i) => fma64(step, i, start), (i, k) => fma64(k, step, r(fma64(step, i, start))));
  return finish(t, opts);
}

/** a*b+c rounded once, like the vfmadd GCC emits for ATen's kernels (Dekker product + two-sum). */
export function fma64(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || p === 0 || !Number.isFinite(c)) return p + c;
  const split = (x: number): [number, number] => {
    const t = 134217729 * x;
    const hi = t - (t - x);
    return [hi, x - hi];
  };
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  const pe = ah * bh - p + ah * bl + al * bh + al * bl; // p + pe == a*b exactly
  const s = p + c;
  const bb = s - p;
  const se = p - (s - bb) + (c - bb); // s + se == p + c exactly
  return s + (se + pe);
}

/**
 * Fills like ATen's cpu_serial_kernel_vec over a nullary op (AVX2 build): blocks of two vectors
 * (8 floats / 4 wider values each) take vecAt(blockStart, k); the tail takes scalarAt(i).
 * Matching this order is what makes arange/linspace bit-identical to PyTorch's.
 */
function vecFill(t: Tensor, scalarAt: (i: number) => number, vecAt: (base: number, k: number) => number): void {
  const d = t._data;
  const n = d.length;
  const w = t.dtype.isHalf || NARROW_INT[t.dtype.name] ? 32 / t.dtype.itemsize : t.dtype === float32 || t.dtype === int32 ? 8 : 4;
  let i = 0;
  for (; i <= n - 2 * w; i += 2 * w)
    for (const b of [i, i + w]) for (let k = 0; k < w; k++) writeElem(d, b + k, vecAt(b, k), t.dtype);
  for (; i < n; i++) writeElem(d, i, scalarAt(i), t.dtype);
}

/** torch.linspace(start, end, steps, { dtype }) */
export function linspace(start: number, end: number, steps: number, opts: TensorOptions = {}): Tensor {
  if (steps < 0) throw new RuntimeError('number of steps must be non-negative');
  const dtype = toDType(opts.dtype, get_default_dtype());
  const t = emptyTensor([steps], dtype);
  if (steps === 1) {
    writeElem(t._data, 0, start, dtype);
    return finish(t, opts);
  }
  if (dtype.isHalf) {
    // c10::Half/BFloat16 arithmetic: every operation (and int operand) rounded to the dtype.
    const h = halfRound(dtype);
    const s0 = h(start);
    const e0 = h(end);
    const step = h(h(e0 - s0) / h(steps - 1));
    const half = Math.floor(steps / 2);
    const at = (i: number) => (i < half ? h(s0 + h(step * h(i))) : h(e0 - h(step * h(steps - 1 - i))));
    vecFill(t, at, (i, k) => h(at(i) + h(h(k) * step)));
    return finish(t, opts);
  }
  if (NARROW_INT[dtype.name]) {
    // start/end converted to the dtype first (uint8 wraps -3 to 253, as PyTorch), step in double;
    // vector blocks start from a base converted to the dtype.
    checkNarrowInt(start, dtype, true);
    checkNarrowInt(end, dtype, true);
    const c = (v: number) => {
      const a = new dtype.array(1);
      writeElem(a, 0, v, dtype);
      return Number(a[0]);
    };
    const s0 = c(start);
    const e0 = c(end);
    const step = (e0 - s0) / (steps - 1);
    const half = Math.floor(steps / 2);
    const at = (i: number) => (i < half ? fma64(step, i, s0) : fma64(-step, steps - 1 - i, e0));
    vecFill(t, at, (i, k) => fma64(k, step, c(at(i))));
    return finish(t, opts);
  }
  // ATen computes in the dtype (double for integers), contracted to FMAs, and fills the second
  // half from the end.
  const f = dtype === float32;
  const r = f ? Math.fround : (v: number) => v;
  const fma = f ? (a: number, b: number, c: number) => Math.fround(a * b + c) : fma64;
  const s0 = r(start);
  const e0 = r(end);
  const step = r((e0 - s0) / (steps - 1));
  const half = Math.floor(steps / 2);
  const at = (i: number) => (i < half ? fma(step, i, s0) : fma(-step, steps - 1 - i, e0));
  vecFill(t, at, (i, k) => r(at(i) + r(k * step))); // Vectorized::arange: not contracted
  return finish(t, opts);
}

/** torch.eye(n, m?, { dtype }) */
export function eye(n: number, m?: number | TensorOptions, opts: TensorOptions = {}): Tensor {
  if (isOpts(m)) {
    opts = m as TensorOptions;
    m = undefined;
  }
  const cols = (m as number | undefined) ?? n;
  const dtype = toDType(opts.dtype, get_default_dtype());
  const t = emptyTensor([n, cols], dtype);
  for (let i = 0; i < Math.min(n, cols); i++) writeElem(t._data, i * cols + i, 1, dtype);
  return finish(t, opts);
}

/** torch.from_numpy analogue: wraps a typed array without copying (shape defaults to 1-D). */
export function from_numpy(data: TypedArray, shape?: number[]): Tensor {
  if (data instanceof Uint16Array) throw new TorchTypeError("can't convert np.ndarray of type numpy.uint16. The only supported types are: float64, float32, float16, complex64, complex128, int64, int32, int16, int8, uint8, and bool.");
  const dtype =
    data instanceof Float32Array ? float32 : data instanceof Float64Array ? toDType('float64', float32) : data instanceof Int32Array ? toDType('int32', float32) : data instanceof BigInt64Array ? int64
    : data instanceof Int8Array ? toDType('int8', float32) : data instanceof Int16Array ? toDType('int16', float32) : bool; // Uint8Array: bool (numpy() of bool gives it)
  const s = shape ?? [data.length];
  if (numel(s) !== data.length) throw new RuntimeError(`shape '[${s.join(', ')}]' is invalid for input of size ${data.length}`);
  const t = new Tensor(data, s, dtype);
  t._st.exposed = true; // the caller's array is the tensor's memory
  return t;
}
