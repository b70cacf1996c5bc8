"""PyTorch side of bench/train.mjs (issue 3, speed): the same training steps as torchlike, timed in
this process and driven block by block over stdin/stdout, so that the two libraries' blocks
interleave in one run.

  /usr/bin/python3 bench/torch_train.py --serve    (used by bench/train.mjs)
  /usr/bin/python3 bench/torch_train.py [REPEATS]  (alone: prints one JSON line per workload)

Protocol (--serve), one command per line, one JSON line back:
  init WORKLOAD        build model, data and optimizer (seeded); {"first_loss": ...}
  warm WORKLOAD        warm up (>= 3 steps and >= 0.5 s); {"s_per_step": ...}
  run WORKLOAD N       N steps, timed here; {"s": seconds for the N steps, "loss": last loss}
  quit

PyTorch in its best configuration on this machine (see /work/shared/bench/README.md):
OPENBLAS_CORETYPE=SkylakeX when the CPU has AVX-512 (TORCH_OPENBLAS_CORETYPE overrides; a global
OPENBLAS_CORETYPE=Haswell in the environment is not kept), OMP_WAIT_POLICY=PASSIVE, 2 threads.
Debian's torch calls whatever libblas.so.3 the loader finds: OpenBLAS when libopenblas0-pthread is
installed, else the slow reference BLAS (libblas3), which makes PyTorch's Linear layers ~10x slower.
The JSON says which one ("blas"); bench/train.mjs passes TORCH_LD_LIBRARY_PATH to this process as
LD_LIBRARY_PATH, e.g. an OpenBLAS unpacked with `dpkg -x libopenblas0-pthread_*.deb DIR`
(DIR/usr/lib/x86_64-linux-gnu/openblas-pthread).
"""
import json
import os
import sys
import time


def _has_avx512():
    try:
        with open('/proc/cpuinfo') as f:
            return 'avx512f' in f.read()
    except OSError:
        return False


if os.environ.get('TORCH_OPENBLAS_CORETYPE'):
    os.environ['OPENBLAS_CORETYPE'] = os.environ['TORCH_OPENBLAS_CORETYPE']
elif _has_avx512():
    os.environ['OPENBLAS_CORETYPE'] = 'SkylakeX'
os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')

import torch  # noqa: E402
from torch import nn  # noqa: E402

THREADS = int(os.environ.get('BENCH_THREADS', '2'))
torch.set_num_threads(THREADS)


def blas():
    """Which BLAS this process loaded (after a matmul): the path of libblas/libopenblas in the maps."""
    torch.randn(64, 64) @ torch.randn(64, 64)
    try:
        with open('/proc/self/maps') as f:
            libs = {line.split()[-1] for line in f if 'blas' in line.split()[-1]}
    except OSError:
        return 'unknown'
    ob = [l for l in libs if 'openblas' in l]
    return ('openblas ' + os.environ.get('OPENBLAS_CORETYPE', '')).strip() if ob else ('reference (' + ', '.join(sorted(libs)) + ')' if libs else 'none')


def mlp_train():
    """MLP 784-256-128-10 ReLU, batch 64, CrossEntropyLoss, SGD(lr 0.01, momentum 0.9)."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    x = torch.randn(64, 784)
    y = torch.randint(0, 10, (64,))
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss.item()
    return step


def cnn_train():
    """LeNet-5 on 64x1x28x28, CrossEntropyLoss, Adam(lr 1e-3)."""
    torch.manual_seed(0)
    model = nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
    x = torch.randn(64, 1, 28, 28)
    y = torch.randint(0, 10, (64,))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss.item()
    return step


WORKLOADS = {'mlp_train': mlp_train, 'cnn_train': cnn_train}


def warm(step):
    t0 = time.perf_counter()
    n = 0
    while n < 3 or time.perf_counter() - t0 < 0.5:
        step()
        n += 1
    t1 = time.perf_counter()
    for _ in range(3):
        step()
    return (time.perf_counter() - t1) / 3


def run(step, n):
    t = time.perf_counter()
    for _ in range(n):
        loss = step()
    return time.perf_counter() - t, loss


def serve():
    steps = {}
    for line in sys.stdin:
        cmd = line.split()
        if not cmd:
            continue
        if cmd[0] == 'quit':
            break
        if cmd[0] == 'init':
            steps[cmd[1]] = WORKLOADS[cmd[1]]()
            out = {'first_loss': steps[cmd[1]](), 'torch': torch.__version__, 'threads': torch.get_num_threads(), 'blas': blas()}
        elif cmd[0] == 'warm':
            out = {'s_per_step': warm(steps[cmd[1]])}
        elif cmd[0] == 'run':
            s, loss = run(steps[cmd[1]], int(cmd[2]))
            out = {'s': s, 'loss': loss}
        else:
            out = {'error': f'unknown command {cmd[0]}'}
        sys.stdout.write(json.dumps(out) + '\n')
        sys.stdout.flush()


def alone(repeats):
    for name, make in WORKLOADS.items():
        step = make()
        per = warm(step)
        iters = max(1, round(0.1 / per))
        samples = sorted(run(step, iters)[0] / iters for _ in range(repeats))
        med = samples[len(samples) // 2]
        print(json.dumps({'system': 'pytorch', 'workload': name, 'ms_per_step': med * 1e3, 'steps_per_s': 1 / med,
                          'p10_ms': samples[len(samples) // 10] * 1e3, 'iters': iters, 'repeats': repeats,
                          'torch': torch.__version__, 'threads': torch.get_num_threads(), 'blas': blas()}))


if __name__ == '__main__':
    if '--serve' in sys.argv:
        serve()
    else:
        alone(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
