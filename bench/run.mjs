// `npm run bench`: torchlike's eager dispatch and matmul throughput against raw onnxruntime-node
// (same sessions, same thread counts) and, when /usr/bin/python3 has torch, PyTorch.
// Runs against the built package (dist/). Blocks of each system alternate so that drift on a
// shared 2-core machine hits both sides alike; medians (and p10) of the blocks are reported.
// Then runs bench/train.mjs (training steps vs PyTorch), bench/rss.mjs (RSS over 10k steps) and
// bench/views.mjs (cost of strided views, transposed matmul operands).
// Env: REPEATS (blocks per system, default 9), TORCH_PYTHON (default /usr/bin/python3), BENCH_TRAIN=0, BENCH_VIEWS=0.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { torch } from './_torch.mjs';
import { f32, ortVersion, rawSession, singleNodeModel } from './raw_ort.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPEATS = Number(process.env.REPEATS ?? 9);
const OPS = 200;
const N = 64;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};
const p10 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 10)];

/** Times each step function in alternating blocks of ~blockMs; returns seconds/step samples per system. */
function interleaved(steps, blockMs) {
  const iters = steps.map((step) => {
    for (let i = 0; i < 3; i++) step();
    const t = performance.now();
    step();
    return Math.max(1, Math.round(blockMs / Math.max(performance.now() - t, 1e-3)));
  });
  const samples = steps.map(() => []);
  for (let r = 0; r < REPEATS; r++)
    for (let k = 0; k < steps.length; k++) {
      const j = (k + r) % steps.length; // rotate the order each round
      const t = performance.now();
      for (let i = 0; i < iters[j]; i++) steps[j]();
      samples[j].push((performance.now() - t) / 1000 / iters[j]);
    }
  return samples;
}

// Deterministic inputs (same value ranges as the shared bench's small_ops).
const lcg = (seed) => () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const rnd = lcg(42);
const x0d = Float32Array.from({ length: N }, () => rnd() * 2 - 1);
const bd = Float32Array.from({ length: N }, () => rnd() * 0.2 - 0.1);
const md = Float32Array.from({ length: N }, () => rnd() * 0.2 + 0.9);

// (a) dispatch overhead: 200 chained elementwise ops, then sum().item().
const tx0 = torch.tensor(x0d);
const tb = torch.tensor(bd);
const tm = torch.tensor(md);
const tlSmall = () => {
  let x = tx0;
  for (let i = 0; i < OPS; i++) {
    const k = i % 3;
    x = k === 0 ? x.add(tb) : k === 1 ? x.mul(tm) : x.relu();
  }
  return x.sum().item();
};
const sAdd = rawSession(singleNodeModel('Add', 2, 1));
const sMul = rawSession(singleNodeModel('Mul', 2, 1));
const sRelu = rawSession(singleNodeModel('Relu', 1, 1));
const sSum = rawSession(singleNodeModel('ReduceSum', 1, 1, 0, [{ name: 'keepdims', type: 2, i: 0 }]));
const rx0 = f32(x0d, [N]);
const rb = f32(bd, [N]);
const rm = f32(md, [N]);
const rawSmall = () => {
  let x = rx0;
  for (let i = 0; i < OPS; i++) {
    const k = i % 3;
    x = k === 0 ? sAdd.run(x, rb) : k === 1 ? sMul.run(x, rm) : sRelu.run(x);
  }
  return sSum.run(x).data[0];
};
const a1 = tlSmall();
const a2 = rawSmall();
if (Math.abs(a1 - a2) > 1e-4 * Math.max(1, Math.abs(a2))) throw new Error(`small_ops results differ: torchlike ${a1}, raw ${a2}`);
const [tlS, rawS] = interleaved([tlSmall, rawSmall], 60);
const us = (s) => (s * 1e6) / OPS;

// (b) matmul 1024x1024 float32, same thread count and session options as torchlike uses.
const threads = torch.get_num_threads();
const D = 1024;
const ad = Float32Array.from({ length: D * D }, () => rnd() * 2 - 1);
const bmd = Float32Array.from({ length: D * D }, () => rnd() * 2 - 1);
const ta = torch.from_numpy(ad).reshape(D, D);
const tbm = torch.from_numpy(bmd).reshape(D, D);
const sMM = rawSession(singleNodeModel('MatMul', 2, 2), { threads });
const ra = f32(ad, [D, D]);
const rbm = f32(bmd, [D, D]);
const tlMM = () => ta.matmul(tbm);
const rawMM = () => sMM.run(ra, rbm);
const c1 = tlMM().numpy()[3 * D + 5];
const c2 = rawMM().data[3 * D + 5];
if (Math.abs(c1 - c2) > 1e-3 * Math.max(1, Math.abs(c2))) throw new Error(`matmul results differ: ${c1} vs ${c2}`);
const [tlM, rawM] = interleaved([tlMM, rawMM], 150);
const gflops = (s) => (2 * D ** 3) / s / 1e9;

