// Guards for the one module that touches onnxruntime-node: torchlike relies on the package's
// private native binding for synchronous runs, so an upgrade that drops every synchronous path,
// or an installed version that differs from the pin, must fail here loudly.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import { float32 } from '../../src/dtype.js';
import { cachedSessionCount } from '../../src/dispatch.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import { ortTensor, Session, syncRunMethod } from '../../src/ort/runtime.js';

const require = createRequire(import.meta.url);
const isThenable = (v: unknown): boolean => typeof (v as { then?: unknown } | null)?.then === 'function';

describe('synchronous onnxruntime binding', () => {
  it("exposes 'runSync' or 'run' on the native session", () => {
    expect(['runSync', 'run'], `no synchronous run in this onnxruntime-node; torchlike needs its pinned version`).toContain(syncRunMethod);
  });

  it('a one-node session runs synchronously and returns real values, not a Promise', () => {
    const g = new GraphBuilder(17);
    const a = g.addInput('a', float32, ['n']);
    const b = g.addInput('b', float32, ['n']);
    g.addOutput(g.op1('Add', [a, b]), float32, ['n']);
    const s = new Session(g.encode(), { threads: 1 });
    try {
      const out = s.run([ortTensor('float32', new Float32Array([1, 2, 3]), [3]), ortTensor('float32', new Float32Array([10, 20, 30]), [3])]);
      expect(isThenable(out)).toBe(false);
      expect(isThenable(out[0])).toBe(false);
      expect(out[0].data).toBeInstanceOf(Float32Array);
      expect(Array.from(out[0].data as Float32Array)).toEqual([11, 22, 33]);
      expect(out[0].dims).toEqual([3]);
    } finally {
      s.dispose();
    }
  });

  it('the eager API returns values synchronously', () => {
    const y = torch.tensor([1, 2, 3], { dtype: torch.float32 }).mul(2).add(1);
    expect(isThenable(y)).toBe(false);
    expect(y.tolist()).toEqual([3, 5, 7]);
    expect(y.sum().item()).toBe(15);
  });
});

describe('onnxruntime-node version pin', () => {
  it('package.json pins an exact version and it is the installed one', () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { dependencies: Record<string, string> };
    const pinned = pkg.dependencies['onnxruntime-node'];
    expect(pinned, 'pin an exact version: the native binding is not public API').toMatch(/^\d+\.\d+\.\d+$/);
    const installed = (require('onnxruntime-node/package.json') as { version: string }).version;
    expect(installed).toBe(pinned);
  });
});

describe('session cache', () => {
  it('one session per op, dtypes and ranks: new shapes of the same rank reuse it', () => {
    const run = (shape: number[]) => {
      const x = torch.ones(shape);
      return x.add(x).mul(x).relu();
    };
    run([2, 3]).sum().item();
    const warm = cachedSessionCount();
    for (const shape of [[4, 5], [1, 7], [16, 16], [3, 1], [5, 9], [2, 3]]) {
      const y = run(shape);
      expect(y.shape).toEqual(shape);
      expect(y.sum().item()).toBe(2 * shape[0] * shape[1]);
      expect(cachedSessionCount(), `after shape [${shape}]`).toBe(warm);
    }
    // A new rank is a new graph signature: exactly one session per op.
    run([2, 3, 4]);
    expect(cachedSessionCount()).toBe(warm + 3);
  });

  it('a different dtype is a different session', () => {
    const x = torch.ones([3], { dtype: torch.float64 });
    x.exp();
    const n = cachedSessionCount();
    torch.ones([9], { dtype: torch.float64 }).exp();
    expect(cachedSessionCount()).toBe(n);
    torch.ones([9], { dtype: torch.float32 }).exp();
    expect(cachedSessionCount()).toBe(n + 1);
  });
});
