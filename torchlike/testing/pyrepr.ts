// Python's str()/repr() of the few values assert_close's messages print, so they read as PyTorch's.

/** repr(float): shortest round-trip digits; scientific below 1e-4 and from 1e16, as CPython does. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expStr] = x.toExponential().split('e');
  const e = Number(expStr);
  if (e < -4 || e >= 16) {
    const sign = e < 0 ? '-' : '+';
    return `${mant}e${sign}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let s: string;
  if (e < 0) s = `0.${'0'.repeat(-e - 1)}${digits}`;
  else if (digits.length <= e + 1) s = `${digits}${'0'.repeat(e + 1 - digits.length)}.0`;
  else s = `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
  return neg ? `-${s}` : s;
}

/** A Python int or float: integers print without '.0' only when `isInt` says they are ints. */
export function pyNumber(x: number | bigint, isInt: boolean): string {
  if (typeof x === 'bigint') return String(x);
  return isInt && Number.isFinite(x) ? String(BigInt(x)) : pyFloat(x);
}

/** repr(tuple of ints): (), (2,), (1, 0) */
export function pyTuple(xs: readonly number[]): string {
  return xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`;
}

/** repr(str): single quotes unless the text holds a single quote and no double quote. */
export function pyStr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return q + (q === "'" ? body.replace(/'/g, "\\'") : body) + q;
}

/** f'{x:.1%}' (round half to even on the exact binary value, as CPython's formatter). */
export function pyPercent1(x: number): string {
  const p = x * 100;
  const f = p * 10;
  if (Number.isFinite(f) && f - Math.floor(f) === 0.5 && f / 10 === p) {
    const lo = Math.floor(f);
    return `${((lo % 2 === 0 ? lo : lo + 1) / 10).toFixed(1)}%`;
  }
  return `${p.toFixed(1)}%`;
}
