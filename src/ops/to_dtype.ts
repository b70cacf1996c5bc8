// Cast: x.to(dtype), x.float(), x.double(), x.long(), x.int(), x.bool(), x.half(), x.bfloat16(),
// x.byte(), x.char(), x.short(), x.type(dtype).
import { checkDevice, deviceIn, type DeviceLike } from '../device.js';
import { isOpts } from '../args.js';
import { bfloat16, bool, DType, float16, float32, float64, int16, int32, int64, int8, toDType, uint8 } from '../dtype.js';
import { apply1 } from '../dispatch.js';
import { defineOp } from '../op.js';
import { Tensor } from '../tensor.js';

export const ToDtype = defineOp<{ dtype: DType }>({
  name: '_to_copy',
  backwardName: 'ToCopyBackward0',
  infer: (x, a) => [{ dtype: a.dtype, shape: x[0]._shape }],
  // The output's io dtype, not attrs.dtype: eager sessions compute narrow dtypes wide (src/widen.ts)
  // and cast back themselves, so float64 -> float16 rounds through float32 as PyTorch's cast does.
  lower: (g, x, _a, io) => [g.op1('Cast', x, { to: io.outputs[0].dtype.onnx })],
  attrKey: (a) => a.dtype.name,
  saves: { inputs: [] },
  grad: (ctx, [gy]) => [to_dtype(gy!, ctx.inputMeta[0].dtype)],
});

/** Converts to a dtype (a copy; returns x itself when the dtype already matches, like PyTorch). */
export function to_dtype(x: Tensor, dtype: DType, copy = false): Tensor {
  if (x.dtype === dtype && !copy) return x;
  return apply1(ToDtype, [x], { dtype });
}

declare module '../tensor.js' {
  interface Tensor {
    /** x.to(dtype) / x.to(device, dtype?) / x.to(other) / x.to({ dtype, device, copy }), as PyTorch's overloads */
    to(...args: (DType | string | Tensor | { type: string } | boolean | null | undefined | { dtype?: DType | string; copy?: boolean; device?: unknown; non_blocking?: boolean })[]): Tensor;
    /** x.type(dtype) converts; x.type() names the type ('torch.FloatTensor'). */
    type(dtype?: DType | string): Tensor | string;
    float(): Tensor;
    double(): Tensor;
    long(): Tensor;
    int(): Tensor;
    bool(): Tensor;
    half(): Tensor;
    bfloat16(): Tensor;
    byte(): Tensor;
    char(): Tensor;
    short(): Tensor;
  }
}

// PyTorch's overloads: to(dtype, non_blocking, copy), to(device, dtype, non_blocking, copy),
// to(other, non_blocking, copy), each with a trailing options object.
Tensor.prototype.to = function (this: Tensor, ...args: unknown[]) {
  const o: { dtype?: DType | string | null; device?: DeviceLike; copy?: boolean } = isOpts(args[args.length - 1]) ? { ...(args.pop() as object) } : {};
  const [first, ...rest] = args;
  let pos: string[] = ['non_blocking', 'copy'];
  if (first instanceof DType) o.dtype = first;
  else if (first instanceof Tensor) o.dtype = first.dtype;
  else if (first !== undefined && first !== null && deviceIn(first) !== undefined) {
    o.device = deviceIn(first);
    pos = ['dtype', 'non_blocking', 'copy'];
  } else if (typeof first === 'string') o.dtype = first;
  rest.forEach((v, k) => {
    if (v !== undefined && k < pos.length) (o as Record<string, unknown>)[pos[k]] = v;
  });
  checkDevice(o.device);
  return to_dtype(this, toDType(o.dtype ?? null, this.dtype), o.copy ?? false);
};
Tensor.prototype.type = function (this: Tensor, dtype?: DType | string) {
  if (dtype === undefined) return `torch.${this.dtype.scalarName}Tensor`;
  if (typeof dtype === 'string') {
    const m = /^(?:torch\.)?(Float|Double|Long|Int|Bool|Half|BFloat16|Byte|Char|Short)Tensor$/.exec(dtype);
    if (m) dtype = { Float: float32, Double: float64, Long: int64, Int: int32, Bool: bool, Half: float16, BFloat16: bfloat16, Byte: uint8, Char: int8, Short: int16 }[m[1]]!;
  }
  return to_dtype(this, toDType(dtype, this.dtype));
};
Tensor.prototype.float = function (this: Tensor) {
  return to_dtype(this, float32);
};
Tensor.prototype.double = function (this: Tensor) {
  return to_dtype(this, float64);
};
Tensor.prototype.long = function (this: Tensor) {
  return to_dtype(this, int64);
};
Tensor.prototype.int = function (this: Tensor) {
  return to_dtype(this, int32);
};
Tensor.prototype.bool = function (this: Tensor) {
  return to_dtype(this, bool);
};
Tensor.prototype.half = function (this: Tensor) {
  return to_dtype(this, float16);
};
Tensor.prototype.bfloat16 = function (this: Tensor) {
  return to_dtype(this, bfloat16);
};
Tensor.prototype.byte = function (this: Tensor) {
  return to_dtype(this, uint8);
};
Tensor.prototype.char = function (this: Tensor) {
  return to_dtype(this, int8);
};
Tensor.prototype.short = function (this: Tensor) {
  return to_dtype(this, int16);
};
