// dtypes and PyTorch's type promotion (c10/core/ScalarType.h, ATen's result_type).

export type DTypeName = 'float32' | 'float64' | 'int32' | 'int64' | 'bool';
export type TypedArray = Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array;
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
  get itemsize(): number {
    return this.array.BYTES_PER_ELEMENT;
  }
  get is_complex(): boolean {
    return false;
  }
  toString(): string {
    return `torch.${this.name}`;
  }
  /** Python-style name used in error messages: Float, Double, Int, Long, Bool. */
  get scalarName(): string {
    return SCALAR_NAMES[this.name];
  }
}

const SCALAR_NAMES: Record<DTypeName, string> = { float32: 'Float', float64: 'Double', int32: 'Int', int64: 'Long', bool: 'Bool' };

export const bool = new DType('bool', 9, 'torch.bool', Uint8Array as unknown as ArrayCtor, 0, false, false);
export const int32 = new DType('int32', 6, 'torch.int32', Int32Array as unknown as ArrayCtor, 1, false, true);
export const int64 = new DType('int64', 7, 'torch.int64', BigInt64Array as unknown as ArrayCtor, 2, false, true);
export const float32 = new DType('float32', 1, 'torch.float32', Float32Array as unknown as ArrayCtor, 3, true, false);
export const float64 = new DType('float64', 11, 'torch.float64', Float64Array as unknown as ArrayCtor, 4, true, false);

export const DTYPES: readonly DType[] = [bool, int32, int64, float32, float64];
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
};
/** Accepts a DType or its name ('float32', 'long', 'torch.float64'). */
export function toDType(d: DType | string | undefined | null, fallback: DType): DType {
  if (d == null) return fallback;
  if (d instanceof DType) return d;
  const r = BY_NAME[d.replace(/^torch\./, '')];
  if (!r) throw new TypeError(`unsupported dtype: ${d}`);
  return r;
}
