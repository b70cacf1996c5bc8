#!/usr/bin/python3
"""PyTorch side of bench/run.mjs: the same two workloads, printed as one JSON line.

small_ops: 200 chained elementwise ops (add tensor, mul tensor, relu, repeating) on 64 float32
elements, then sum().item(); matmul: 1024x1024 float32. Usage: torch_ops.py REPEATS THREADS
"""
import json
import os
import statistics
import sys
import time

# Debian's OpenBLAS mis-detects this AVX-512 CPU, and libgomp's spinning fights OpenBLAS's pool
# for the 2 cores (see /work/shared/bench/README.md): measure PyTorch in its best configuration.
os.environ.setdefault('OPENBLAS_CORETYPE', 'SkylakeX')
os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')

import torch  # noqa: E402

REPEATS = int(sys.argv[1]) if len(sys.argv) > 1 else 9
THREADS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
torch.set_num_threads(THREADS)
OPS = 200


def blas_core():
    """OpenBLAS's core name, or None when libblas.so.3 is another BLAS (e.g. the reference one)."""
    import ctypes
    for name in ('libblas.so.3', 'libopenblas.so.0'):
        try:
            lib = ctypes.CDLL(name)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            return lib.openblas_get_corename().decode()
        except (OSError, AttributeError):
            continue
    return None


def blocks(step, block_s=0.05):
    """Median and p10 seconds per step over REPEATS blocks of ~block_s."""
    for _ in range(3):
        step()
    t = time.perf_counter()
    step()
    est = max(time.perf_counter() - t, 1e-7)
    n = max(1, int(block_s / est))
    per = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        for _ in range(n):
            step()
        per.append((time.perf_counter() - t) / n)
    per.sort()
    return statistics.median(per), per[len(per) // 10]


def small_ops():
    g = torch.Generator().manual_seed(0)
    x0 = torch.randn(64, generator=g)
    b = torch.rand(64, generator=g) * 0.2 - 0.1
    m = torch.rand(64, generator=g) * 0.2 + 0.9

    def step():
        x = x0
        for i in range(OPS):
            k = i % 3
            x = x.add(b) if k == 0 else x.mul(m) if k == 1 else x.relu()
        return x.sum().item()
    return step


def matmul():
    a = torch.randn(1024, 1024)
    b = torch.randn(1024, 1024)
    return lambda: a @ b


med, p10 = blocks(small_ops())
mm_med, mm_p10 = blocks(matmul(), 0.15)
print(json.dumps({
    'torch': torch.__version__, 'threads': torch.get_num_threads(), 'openblas_core': blas_core(),
    'small_ops_us_per_op': med * 1e6 / OPS, 'small_ops_us_per_op_p10': p10 * 1e6 / OPS,
    'matmul_gflops': 2 * 1024 ** 3 / mm_med / 1e9, 'matmul_gflops_p10': 2 * 1024 ** 3 / mm_p10 / 1e9,
}))
