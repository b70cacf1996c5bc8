// glibc's double log/sin/cos are (all but never) correctly rounded; V8's fdlibm ports are off by an
// ulp in a few percent of cases. These double-double versions round correctly, so float64 normals
// match PyTorch bit for bit. Only the random fills use them (speed is not the point here).
type DD = [number, number];
function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}
function split(a: number): DD {
  const t = 134217729 * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}
function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}
function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  return twoSum(s, e + a[1] + b[1]);
}
function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return twoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}
function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  const r = ddAdd(a, ddMul(b, [-q1, 0]));
  const q2 = r[0] / b[0];
  const r2 = ddAdd(r, ddMul(b, [-q2, 0]));
  return ddAdd(twoSum(q1, q2), [r2[0] / b[0], 0]);
}
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const PIO2 = [1.5707963267948966, 6.123233995736766e-17, -1.4973849048591698e-33];

/** log(x), x > 0 finite, correctly rounded: 2*atanh((m-1)/(m+1)) + e*ln2 in double-double. */
export function logCR(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Math.log(x);
  let e = Math.floor(Math.log2(x));
  let m = x / 2 ** e;
  if (m < 1) (m *= 2), e--;
  if (m >= 2) (m /= 2), e++;
  if (m > Math.SQRT2) (m /= 2), e++;
  const s = ddDiv(twoSum(m, -1), twoSum(m, 1));
  const s2 = ddMul(s, s);
  let sum: DD = [0, 0];
  for (let k = 45; k >= 1; k -= 2) sum = ddAdd(ddMul(sum, s2), ddDiv([1, 0], [k, 0]));
  const lg = ddMul(ddMul(sum, s), [2, 0]);
  return ddAdd(lg, ddMul(LN2, [e, 0]))[0] + 0;
}

/** sin and cos of x in [0, 8), correctly rounded: reduction by pi/2 in triple precision, Taylor in double-double. */
export function sincosCR(x: number): [number, number] {
  const k = Math.round(x / PIO2[0]);
  let r: DD = twoSum(x, 0);
  for (const p of PIO2) r = ddAdd(r, ddMul([-k, 0], [p, 0]));
  const r2 = ddMul(r, r);
  let sn: DD = [0, 0];
  let cs: DD = [0, 0];
  for (let n = 27; n >= 1; n -= 2) sn = ddAdd(ddMul(sn, r2), invFact(n));
  for (let n = 26; n >= 0; n -= 2) cs = ddAdd(ddMul(cs, r2), invFact(n));
  sn = ddMul(sn, r);
  const q = ((k % 4) + 4) % 4;
  const sv = sn[0] + sn[1];
  const cv = cs[0] + cs[1];
  return q === 0 ? [sv, cv] : q === 1 ? [cv, -sv] : q === 2 ? [-sv, -cv] : [-cv, sv];
}
/** (-1)^j / n! (n = 2j or 2j+1) as a double-double. */
const INV_FACT: DD[] = [];
function invFact(n: number): DD {
  if (!INV_FACT.length) {
    let f: DD = [1, 0];
    for (let i = 0; i <= 30; i++) {
      if (i > 0) f = ddDiv(f, [i, 0]);
      const sign = Math.floor(i / 2) % 2 === 0 ? 1 : -1;
      INV_FACT.push([sign * f[0], sign * f[1]]);
    }
  }
  return INV_FACT[n];
}
