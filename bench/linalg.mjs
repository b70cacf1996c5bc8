// torch.linalg on 256×256 float32 (issue 8: det/inv/solve/svd within 2× PyTorch), on the built
// package (`npm run build` first). torchlike runs pure-JS float64 kernels for these (ONNX has no
// node); PyTorch runs LAPACK (OpenBLAS) with 2 threads, timed in the same run.
import { execFileSync } from 'node:child_process';
import { torch } from './_torch.mjs';

const N = Number(process.env.N ?? 256);
const time = (fn, reps) => {
  fn();
  const ts = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return ts.sort((a, b) => a - b)[ts.length >> 1];
};
torch.manual_seed(0);
const A = torch.randn(N, N).add(torch.eye(N).mul(N ** 0.5));
const B = torch.randn(N, 4);
const ours = {
  det: time(() => torch.linalg.det(A), 15),
  inv: time(() => torch.linalg.inv(A), 15),
  solve: time(() => torch.linalg.solve(A, B), 15),
  cholesky: time(() => torch.linalg.cholesky(A.matmul(A.mT)), 9),
  qr: time(() => torch.linalg.qr(A), 5),
  eigh: time(() => torch.linalg.eigh(A), 3),
  svd: time(() => torch.linalg.svd(A), 3),
  svdvals: time(() => torch.linalg.svdvals(A), 3),
};
const py = `
import time, torch
torch.set_num_threads(2)
N=${N}
A=torch.randn(N,N)+N**0.5*torch.eye(N); B=torch.randn(N,4); S=A@A.mT
L=torch.linalg
def t(f,r):
    f(); ts=[]
    for _ in range(r):
        s=time.perf_counter(); f(); ts.append((time.perf_counter()-s)*1e3)
    return sorted(ts)[len(ts)//2]
print(t(lambda:L.det(A),15), t(lambda:L.inv(A),15), t(lambda:L.solve(A,B),15), t(lambda:L.cholesky(A@A.mT),9),
      t(lambda:L.qr(A),5), t(lambda:L.eigh(A),3), t(lambda:L.svd(A),3), t(lambda:L.svdvals(A),3))
`;
const theirs = execFileSync('/usr/bin/python3', ['-c', py], { env: { ...process.env, OPENBLAS_CORETYPE: 'SkylakeX', OMP_WAIT_POLICY: 'PASSIVE' } })
  .toString().trim().split(/\s+/).map(Number);
console.log(`torch.linalg, ${N}x${N} float32, median ms`);
console.log('op        torchlike   PyTorch   ratio');
Object.entries(ours).forEach(([k, v], i) => console.log(`${k.padEnd(9)} ${v.toFixed(2).padStart(9)} ${theirs[i].toFixed(2).padStart(9)} ${(v / theirs[i]).toFixed(1).padStart(7)}x`));
