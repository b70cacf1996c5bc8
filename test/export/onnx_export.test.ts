import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { checkModels, hasOnnx } from './onnx_python.js';

/** onnx.checker.check_model(full_check=True) in Python: '' or the error. */
const check = (path: string): string => checkModels([path])[path];

/** A tiny two-layer net as a callable with named parameters (no nn dependency). */
function tinyNet() {
  const w1 = torch.tensor([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]], { dtype: torch.float32 });
  const b1 = torch.tensor([0.01, -0.02], { dtype: torch.float32 });
  const w2 = torch.tensor([[1.0, -1.5]], { dtype: torch.float32 });
  const F = torch.nn.functional;
  const f = (x: Tensor) => F.linear(F.linear(x, w1, b1).relu(), w2).reshape(x.size(0), -1);
  return Object.assign(f, {
    *named_parameters(): Iterable<[string, Tensor]> {
      yield ['fc1.weight', w1];
      yield ['fc1.bias', b1];
      yield ['fc2.weight', w2];
    },
  });
}

describe('torch.onnx.export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-onnx-'));
  it('writes a model that onnxruntime runs with eager-equal outputs at two batch sizes', () => {
    const net = tinyNet();
    const path = join(dir, 'tiny.onnx');
    torch.onnx.export(net, torch.ones(4, 3), path, {
      input_names: ['x'],
      output_names: ['y'],
      dynamic_axes: { x: { 0: 'batch' }, y: { 0: 'batch' } },
    });
    expect(existsSync(path)).toBe(true);
    const m = torch.onnx.load(path);
    expect(m.input_names).toEqual(['x']);
    expect(m.output_names).toEqual(['y']);
    for (const n of [1, 5]) {
      const x = torch.linspace(-1, 1, n * 3).reshape(n, 3);
      const got = m(x) as Tensor;
      const want = net(x);
      expect(got.shape).toEqual(want.shape);
      const g = got.tolist() as number[][];
      (want.tolist() as number[][]).forEach((row, i) => row.forEach((v, j) => expect(Math.abs(g[i][j] - v)).toBeLessThan(1e-5)));
    }
    m.dispose();
  });
  it.runIf(hasOnnx)('passes onnx.checker.check_model(full_check=True)', () => {
    const path = join(dir, 'checked.onnx');
    torch.onnx.export(tinyNet(), torch.ones(2, 3), path, { dynamic_axes: { input: [0] } });
    expect(check(path)).toBe('');
  });
  it('names parameters as initializers and returns bytes without a path', () => {
    const bytes = torch.onnx.export(tinyNet(), torch.ones(2, 3), null);
    const text = Buffer.from(bytes).toString('latin1');
    for (const n of ['fc1.weight', 'fc1.bias', 'fc2.weight']) expect(text).toContain(n);
  });
  it('rejects unsupported opsets with the supported range', () => {
    expect(() => torch.onnx.export(tinyNet(), torch.ones(2, 3), null, { opset_version: 9 })).toThrow(/Supported opset versions are 13 to 18/);
  });
  it('loads garbage with a clear error', () => {
    const path = join(dir, 'bad.onnx');
    require('node:fs').writeFileSync(path, Buffer.from('not a model'));
    expect(() => torch.onnx.load(path)).toThrow(/bad.onnx is not a loadable ONNX model/);
    expect(readFileSync(path).length).toBe(11);
  });
});
