// dtypes and PyTorch's type promotion (c10/core/ScalarType.h, ATen's result_type).

export type DTypeName = 'float32' | 'float64' | 'int32' | 'int64' | 'bool' | 'float16' | 'bfloat16' | 'uint8' | 'int8' | 'int16';
/** float16 and bfloat16 are held as their raw bits in a Uint16Array (src/half.ts converts). */
export type TypedArray = Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array | Int8Array | Int16Array | Uint16Array;
type ArrayCtor = { new (n: number): TypedArray; new (b: ArrayBufferLike, off?: number, n?: number): TypedArray; BYTES_PER_ELEMENT: number };

export class DType {
  constructor(
    readonly name: DTypeName,
    /** ONNX TensorProto.DataType */
    readonly onnx: number,
    /** PyTorch's repr name: torch.float32 */
    readonly torchName: string,
    readonly array: ArrayCtor,
    /** order used by promotion inside a category */
    readonly rank: number,
    readonly is_floating_point: boolean,
    readonly isInt: boolean,
  ) {}
  /** torch.dtype.is_signed: false for uint8 and bool. */
  get is_signed(): boolean {
    return this.name !== 'uint8' && this.name !== 'bool';
  }
  /** A 16-bit float held as raw bits (float16, bfloat16). */
  get isHalf(): boolean {
    return this.name === 'float16' || this.name === 'bfloat16';
  }
  get itemsize(): number {
    return this.array.BYTES_PER_ELEMENT;
  }
  get is_complex(): boolean {
    return false;
  }
  toString(): string {
    return `torch.${this.name}`;
  }
  /** Python-style name used in error messages: Float, Double, Int, Long, Bool, Half, BFloat16, Byte, Char, Short. */
  get scalarName(): string {
    return SCALAR_NAMES[this.name];
  }
}

const SCALAR_NAMES: Record<DTypeName, string> = {
  float32: 'Float', float64: 'Double', int32: 'Int', int64: 'Long', bool: 'Bool',
  float16: 'Half', bfloat16: 'BFloat16', uint8: 'Byte', int8: 'Char', int16: 'Short',
};

const A = <T>(c: T) => c as unknown as ArrayCtor;
export const bool = new DType('bool', 9, 'torch.bool', A(Uint8Array), 0, false, false);
export const uint8 = new DType('uint8', 2, 'torch.uint8', A(Uint8Array), 1, false, true);
export const int8 = new DType('int8', 3, 'torch.int8', A(Int8Array), 1, false, true);
export const int16 = new DType('int16', 5, 'torch.int16', A(Int16Array), 2, false, true);
export const int32 = new DType('int32', 6, 'torch.int32', A(Int32Array), 3, false, true);
export const int64 = new DType('int64', 7, 'torch.int64', A(BigInt64Array), 4, false, true);
export const float16 = new DType('float16', 10, 'torch.float16', A(Uint16Array), 5, true, false);
export const bfloat16 = new DType('bfloat16', 16, 'torch.bfloat16', A(Uint16Array), 5, true, false);
export const float32 = new DType('float32', 1, 'torch.float32', A(Float32Array), 6, true, false);
export const float64 = new DType('float64', 11, 'torch.float64', A(Float64Array), 7, true, false);

export const DTYPES: readonly DType[] = [bool, uint8, int8, int16, int32, int64, float16, bfloat16, float32, float64];
const BY_ONNX = new Map(DTYPES.map((d) => [d.onnx, d]));
export function fromOnnx(code: number): DType {
  const d = BY_ONNX.get(code);
  if (!d) throw new Error(`unsupported ONNX data type ${code}`);
  return d;
}

let defaultDtype: DType = float32;
export function get_default_dtype(): DType {
  return defaultDtype;
}
/** torch.set_default_dtype: only float32 and float64, as in PyTorch. */
export function set_default_dtype(d: DType): void {
  if (!d.is_floating_point) throw new TypeError('only floating-point types are supported as the default type');
  defaultDtype = d;
}

/** torch.promote_types */
export function promote_types(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a.rank === b.rank) {
    // uint8 with int8 needs int16 to hold both; float16 with bfloat16 needs float32 (c10's table).
    if (a.isInt) return int16;
    if (a.is_floating_point) return float32;
  }
  return a.rank > b.rank ? a : b;
}

const category = (d: DType): number => (d.is_floating_point ? 2 : d.isInt ? 1 : 0);

/** PyTorch's combine_categories: a higher-priority tier wins unless the lower tier is of a higher category. */
function combine(higher: DType | null, lower: DType | null): DType | null {
  if (!higher) return lower;
  if (!lower) return higher;
  if (higher.is_floating_point) return higher;
  if (higher === bool || lower.is_floating_point) return promote_types(higher, lower);
  return higher;
}

export type ScalarLike = number | boolean | bigint;
/** The dtype a Python scalar gets as a wrapped number: bool, int64, or the default float. */
export function scalarDtype(s: ScalarLike): DType {
  if (typeof s === 'boolean') return bool;
  if (typeof s === 'bigint') return int64;
  return Number.isInteger(s) ? int64 : defaultDtype;
}

interface HasDtype {
  dtype: DType;
  shape: readonly number[];
}
/** torch.result_type over tensors and scalars: dimensioned tensors > zero-dim tensors > scalars. */
export function resultType(...xs: (HasDtype | ScalarLike)[]): DType {
  let dim: DType | null = null;
  let zero: DType | null = null;
  let wrapped: DType | null = null;
  for (const x of xs) {
    if (typeof x === 'object') {
      if (x.shape.length > 0) dim = dim ? promote_types(dim, x.dtype) : x.dtype;
      else zero = zero ? promote_types(zero, x.dtype) : x.dtype;
    } else {
      const d = scalarDtype(x);
      wrapped = wrapped ? promote_types(wrapped, d) : d;
    }
  }
  return combine(combine(dim, zero), wrapped) as DType;
}

/** can_cast: may a value of `from` be written into a tensor of `to` by an in-place op? */
export function can_cast(from: DType, to: DType): boolean {
  return category(from) <= category(to);
}

const BY_NAME: Record<string, DType> = {
  float32, float: float32, float64, double: float64, int32, int: int32, int64, long: int64, bool,
  float16, half: float16, bfloat16, uint8, int8, int16, short: int16,
};
/** Accepts a DType or its name ('float32', 'long', 'torch.float64'). */
export function toDType(d: DType | string | undefined | null, fallback: DType): DType {
  if (d == null) return fallback;
  if (d instanceof DType) return d;
  const r = BY_NAME[d.replace(/^torch\./, '')];
  if (!r) throw new TypeError(`unsupported dtype: ${d}`);
  return r;
}
