// torch.onnx.export's options (PyTorch's documented behaviour): initializers as inputs,
// export_params, training modes, constant folding, metadata, dynamic_axes forms, output names,
// writable targets, TracerWarning on value reads, external data.
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { onnx } from '../../src/graph/builder.js';
import { TRACER_WARNING } from '../../export/onnx/warnings.js';
import { vals } from './onnx_cases.js';
import { checkModels, hasOnnx } from './onnx_python.js';

const nn = torch.nn;
const decode = (b: Uint8Array) => onnx.ModelProto.decode(b);
const dir = mkdtempSync(join(tmpdir(), 'tl-onnx-opts-'));

function convBn() {
  torch.manual_seed(0);
  const m = new nn.Sequential(new nn.Conv2d(2, 3, 3), new nn.BatchNorm2d(3), new nn.Dropout(0.5));
  m.train();
  torch.no_grad(() => m(vals(4, 2, 5, 5))); // non-trivial running statistics
  return m;
}

describe('torch.onnx.export options', () => {
  it('names parameters by state_dict names; keep_initializers_as_inputs lists them as inputs too', () => {
    const m = convBn();
    const plain = decode(torch.onnx.export(m as never, vals(1, 2, 5, 5), null, { do_constant_folding: false }));
    expect(plain.graph!.initializer!.map((t) => t.name)).toEqual(expect.arrayContaining(['0.weight', '0.bias', '1.weight', '1.running_mean']));
    expect(plain.graph!.input!.map((i) => i.name)).toEqual(['input']);
    const kept = decode(torch.onnx.export(m as never, vals(1, 2, 5, 5), null, { keep_initializers_as_inputs: true }));
    expect(kept.graph!.input!.map((i) => i.name)).toEqual(['input', ...kept.graph!.initializer!.filter((t) => !t.name!.startsWith('const')).map((t) => t.name)]);
    expect(kept.graph!.input!.map((i) => i.name)).toContain('0.weight');
  });
  it('export_params=false: parameters are graph inputs without initializers', () => {
    const m = convBn();
    const g = decode(torch.onnx.export(m as never, vals(1, 2, 5, 5), null, { export_params: false })).graph!;
    expect(g.initializer!.map((t) => t.name)).not.toContain('0.weight');
    expect(g.input!.map((i) => i.name)).toEqual(expect.arrayContaining(['input', '0.weight', '0.bias']));
  });
  it('TrainingMode.EVAL (default) exports eval behaviour and restores the module\'s mode', () => {
    const m = convBn();
    m.train();
    const path = join(dir, 'eval.onnx');
    torch.onnx.export(m as never, vals(2, 2, 5, 5), path);
    expect(m.training).toBe(true);
    m.eval();
    const want = m(vals(2, 2, 5, 5)) as Tensor;
    const got = torch.onnx.load(path)(vals(2, 2, 5, 5)) as Tensor;
    expect(got.sub(want).abs().max().item()).toBeLessThan(1e-5);
  });
  it('TrainingMode.TRAINING traces train() behaviour (batch statistics); PRESERVE keeps the mode', () => {
    const m = convBn();
    const seen: boolean[] = [];
    const f = Object.assign((x: Tensor) => {
      seen.push(m.training);
      return m(x) as Tensor;
    }, { training: false, train: (mode = true) => m.train(mode), named_parameters: () => m.named_parameters() });
    m.eval();
    torch.onnx.export(f, vals(2, 2, 5, 5), null, { training: torch.onnx.TrainingMode.TRAINING, do_constant_folding: false });
    torch.onnx.export(f, vals(2, 2, 5, 5), null, { training: torch.onnx.TrainingMode.PRESERVE });
    expect(seen).toEqual([true, false]);
  });
  it('do_constant_folding folds eval batch_norm into the Conv; false keeps the arithmetic', () => {
    const m = convBn();
    const folded = decode(torch.onnx.export(m as never, vals(1, 2, 5, 5), null)).graph!.node!.map((n) => n.opType);
    const unfolded = decode(torch.onnx.export(m as never, vals(1, 2, 5, 5), null, { do_constant_folding: false })).graph!.node!.map((n) => n.opType);
    expect(folded).toEqual(['Conv']);
    expect(unfolded.length).toBeGreaterThan(folded.length);
  });
  it('sets model metadata', () => {
    const model = decode(torch.onnx.export(convBn() as never, vals(1, 2, 5, 5), null, { doc_string: 'a conv net' }));
    expect(model.producerName).toBe('torchlike');
    expect(model.producerVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(model.docString).toBe('a conv net');
    expect(model.opsetImport![0].version).toBe(17);
  });
  it('dynamic_axes as a named dict and as a list; output names; several outputs', () => {
    const f = (a: Tensor, b: Tensor) => [a.add(b), a.mul(2), a];
    const g = decode(
      torch.onnx.export(f, [vals(2, 3), vals(2, 3)], null, { input_names: ['a', 'b'], output_names: ['sum', 'twice', 'same'], dynamic_axes: { a: { 0: 'batch' }, b: [0], sum: { 0: 'batch' } } }),
    ).graph!;
    const dims = (v: NonNullable<typeof g.input>[number]) => v.type!.tensorType!.shape!.dim!.map((d: { dimParam?: string | null; dimValue?: unknown }) => (d.dimParam || Number(d.dimValue)) as string | number);
    expect(dims(g.input![0])).toEqual(['batch', 3]);
    expect(dims(g.input![1])).toEqual(['b_dynamic_axes_1', 3]);
    expect(g.output!.map((o) => o.name)).toEqual(['sum', 'twice', 'same']);
    expect(dims(g.output![0])).toEqual(['batch', 3]);
  });
  it('writes to a writable target and returns the bytes', () => {
    const chunks: Uint8Array[] = [];
    const bytes = torch.onnx.export((x: Tensor) => x.relu(), vals(2), { write: (d: Uint8Array) => chunks.push(d) });
    expect(chunks).toEqual([bytes]);
  });
  it('warns once per call site when forward reads a tensor value (TracerWarning)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // What Tensor.item()/tolist()/numpy() call while tracing (src/tensor.ts hook).
    const T = torch.Tensor as unknown as { _onRead?: () => void };
    const f = (x: Tensor) => {
      for (let i = 0; i < 3; i++) T._onRead?.();
      T._onRead?.();
      return x.relu();
    };
    torch.onnx.export(f, vals(2), null);
    const msgs = warn.mock.calls.map((c) => String(c[0])).filter((s) => s.includes('TracerWarning'));
    warn.mockRestore();
    expect(msgs.length).toBe(2);
    expect(msgs[0]).toContain(`TracerWarning: ${TRACER_WARNING}`);
    expect(msgs[0]).toMatch(/onnx_options\.test\.ts:\d+/);
  });
});