// (c) PyTorch, same workloads, in its best configuration on this machine.
const py = process.env.TORCH_PYTHON ?? '/usr/bin/python3';
let pt = null;
let ptNote = '';
if (existsSync(py)) {
  const r = spawnSync(py, [fileURLToPath(new URL('./torch_ops.py', import.meta.url)), String(REPEATS), String(threads)], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, OPENBLAS_CORETYPE: process.env.OPENBLAS_CORETYPE ?? 'SkylakeX', OMP_WAIT_POLICY: process.env.OMP_WAIT_POLICY ?? 'PASSIVE' },
    timeout: 120_000,
  });
  if (r.status === 0) pt = JSON.parse(r.stdout.trim().split('\n').pop());
  else ptNote = `PyTorch not measured: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`;
} else ptNote = `PyTorch not measured: ${py} not found`;

const f = (v, d = 2) => v.toFixed(d);
const row = (...c) => console.log(c.map((x, i) => String(x).padEnd(i ? 14 : 34)).join(''));
console.log(`torchlike bench — onnxruntime-node ${ortVersion}, node ${process.version}, ${REPEATS} blocks per system, matmul threads ${threads}`);
console.log('\n(a) dispatch: 200 chained add/mul/relu on float32[64], then sum().item()   [µs/op: median, p10]');
row('system', 'median', 'p10');
row('torchlike', f(us(median(tlS))), f(us(p10(tlS))));
row('raw ORT binding (same sessions)', f(us(median(rawS))), f(us(p10(rawS))));
if (pt) row(`PyTorch ${pt.torch}`, f(pt.small_ops_us_per_op), f(pt.small_ops_us_per_op_p10));
const dispRatio = median(tlS) / median(rawS);
console.log(`torchlike / raw ORT = ${f(dispRatio)}x (target <= 1.30x)${pt ? `; torchlike / PyTorch = ${f(us(median(tlS)) / pt.small_ops_us_per_op)}x` : ''}`);

console.log(`\n(b) matmul 1024x1024 float32, ${threads} threads   [GFLOP/s: median, p10]`);
row('system', 'median', 'p10');
row('torchlike', f(gflops(median(tlM)), 1), f(gflops(p10(tlM)), 1));
row('raw ORT MatMul session', f(gflops(median(rawM)), 1), f(gflops(p10(rawM)), 1));
if (pt) row(`PyTorch ${pt.torch} (${pt.threads} threads)`, f(pt.matmul_gflops, 1), f(pt.matmul_gflops_p10, 1));
const mmRatio = median(rawM) / median(tlM);
console.log(`torchlike / raw ORT = ${f(mmRatio * 100, 1)}% (target >= 90%)${pt ? `; torchlike / PyTorch = ${f((gflops(median(tlM)) / pt.matmul_gflops) * 100, 1)}%` : ''}`);
if (pt && !pt.openblas_core)
  console.log('note: PyTorch\'s libblas.so.3 is not OpenBLAS here (reference BLAS?): its GEMM figure is not the machine\'s ceiling (OpenBLAS SkylakeX: ~280 GFLOP/s, /work/shared/bench/RESULTS.md).');
if (ptNote) console.log(`\n${ptNote}`);

console.log(
  '\n' +
    JSON.stringify({
      dispatch_us_per_op: { torchlike: us(median(tlS)), raw_ort: us(median(rawS)), pytorch: pt?.small_ops_us_per_op ?? null, ratio_vs_raw: dispRatio },
      matmul_gflops: { torchlike: gflops(median(tlM)), raw_ort: gflops(median(rawM)), pytorch: pt?.matmul_gflops ?? null, fraction_of_raw: mmRatio },
    }),
);

// (d) training steps vs PyTorch (bench/train.mjs) and memory over 10,000 steps (bench/rss.mjs),
// issue 3's speed-and-memory targets. BENCH_TRAIN=0 skips them.
if (process.env.BENCH_TRAIN !== '0') {
  for (const script of ['train.mjs', 'rss.mjs']) {
    console.log(`\n=== bench/${script} ===`);
    const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(new URL(`./${script}`, import.meta.url))], { cwd: ROOT, stdio: 'inherit', timeout: 300_000 });
    if (r.status !== 0) console.log(`bench/${script} exited with ${r.status ?? r.signal}`);
  }
}

// (e) strided views: O(1) view ops and a transposed matmul operand (bench/views.mjs). BENCH_VIEWS=0 skips it.
if (process.env.BENCH_VIEWS !== '0') {
  console.log('\n=== bench/views.mjs ===');
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('./views.mjs', import.meta.url))], { cwd: ROOT, stdio: 'inherit', timeout: 300_000 });
  if (r.status !== 0) console.log(`bench/views.mjs exited with ${r.status ?? r.signal}`);
}
