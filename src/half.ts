// float16 and bfloat16: stored as raw bits in a Uint16Array. Conversions are c10's, bit for bit:
// float32 -> float16 is fp16_ieee_from_fp32_value (round to nearest even, subnormals, NaN -> 0x7E00
// with the sign), float32 -> bfloat16 is round_to_nearest_even (NaN -> 0x7FC0). A JS number (double)
// is first rounded to float32, as PyTorch's static_cast<Half>(double) goes through float.
import type { DType, TypedArray } from './dtype.js';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const bitsOf = (v: number): number => {
  f32[0] = v;
  return u32[0];
};
const fromBits = (b: number): number => {
  u32[0] = b >>> 0;
  return f32[0];
};
const SCALE_TO_INF = fromBits(0x77800000);
const SCALE_TO_ZERO = fromBits(0x08800000);

/** float16 bits of a number (rounded to float32 first). */
export function toFloat16Bits(v: number): number {
  const f = Math.fround(v);
  let base = Math.fround(Math.fround(Math.abs(f) * SCALE_TO_INF) * SCALE_TO_ZERO);
  const w = bitsOf(f);
  const shl1 = (w << 1) >>> 0;
  const sign = (w & 0x80000000) >>> 0;
  let bias = (shl1 & 0xff000000) >>> 0;
  if (bias < 0x71000000) bias = 0x71000000;
  base = Math.fround(fromBits((bias >>> 1) + 0x07800000) + base);
  const bits = bitsOf(base);
  const nonsign = ((bits >>> 13) & 0x7c00) + (bits & 0x0fff);
  return (sign >>> 16) | (shl1 > 0xff000000 ? 0x7e00 : nonsign);
}

/** The value of float16 bits (exact). */
export function fromFloat16Bits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 0x1f) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

/** bfloat16 bits of a number (rounded to float32 first, then to nearest even). */
export function toBFloat16Bits(v: number): number {
  const f = Math.fround(v);
  if (Number.isNaN(f)) return 0x7fc0;
  const u = bitsOf(f);
  return ((u + (((u >>> 16) & 1) + 0x7fff)) >>> 16) & 0xffff;
}

/** The value of bfloat16 bits (exact). */
export function fromBFloat16Bits(b: number): number {
  return fromBits(b << 16);
}

/** Encoder/decoder of a half dtype. */
export function halfCodec(dt: DType): { enc: (v: number) => number; dec: (b: number) => number } {
  return dt.name === 'bfloat16' ? { enc: toBFloat16Bits, dec: fromBFloat16Bits } : { enc: toFloat16Bits, dec: fromFloat16Bits };
}

let F16_TABLE: Float32Array | null = null;
/** Every float16 bit pattern's value (256 KB, built on first use): decoding is one lookup. */
function f16Table(): Float32Array {
  if (F16_TABLE === null) {
    F16_TABLE = new Float32Array(65536);
    for (let h = 0; h < 65536; h++) F16_TABLE[h] = fromFloat16Bits(h);
  }
  return F16_TABLE;
}

/** Raw half bits -> Float32Array (exact). */
export function halfToFloat32(bits: Uint16Array, dt: DType): Float32Array {
  const out = new Float32Array(bits.length);
  if (dt.name === 'bfloat16') {
    const o = new Uint32Array(out.buffer);
    for (let i = 0; i < bits.length; i++) o[i] = bits[i] << 16;
  } else {
    const t = f16Table();
    for (let i = 0; i < bits.length; i++) out[i] = t[bits[i]];
  }
  return out;
}

/**
 * float32 bits -> float16 bits, round to nearest even; the same results as toFloat16Bits (c10's
 * fp16_ieee_from_fp32_value) in integer arithmetic (F. Giesen's float_to_half_fast3_rtne).
 */
function f32BitsToF16(x: number, f: number): number {
  const sign = (x >>> 16) & 0x8000;
  const abs = x & 0x7fffffff;
  if (abs >= 0x477ff000) return sign | (abs > 0x7f800000 ? 0x7e00 : 0x7c00); // NaN, inf, >= 65520
  if (abs < 0x38800000) {
    // subnormal or zero: adding 0.5 in float32 rounds to the subnormal's bits
    return sign | (bitsOf(Math.fround(Math.abs(f) + 0.5)) - 0x3f000000);
  }
  return sign | ((abs - 0x38000000 + 0xfff + ((abs >>> 13) & 1)) >>> 13);
}

/** Float32 values -> raw half bits, rounded to nearest even. */
export function float32ToHalf(src: Float32Array, dt: DType): Uint16Array {
  const out = new Uint16Array(src.length);
  const u = new Uint32Array(src.buffer, src.byteOffset, src.length);
  if (dt.name === 'bfloat16') {
    for (let i = 0; i < src.length; i++) {
      const x = u[i];
      out[i] = (x & 0x7fffffff) > 0x7f800000 ? 0x7fc0 : ((x + (((x >>> 16) & 1) + 0x7fff)) >>> 16) & 0xffff;
    }
  } else for (let i = 0; i < src.length; i++) out[i] = f32BitsToF16(u[i], src[i]);
  return out;
}

/** Reads element i as a number whatever the storage (half bits decoded, int64 as a number). */
export function readNumber(d: TypedArray, i: number, dt: DType): number {
  if (dt.isHalf) return halfCodec(dt).dec((d as Uint16Array)[i]);
  return Number(d[i]);
}
