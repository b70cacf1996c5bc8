// Memory of a long training run (issue 3, "Speed and memory"): 10,000 steps of the MLP
// 784-256-128-10 (batch 64, SGD momentum 0.9, CrossEntropyLoss, loss.item() each step) on the built
// package; prints the resident set size at 1k and 10k steps (and every 1k in between) plus the
// V8 heap. RSS must stay flat: no tensor, graph node, session or native buffer may accumulate.
// Run as `node --expose-gc bench/rss.mjs` for heap figures after a full GC.
// Env: STEPS (default 10000). Exit 1 when RSS at the end exceeds RSS at 1k steps by more than
// RSS_SLACK_MB (default 32).

import { mlp, torch } from './_torch.mjs';
const { nn, optim } = torch;
const STEPS = Number(process.env.STEPS ?? 10_000);
const SLACK = Number(process.env.RSS_SLACK_MB ?? 32);
torch.set_num_threads(Number(process.env.BENCH_THREADS ?? 2));

torch.manual_seed(0);
const model = mlp();
const x = torch.randn(64, 784);
const y = torch.randint(0, 10, [64]);
const opt = new optim.SGD(model.parameters(), { lr: 0.01, momentum: 0.9 });
const loss_fn = new nn.CrossEntropyLoss();

const mb = (b) => (b / 2 ** 20).toFixed(1);
// With --expose-gc (npm run bench passes it) a full GC runs before each reading, so the heap
// figure is live data only and a steady climb in it is a leak, not garbage awaiting collection.
const mem = () => {
  globalThis.gc?.();
  return process.memoryUsage();
};
const m0 = mem();
console.log(`start: rss ${mb(m0.rss)} MB, heap ${mb(m0.heapUsed)} MB`);
const t0 = performance.now();
let rss1k = 0;
let loss = NaN;
for (let s = 1; s <= STEPS; s++) {
  opt.zero_grad();
  const l = loss_fn(model(x), y);
  l.backward();
  opt.step();
  loss = l.item();
  if (s % 1000 === 0) {
    const m = mem();
    if (s === 1000) rss1k = m.rss;
    console.log(
      `step ${String(s).padStart(5)}: rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB, external ${mb(m.external)} MB, loss ${loss.toFixed(5)}, ${((performance.now() - t0) / s).toFixed(3)} ms/step`,
    );
  }
}
const end = mem().rss;
const grew = (end - rss1k) / 2 ** 20;
console.log(`heap after GC: ${globalThis.gc ? 'yes' : 'no (run with --expose-gc)'}`);
console.log(`RSS at 1k steps: ${mb(rss1k)} MB; at ${STEPS / 1000}k steps: ${mb(end)} MB (${grew >= 0 ? '+' : ''}${grew.toFixed(1)} MB)`);
console.log(JSON.stringify({ rss_mb_1k: rss1k / 2 ** 20, rss_mb_end: end / 2 ** 20, steps: STEPS, flat: grew <= SLACK }));
if (grew > SLACK) {
  console.log(`RSS grew by more than ${SLACK} MB between 1k and ${STEPS} steps`);
  process.exit(1);
}
