import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasTorch, PY } from './onnx_python.js';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';

const FIX = fileURLToPath(new URL('../fixtures/pt/', import.meta.url));
const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8'));
if (!hasTorch) console.warn('Python round-trip tests SKIPPED: /usr/bin/python3 has no torch (apt-get install python3-torch)');

function expectTensor(t: Tensor, e: { dtype: string; shape: number[]; data: unknown[] }) {
  expect(t).toBeInstanceOf(torch.Tensor);
  expect(t.dtype.name).toBe(e.dtype);
  expect(t.shape).toEqual(e.shape);
  const flat = t.shape.length ? (t.reshape(-1).tolist() as unknown[]) : [t.item()];
  expect(flat).toEqual(e.data);
}

describe('torch.load of files written by Python', () => {
  it('loads a state_dict with every dtype, views and shared storage, bit-exactly', () => {
    const sd = torch.load(join(FIX, 'state_dict.pt')) as Record<string, Tensor>;
    expect(Object.keys(sd)).toEqual(Object.keys(expected.state_dict));
    for (const [k, e] of Object.entries(expected.state_dict)) expectTensor(sd[k], e as never);
    // row1 is a view of fc.weight's storage: it shares memory
    expect(sd['row1'].numpy().buffer).toBe(sd['fc.weight'].numpy().buffer);
    expect(sd['same']).toBe(sd['fc.weight']); // pickle memo: the same tensor object twice
  });
  it('loads a checkpoint dict with optimizer state (int keys), nested lists/tuples and numbers', () => {
    const c = torch.load(join(FIX, 'checkpoint.pt')) as Record<string, any>;
    expect(c.epoch).toBe(7);
    expect(c.loss).toBe(0.125);
    expect(c.flag).toBe(true);
    expect(c.history).toEqual([1.5, 2, null, 'x', [1, [2, 3]]]);
    for (const [k, e] of Object.entries(expected.checkpoint.model_state_dict)) expectTensor(c.model_state_dict[k], e as never);
    expectTensor(c.optimizer_state_dict.state[0].momentum_buffer, expected.checkpoint.momentum_buffer_0);
    expect(c.optimizer_state_dict.param_groups[0].params).toEqual([0, 1]);
  });
  it('refuses a pickle that calls os.system, without running it', () => {
    expect(() => torch.load(join(FIX, 'evil.pt'))).toThrow(/evil\.pt: Unsupported global: GLOBAL posix\.system was not an allowed global/);
    expect(existsSync('/tmp/torchlike_pwned')).toBe(false);
  });
  it('explains legacy (non-zip) files', () => {
    expect(() => torch.load(join(FIX, 'legacy.pt'))).toThrow(/legacy \(non-zip\) PyTorch file.*Re-save/);
  });
});

