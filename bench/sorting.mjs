// sort / topk on 1e6 float32 elements vs PyTorch (issue 8: within 2x). Built package (dist/;
// `npm run build` first). PyTorch runs in the same process run with 2 threads. Medians over REPEATS.
import { execFileSync } from 'node:child_process';
import { torch } from './_torch.mjs';

const REPEATS = Number(process.env.REPEATS ?? 7);
const N = 1_000_000;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function time(fn) {
  fn();
  const s = [];
  for (let r = 0; r < REPEATS; r++) {
    const t = performance.now();
    fn();
    s.push(performance.now() - t);
  }
  return median(s);
}

torch.manual_seed(0);
const x = torch.randn(N);
const xi = torch.randint(0, 1000, [N]);
const ours = {
  'sort f32 1e6': time(() => torch.sort(x)),
  'sort desc f32 1e6': time(() => torch.sort(x, { descending: true })),
  'argsort f32 1e6': time(() => torch.argsort(x)),
  'topk k=10 f32 1e6': time(() => torch.topk(x, 10)),
  'topk k=1000 f32 1e6': time(() => torch.topk(x, 1000)),
  'sort int64 1e6': time(() => torch.sort(xi)),
};
const py = `
import time, torch, json
torch.set_num_threads(2)
torch.manual_seed(0)
x = torch.randn(${N}); xi = torch.randint(0, 1000, (${N},))
def t(f):
    f(); s = []
    for _ in range(${REPEATS}):
        a = time.perf_counter(); f(); s.append((time.perf_counter() - a) * 1e3)
    return sorted(s)[len(s) // 2]
print(json.dumps({
  'sort f32 1e6': t(lambda: torch.sort(x)),
  'sort desc f32 1e6': t(lambda: torch.sort(x, descending=True)),
  'argsort f32 1e6': t(lambda: torch.argsort(x)),
  'topk k=10 f32 1e6': t(lambda: torch.topk(x, 10)),
  'topk k=1000 f32 1e6': t(lambda: torch.topk(x, 1000)),
  'sort int64 1e6': t(lambda: torch.sort(xi)),
}))`;
const theirs = JSON.parse(
  execFileSync('/usr/bin/python3', ['-c', py], { env: { ...process.env, OPENBLAS_CORETYPE: 'SkylakeX', OMP_WAIT_POLICY: 'PASSIVE' } }).toString(),
);
console.log('case'.padEnd(22), 'torchlike ms'.padStart(13), 'pytorch ms'.padStart(11), 'ratio'.padStart(7));
for (const k of Object.keys(ours))
  console.log(k.padEnd(22), ours[k].toFixed(2).padStart(13), theirs[k].toFixed(2).padStart(11), (ours[k] / theirs[k]).toFixed(2).padStart(7));
