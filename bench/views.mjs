// Cost of strided views on the built package (dist/; `npm run build` first, `npm run bench` does it):
//   (a) ns per call of transpose, t, select, narrow, expand, view, on a 16x16 and a 1024x1024 float32
//       tensor. A view is O(1): its time must not grow with the tensor (the "x1024" column is the
//       1024x1024 time over the 16x16 time; a copying op shows ~4000x), and it shares the storage
//       (the "aliases" column: untyped_storage().data_ptr() equal to the base's).
//   (b) x.t().matmul(y) vs x.matmul(y) on 1024x1024 float32: what a non-contiguous operand costs.
// Blocks of the cases alternate (rotated order) so machine drift hits all alike; medians (and p10)
// over the blocks. Env: REPEATS (blocks, default 9), BLOCK_MS (default 50).
import { torch } from './_torch.mjs';

const REPEATS = Number(process.env.REPEATS ?? 9);
const BLOCK_MS = Number(process.env.BLOCK_MS ?? 50);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};
const p10 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 10)];

/** Seconds per call of each fn, per block; fns alternate block by block. */
function interleaved(fns, blockMs) {
  const iters = fns.map((fn) => {
    for (let i = 0; i < 3; i++) fn();
    const t = performance.now();
    fn();
    return Math.max(1, Math.round(blockMs / Math.max(performance.now() - t, 1e-4)));
  });
  const samples = fns.map(() => []);
  for (let r = 0; r < REPEATS; r++)
    for (let k = 0; k < fns.length; k++) {
      const j = (k + r) % fns.length;
      const t = performance.now();
      for (let i = 0; i < iters[j]; i++) fns[j]();
      samples[j].push((performance.now() - t) / 1000 / iters[j]);
    }
  return samples;
}

const lcg = (seed) => () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const rnd = lcg(7);
const mat = (n) => torch.from_numpy(Float32Array.from({ length: n * n }, () => rnd() * 2 - 1)).reshape(n, n);

const ptr = (t) => {
  try {
    return t.untyped_storage().data_ptr();
  } catch {
    return undefined;
  }
};

const OPS = {
  'transpose(0, 1)': (x) => x.transpose(0, 1),
  't()': (x) => x.t(),
  'select(0, 3)': (x) => x.select(0, 3),
  'narrow(1, 2, 8)': (x) => x.narrow(1, 2, 8),
  'expand(4, n, n)': (x) => x.unsqueeze(0).expand(4, -1, -1),
  'view(-1)': (x) => x.view(-1),
};

const small = mat(16);
const big = mat(1024);
const names = Object.keys(OPS);
const fns = names.flatMap((k) => [() => OPS[k](small), () => OPS[k](big)]);
const samples = interleaved(fns, BLOCK_MS);

const f = (v, d = 1) => v.toFixed(d);
const row = (...c) => console.log(c.map((x, i) => String(x).padEnd(i ? 13 : 20)).join(''));
console.log(`torchlike views bench — node ${process.version}, ${REPEATS} blocks per case`);
console.log('\n(a) ns per call (median, p10); x1024 = 1024x1024 median / 16x16 median; aliases = shares the base\'s storage');
row('op', '16x16', 'p10', '1024x1024', 'p10', 'x1024', 'aliases');
const result = { views_ns_per_call: {}, matmul_ms: {} };
names.forEach((k, i) => {
  const s = samples[2 * i].map((v) => v * 1e9);
  const b = samples[2 * i + 1].map((v) => v * 1e9);
  const pb = ptr(big);
  const alias = pb === undefined ? 'n/a (no untyped_storage)' : ptr(OPS[k](big)) === pb ? 'yes' : 'NO (copy)';
  row(k, f(median(s)), f(p10(s)), f(median(b)), f(p10(b)), f(median(b) / median(s), 2), alias);
  result.views_ns_per_call[k] = { n16: median(s), n1024: median(b), ratio: median(b) / median(s), aliases: pb === undefined ? null : alias === 'yes' };
});

// (b) matmul with a transposed (non-contiguous) operand
const D = 1024;
const x = mat(D);
const y = mat(D);
const xt = x.t().contiguous(); // the same values as x.t(), dense
const mmPlain = () => xt.matmul(y);
const mmT = () => x.t().matmul(y);
const c1 = mmPlain();
const c2 = mmT();
const d1 = c1.numpy();
const d2 = c2.contiguous().numpy();
for (const i of [0, 5 * D + 7, D * D - 1])
  if (Math.abs(d1[i] - d2[i]) > 1e-3 * Math.max(1, Math.abs(d1[i]))) throw new Error(`x.t().matmul(y) differs from x.t().contiguous().matmul(y) at ${i}: ${d2[i]} vs ${d1[i]}`);
const [mp, mt] = interleaved([mmPlain, mmT], 200);
console.log(`\n(b) matmul ${D}x${D} float32, ms per call (median, p10); x.matmul(y) with x = x.t().contiguous() vs x.t().matmul(y)`);
row('case', 'median', 'p10', 'GFLOP/s');
const gf = (s) => (2 * D ** 3) / s / 1e9;
row('x.matmul(y)', f(median(mp) * 1e3, 2), f(p10(mp) * 1e3, 2), f(gf(median(mp))));
row('x.t().matmul(y)', f(median(mt) * 1e3, 2), f(p10(mt) * 1e3, 2), f(gf(median(mt))));
console.log(`x.t().matmul(y) / x.matmul(y) = ${f(median(mt) / median(mp), 2)}x`);
result.matmul_ms = { contiguous: median(mp) * 1e3, transposed: median(mt) * 1e3, ratio: median(mt) / median(mp) };
console.log('\n' + JSON.stringify(result));
