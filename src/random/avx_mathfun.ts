// avx_mathfun.h's log256_ps / sincos256_ps (cephes single precision), which PyTorch's AVX2
// normal_fill uses for float32 tensors of 16+ elements. GCC contracts the intrinsics' a*b+c into
// FMAs (-mfma -ffp-contract=fast): `fma` rounds once, as vfmadd does.

const f32 = Math.fround;
/** One float32 multiply-add with a single rounding (vfmadd). */
export const fma = (a: number, b: number, c: number): number => f32(a * b + c);
const LOG_P = [7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1].map(f32);
const LOG_Q1 = f32(-2.12194440e-4);
const LOG_Q2 = f32(0.693359375);
const SQRTHF = f32(0.707106781186547524);
const f32buf = new Float32Array(1);
const u32buf = new Uint32Array(f32buf.buffer);

/** log256_ps for one lane. */
export function logf(x: number): number {
  if (x <= 0) return NaN;
  f32buf[0] = Math.max(x, 1.17549435e-38);
  const bits = u32buf[0];
  let e = f32(((bits >>> 23) - 0x7f) + 1);
  u32buf[0] = (bits & ~0x7f800000) | 0x3f000000;
  x = f32buf[0];
  const tmp0 = x < SQRTHF ? x : 0;
  x = f32(x - 1);
  if (tmp0) e = f32(e - 1);
  x = f32(x + tmp0);
  const z = f32(x * x);
  let y = LOG_P[0];
  for (let i = 1; i < 9; i++) y = fma(y, x, LOG_P[i]);
  y = f32(y * x);
  y = fma(y, z, f32(e * LOG_Q1));
  y = fma(-z, 0.5, y);
  x = f32(x + y);
  return fma(e, LOG_Q2, x);
}

const DP1 = -0.78515625;
const DP2 = f32(-2.4187564849853515625e-4);
const DP3 = f32(-3.77489497744594108e-8);
const SIN_P = [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1].map(f32);
const COS_P = [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2].map(f32);
const FOPI = f32(1.27323954473516);

/** sincos256_ps for one lane: [sin, cos]. */
export function sincosf(x: number): [number, number] {
  const sinNeg = x < 0 || Object.is(x, -0);
  x = Math.abs(x);
  let j = Math.trunc(f32(x * FOPI)) | 0;
  j = (j + 1) & ~1;
  const y = j;
  const swapSin = (j & 4) !== 0;
  const polyMask = (j & 2) === 0;
  x = fma(y, DP1, x);
  x = fma(y, DP2, x);
  x = fma(y, DP3, x);
  const cosNeg = (~(j - 2) & 4) !== 0;
  const z = f32(x * x);
  let c = fma(COS_P[0], z, COS_P[1]);
  c = fma(c, z, COS_P[2]);
  c = f32(c * z);
  c = fma(c, z, -f32(z * 0.5));
  c = f32(c + 1);
  let s = fma(SIN_P[0], z, SIN_P[1]);
  s = fma(s, z, SIN_P[2]);
  s = f32(s * z);
  s = fma(s, x, x);
  let sin = polyMask ? s : c;
  let cos = polyMask ? c : s;
  if (sinNeg !== swapSin) sin = -sin;
  if (cosNeg) cos = -cos;
  return [sin, cos];
}
