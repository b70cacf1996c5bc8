// Scans on the built package (dist/; `npm run build` first): cumprod, cumsum, cummax and
// logcumsumexp over 1e6 float32 elements (1-D, dim 0), forward only, against PyTorch 1.13 run
// in the same process tree (2 threads). Medians over REPEATS (default 15) calls after warm-up.
import { execFileSync } from 'node:child_process';
import { torch } from './_torch.mjs';

const REPEATS = Number(process.env.REPEATS ?? 15);
const N = 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function time(fn) {
  for (let i = 0; i < 3; i++) fn();
  const s = [];
  for (let r = 0; r < REPEATS; r++) {
    const t = performance.now();
    fn();
    s.push(performance.now() - t);
  }
  return median(s);
}

// values near 1 so the product stays finite
const x = torch.rand([N]).mul(0.002).add(0.999);
const ours = {
  cumprod: time(() => x.cumprod(0)),
  cumsum: time(() => x.cumsum(0)),
  cummax: time(() => x.cummax(0)),
  logcumsumexp: time(() => x.logcumsumexp(0)),
};

const py = `
import time, torch
torch.set_num_threads(2)
x = torch.rand(${N}) * 0.002 + 0.999
def t(f):
    for _ in range(3): f()
    s = []
    for _ in range(${REPEATS}):
        a = time.perf_counter(); f(); s.append((time.perf_counter() - a) * 1e3)
    return sorted(s)[len(s) // 2]
print(t(lambda: x.cumprod(0)), t(lambda: x.cumsum(0)), t(lambda: x.cummax(0)), t(lambda: x.logcumsumexp(0)))
`;
const env = { ...process.env, OPENBLAS_CORETYPE: 'SkylakeX', OMP_WAIT_POLICY: 'PASSIVE' };
const theirs = execFileSync('/usr/bin/python3', ['-c', py], { env, encoding: 'utf8' }).trim().split(/\s+/).map(Number);
console.log('op (1e6 float32, dim 0)   torchlike ms   PyTorch ms   ratio');
Object.entries(ours).forEach(([k, v], i) =>
  console.log(`${k.padEnd(26)} ${v.toFixed(2).padStart(12)} ${theirs[i].toFixed(2).padStart(12)} ${(v / theirs[i]).toFixed(2).padStart(7)}`),
);