describe('external data', () => {
  it('moves initializers to <file>.data past the size threshold; load and the checker read them', () => {
    const m = new nn.Linear(64, 32);
    const path = join(dir, 'big.onnx');
    torch.onnx.export(m as never, vals(2, 64), path, { _external_data_threshold: 1000 });
    expect(existsSync(`${path}.data`)).toBe(true);
    expect(statSync(`${path}.data`).size).toBe(64 * 32 * 4);
    const model = decode(new Uint8Array(require('node:fs').readFileSync(path)));
    const w = model.graph!.initializer!.find((t) => t.name === 'weight')!;
    expect(w.dataLocation).toBe(1);
    expect(Object.fromEntries(w.externalData!.map((e) => [e.key, e.value]))).toEqual({ location: 'big.onnx.data', offset: '0', length: String(64 * 32 * 4) });
    const got = torch.onnx.load(path)(vals(2, 64)) as Tensor;
    expect(got.sub(m(vals(2, 64)) as Tensor).abs().max().item()).toBeLessThan(1e-5);
    if (hasOnnx) expect(checkModels([path])[path]).toBe('');
  });
  it('needs a path when the model is too large for one file', () => {
    expect(() => torch.onnx.export(new nn.Linear(64, 32) as never, vals(2, 64), null, { _external_data_threshold: 1000 })).toThrow(/pass a file path/);
  });
});