describe('torch.save → torch.load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-pt-'));
  it('round-trips a checkpoint in TypeScript, keeping dtypes, tuples and shared storage', () => {
    const w = torch.tensor([[1.5, -2], [3, 4]], { dtype: torch.float32 });
    const obj = { epoch: 2, sd: { w, wv: w.view(4), n: torch.tensor([1, 2]), b: torch.tensor([true]) }, t: torch.save === undefined ? null : [1, 'a', null] };
    const p = join(dir, 'a.pt');
    torch.save(obj, p);
    const back = torch.load(p) as any;
    expect(back.epoch).toBe(2);
    expect(back.t).toEqual([1, 'a', null]);
    expect(back.sd.w.tolist()).toEqual([[1.5, -2], [3, 4]]);
    expect(back.sd.wv.numpy().buffer).toBe(back.sd.w.numpy().buffer);
    expect(back.sd.n.dtype).toBe(torch.int64);
    expect(back.sd.b.dtype).toBe(torch.bool);
  });
  it.runIf(hasTorch)('writes files Python loads (weights_only=True for tensors-and-ints files), bit-exactly', () => {
    const sd = torch.load(join(FIX, 'state_dict.pt')) as Record<string, Tensor>;
    const p = join(dir, 'from_ts.pt');
    const q = join(dir, 'ckpt_ts.pt');
    torch.save({ model: sd, step: 5 }, p);
    // PyTorch 1.13's weights_only unpickler has no BINFLOAT (its own optimizer state_dicts fail
    // there too), so the checkpoint with float hyper-parameters is checked with a plain torch.load.
    torch.save({ opt: { state: { 0: { m: sd['fc.bias'] } }, param_groups: [{ lr: 0.5, params: [0] }] }, loss: 0.25 }, q);
    const script = `
import json, sys, torch
o = torch.load(sys.argv[1], weights_only=True)
c = torch.load(sys.argv[2])
ref = torch.load(sys.argv[3])
ok = all(torch.equal(o['model'][k], v) and o['model'][k].dtype == v.dtype and o['model'][k].shape == v.shape for k, v in ref.items())
print(json.dumps({'ok': ok, 'step': o['step'], 'keys': list(c['opt']['state'].keys()), 'lr': c['opt']['param_groups'][0]['lr'], 'loss': c['loss'],
  'm': torch.equal(c['opt']['state'][0]['m'], ref['fc.bias']),
  'shared': o['model']['row1'].storage().data_ptr() == o['model']['fc.weight'].storage().data_ptr()}))`;
    const out = JSON.parse(execFileSync(PY, ['-c', script, p, q, join(FIX, 'state_dict.pt')]).toString());
    expect(out).toEqual({ ok: true, step: 5, keys: [0], lr: 0.5, loss: 0.25, m: true, shared: true });
  });
  it('views saved by PyTorch load as views of one storage (strides, offsets, shared writes)', () => {
    const v = torch.load(join(FIX, 'views.pt')) as Record<string, Tensor>;
    expect(v.t.stride()).toEqual([1, 4]);
    expect(v.row.storage_offset()).toBe(4);
    expect([v.col.stride(), v.col.storage_offset()]).toEqual([[4], 2]);
    expect(v.diag.stride()).toEqual([5]);
    expect(v.e.stride()).toEqual([0, 1]);
    for (const k of ['t', 'row', 'col', 'diag', 'e']) expect(v[k].untyped_storage().data_ptr()).toBe(v.x.untyped_storage().data_ptr());
    expect(v.diag.tolist()).toEqual([0, 5, 10]);
    v.x.add_(1);
    expect(v.t.select(0, 2).tolist()).toEqual([3, 7, 11]);
  });
  it.runIf(hasTorch)('views saved by torchlike load in PyTorch with their strides and shared storage', () => {
    const x = torch.arange(12, { dtype: torch.float32 }).reshape(3, 4);
    const p = join(dir, 'views_ts.pt');
    torch.save({ x, t: x.t(), col: x.select(1, 2), e: x.select(0, 0).expand(2, 4) }, p);
    const script = `
import json, sys, torch
o = torch.load(sys.argv[1], weights_only=True)
print(json.dumps({'t': list(o['t'].stride()), 'col': [list(o['col'].stride()), o['col'].storage_offset(), o['col'].tolist()],
  'e': list(o['e'].stride()), 'shared': len({o[k].storage().data_ptr() for k in o}) == 1}))`;
    const out = JSON.parse(execFileSync(PY, ['-c', script, p]).toString());
    expect(out).toEqual({ t: [1, 4], col: [[4], 2, [2, 6, 10]], e: [0, 1], shared: true });
  });
  it('writes atomically: a failed save leaves the previous file intact', () => {
    const p = join(dir, 'keep.pt');
    torch.save({ a: 1 }, p);
    const before = readFileSync(p);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => torch.save(cyclic, p)).toThrow(/cyclic/);
    expect(readFileSync(p)).toEqual(before);
  });
  it('rejects truncated and corrupted files with a clear error and keeps working', () => {
    const good = readFileSync(join(FIX, 'checkpoint.pt'));
    const p = join(dir, 'bad.pt');
    for (const cut of [10, 100, good.length - 30]) {
      writeFileSync(p, good.subarray(0, cut));
      expect(() => torch.load(p)).toThrow(/torch\.load: .*bad\.pt: /);
    }
    expect((torch.load(join(FIX, 'checkpoint.pt')) as any).epoch).toBe(7);
  });
});
