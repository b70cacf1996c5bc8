// torch.finfo / torch.iinfo: machine limits of floating and integer dtypes (PyTorch's values).
import { bfloat16, bool, type DType, float16, float32, float64, int16, int32, int64, int8, uint8 } from './dtype.js';
import { TorchTypeError } from './errors.js';
import { get_default_dtype } from './dtype.js';
import { pyRound } from './format.js';

/** torch.finfo(dtype): bits, eps, max, min, tiny (= smallest_normal), resolution, dtype. */
/** The object torch.finfo returns. */
export class FInfo {
  readonly bits: number;
  readonly eps: number;
  readonly max: number;
  readonly min: number;
  readonly tiny: number;
  readonly smallest_normal: number;
  readonly resolution: number;
  /** The dtype's name, as PyTorch's finfo.dtype ('float32'). */
  readonly dtype: string;
  constructor(type: DType = get_default_dtype()) {
    const v = FINFO.get(type);
    if (!v) throw new TorchTypeError(`torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'`);
    [this.bits, this.eps, this.max, this.tiny, this.resolution] = v;
    this.min = -this.max;
    this.smallest_normal = this.tiny;
    this.dtype = type.name;
  }
  toString(): string {
    return `finfo(resolution=${g6(this.resolution)}, min=${g6(this.min)}, max=${g6(this.max)}, eps=${g6(this.eps)}, smallest_normal=${g6(this.tiny)}, tiny=${g6(this.tiny)}, dtype=${this.dtype})`;
  }
}

/** torch.iinfo(dtype): bits, max, min, dtype (int64's limits as the nearest numbers). */
/** The object torch.iinfo returns. */
export class IInfo {
  readonly bits: number;
  readonly max: number;
  readonly min: number;
  readonly dtype: string;
  constructor(type: DType) {
    const v = IINFO.get(type);
    if (!v)
      throw new TorchTypeError(
        type.is_floating_point ? "torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'" : `torch.${type.name} is not supported by torch.iinfo`,
      );
    [this.bits, this.min, this.max] = v;
    this.dtype = type.name;
  }
  toString(): string {
    return `iinfo(min=${g6(this.min)}, max=${g6(this.max)}, dtype=${this.dtype})`;
  }
}

/** C's %g (6 significant digits), as PyTorch's finfo/iinfo repr prints. */
function g6(x: number): string {
  if (x === 0) return '0';
  const [m, e] = pyRound(x, 5, true).split('e'); // round half to even, as printf
  const exp = Number(e);
  const trim = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (exp < -4 || exp >= 6) return `${trim(m)}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return trim(pyRound(x, Math.max(0, 5 - exp), false));
}

// bits, eps, max, tiny, resolution
const FINFO = new Map<DType, [number, number, number, number, number]>([
  [float16, [16, 2 ** -10, 65504, 2 ** -14, 0.001]],
  [bfloat16, [16, 2 ** -7, 3.3895313892515355e38, 2 ** -126, 0.01]],
  [float32, [32, 2 ** -23, 3.4028234663852886e38, 2 ** -126, 1e-6]],
  [float64, [64, 2 ** -52, Number.MAX_VALUE, 2 ** -1022, 1e-15]],
]);
const IINFO = new Map<DType, [number, number, number]>([
  [uint8, [8, 0, 255]],
  [int8, [8, -128, 127]],
  [int16, [16, -32768, 32767]],
  [int32, [32, -2147483648, 2147483647]],
  [int64, [64, -(2 ** 63), 2 ** 63]],
]);
void bool;

/** torch.finfo(dtype?) (default dtype when omitted). */
export function finfo(type?: DType): FInfo {
  return new FInfo(type);
}
/** torch.iinfo(dtype) */
export function iinfo(type: DType): IInfo {
  return new IInfo(type);
}
