// float16, bfloat16, uint8, int8, int16 in files: .pt, .safetensors and ONNX, bit-exact both ways
// with Python (Debian's /usr/bin/python3: torch 1.13, onnx 1.12).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { hasOnnx, hasTorch, PY } from './onnx_python.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-dtypes-'));
const py = (script: string, ...args: string[]): any => JSON.parse(execFileSync(PY, ['-c', script, ...args], { maxBuffer: 16 << 20 }).toString());

const PY_COMMON = `
import json, sys, struct, torch
def raw(t):
    t = t.contiguous()
    if t.dtype in (torch.float16, torch.bfloat16): t = t.view(torch.int16)
    return t.numpy().tobytes().hex()
def make():
    sp = [0.0, -0.0, 1.0, 0.1, 65504.0, 1e-5, 6e-8, float('inf'), float('-inf'), float('nan'), -3.25, 1e38]
    torch.manual_seed(0)
    lin = torch.nn.Linear(3, 2)
    return {'h': torch.tensor(sp).half(), 'bf': torch.tensor(sp).bfloat16(), 'u8': torch.tensor([0, 255, 7], dtype=torch.uint8),
            'i8': torch.tensor([[-128, 127], [0, -1]], dtype=torch.int8), 'i16': torch.tensor([-32768, 32767, 5], dtype=torch.int16),
            'lin.weight': lin.weight.detach().half(), 'lin.bias': lin.bias.detach().bfloat16(), 'h_view': torch.tensor(sp).half()[2:5]}
CODE = {torch.float16: 'F16', torch.bfloat16: 'BF16', torch.uint8: 'U8', torch.int8: 'I8', torch.int16: 'I16'}
`;
const GEN = `${PY_COMMON}
sd = make()
torch.save(sd, sys.argv[1])
# safetensors written by hand from the spec (no safetensors package here)
header, blob = {}, b''
for k, t in sd.items():
    b = bytes.fromhex(raw(t))
    header[k] = {'dtype': CODE[t.dtype], 'shape': list(t.shape), 'data_offsets': [len(blob), len(blob) + len(b)]}
    blob += b
h = json.dumps(header).encode()
open(sys.argv[2], 'wb').write(struct.pack('<Q', len(h)) + h + blob)
print(json.dumps({k: {'dtype': str(t.dtype)[6:], 'shape': list(t.shape), 'raw': raw(t)} for k, t in sd.items()}))
`;
const CHECK = `${PY_COMMON}
ref = make()
pt = torch.load(sys.argv[1], weights_only=True)
blob = open(sys.argv[2], 'rb').read()
n = struct.unpack('<Q', blob[:8])[0]
header = json.loads(blob[8:8 + n])
res = {}
for k, t in ref.items():
    p = pt[k]
    info = header[k]
    s, e = info['data_offsets']
    res[k] = {'pt': p.dtype == t.dtype and list(p.shape) == list(t.shape) and raw(p) == raw(t),
              'st': info['dtype'] == CODE[t.dtype] and info['shape'] == list(t.shape) and blob[8 + n + s:8 + n + e].hex() == raw(t)}
print(json.dumps(res))
`;

const hex = (t: Tensor): string => Buffer.from((t.contiguous().numpy() as Uint8Array).buffer, t.numpy().byteOffset, t.numpy().byteLength).toString('hex');

describe.runIf(hasTorch)('files with the new dtypes, both ways with PyTorch', () => {
  const ptPath = join(dir, 'py.pt');
  const stPath = join(dir, 'py.safetensors');
  const want = hasTorch ? (py(GEN, ptPath, stPath) as Record<string, { dtype: string; shape: number[]; raw: string }>) : {};

  it('torch.load of a PyTorch file: every tensor bit-exact (NaN, inf, -0, subnormals, views)', () => {
    const sd = torch.load(ptPath) as Record<string, Tensor>;
    expect(Object.keys(sd)).toEqual(Object.keys(want));
    for (const [k, w] of Object.entries(want)) {
      expect(sd[k].dtype.name, k).toBe(w.dtype);
      expect(sd[k].shape, k).toEqual(w.shape);
      expect(hex(sd[k]), k).toBe(w.raw);
    }
    const h = sd.h.tolist() as number[];
    expect([h[1], h[3], h[4], h[6], h[7], h[11]]).toEqual([-0, 0.0999755859375, 65504, 2 ** -24, Infinity, Infinity]);
    expect(Number.isNaN(h[9])).toBe(true);
    expect((sd.bf.tolist() as number[])[11]).toBe(9.969209968386869e37);
    expect(sd.u8.tolist()).toEqual([0, 255, 7]);
  });
  it('safetensors load_file of a spec-written file: bit-exact', () => {
    const sd = torch.safetensors.load_file(stPath);
    for (const [k, w] of Object.entries(want)) {
      expect(sd[k].dtype.name, k).toBe(w.dtype);
      expect(hex(sd[k]), k).toBe(w.raw);
    }
  });
  it('torch.save and save_file: PyTorch reads them back bit-exactly (weights_only=True)', () => {
    const sd = torch.load(ptPath) as Record<string, Tensor>;
    const p = join(dir, 'ts.pt');
    const s = join(dir, 'ts.safetensors');
    torch.save(sd, p);
    const plain: Record<string, Tensor> = {};
    for (const [k, t] of Object.entries(sd)) plain[k] = t.clone();
    torch.safetensors.save_file(plain, s);
    const res = py(CHECK, p, s) as Record<string, { pt: boolean; st: boolean }>;
    const all = Object.fromEntries(Object.keys(want).map((k) => [k, { pt: true, st: true }]));
    expect(res).toEqual(all);
  });
});

describe.runIf(hasOnnx)('ONNX with the new dtypes', () => {
  it('export: float16/bfloat16 initializers and graph I/O of each dtype, bit-exact (onnx checks the model)', () => {
    const lin = new torch.nn.Linear(3, 2);
    lin.half();
    const p = join(dir, 'lin16.onnx');
    torch.onnx.export(lin, torch.ones(4, 3, { dtype: torch.float16 }), p, { input_names: ['x'], output_names: ['y'] });
    class AddOne extends torch.nn.Module {
      forward(...xs: Tensor[]): Tensor[] {
        return xs.map((x) => x.add(1));
      }
    }
    const q = join(dir, 'ints.onnx');
    const ins = [torch.uint8, torch.int8, torch.int16, torch.bfloat16].map((d) => torch.ones(2, { dtype: d }));
    torch.onnx.export(new AddOne(), ins, q);
    const out = py(
      `
import json, sys, onnx, numpy as np
from onnx import numpy_helper
m = onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True)
q = onnx.load(sys.argv[2]); onnx.checker.check_model(q, full_check=True)
def bits(t):
    return t.raw_data.hex()
print(json.dumps({'inits': {t.name: [t.data_type, list(t.dims), bits(t)] for t in m.graph.initializer},
  'io': [i.type.tensor_type.elem_type for i in m.graph.input] + [o.type.tensor_type.elem_type for o in m.graph.output],
  'io2': [i.type.tensor_type.elem_type for i in q.graph.input] + [o.type.tensor_type.elem_type for o in q.graph.output]}))`,
      p,
      q,
    );
    expect(out.io).toEqual([10, 10]);
    expect(out.io2).toEqual([2, 3, 5, 16, 2, 3, 5, 16]);
    expect(out.inits.weight[0]).toBe(10);
    expect(out.inits.weight[2]).toBe(hex(lin.weight.detach()));
    expect(out.inits.bias[2]).toBe(hex(lin.bias!.detach()));
  });
  it('torch.onnx.load runs a model with float16, uint8, int8, int16 I/O', () => {
    const p = join(dir, 'py_io.onnx');
    execFileSync(PY, [
      '-c',
      `
import sys, onnx
from onnx import helper, TensorProto as T
ins, outs, nodes = [], [], []
for i, t in enumerate([T.FLOAT16, T.UINT8, T.INT8, T.INT16]):
    ins.append(helper.make_tensor_value_info(f'x{i}', t, [3])); outs.append(helper.make_tensor_value_info(f'y{i}', t, [3]))
    nodes.append(helper.make_node('Neg' if t in (T.FLOAT16, T.INT8, T.INT16) else 'Identity', [f'x{i}'], [f'y{i}']))
m = helper.make_model(helper.make_graph(nodes, 'g', ins, outs), opset_imports=[helper.make_opsetid('', 17)])
m.ir_version = 8
onnx.save(m, sys.argv[1])`,
      p,
    ]);
    const m = torch.onnx.load(p);
    const xs = [torch.tensor([1.5, -0.1, 65504], { dtype: torch.float16 }), torch.tensor([0, 255, 3], { dtype: torch.uint8 }), torch.tensor([-128, 127, 1], { dtype: torch.int8 }), torch.tensor([-32768, 2, 3], { dtype: torch.int16 })];
    const ys = m(...xs) as Tensor[];
    expect(ys.map((y) => y.dtype)).toEqual([torch.float16, torch.uint8, torch.int8, torch.int16]);
    expect(ys[0].tolist()).toEqual([-1.5, 0.0999755859375, -65504]);
    expect(ys[1].tolist()).toEqual([0, 255, 3]);
    expect(ys[2].tolist()).toEqual([-128, -127, -1]);
    expect(ys[3].tolist()).toEqual([-32768, -2, -3]);
    m.dispose();
  });
  it('torch.onnx.load refuses bfloat16 inputs clearly (onnxruntime-node has no bfloat16 tensors)', () => {
    const p = join(dir, 'py_bf16.onnx');
    execFileSync(PY, ['-c', `
import sys, onnx
from onnx import helper, TensorProto as T
g = helper.make_graph([helper.make_node('Identity', ['x'], ['y'])], 'g', [helper.make_tensor_value_info('x', T.BFLOAT16, [2])], [helper.make_tensor_value_info('y', T.BFLOAT16, [2])])
m = helper.make_model(g, opset_imports=[helper.make_opsetid('', 17)]); m.ir_version = 8
onnx.save(m, sys.argv[1])`, p]);
    const m = torch.onnx.load(p);
    expect(() => m(torch.ones(2, { dtype: torch.bfloat16 }))).toThrow("torch.onnx.load: input 'x' is bfloat16, which onnxruntime-node cannot take (its JS tensors have no bfloat16)");
    m.dispose();
  });
});

describe('exported narrow-dtype models run in torch.onnx.load like eager', () => {
  class M extends torch.nn.Module {
    forward(x: Tensor): Tensor[] {
      return [x.add(1).mul(3), x.sum(), x.gt(1)];
    }
  }
  for (const d of [torch.uint8, torch.int8, torch.int16, torch.float16])
    it(d.name, () => {
      const x = torch.tensor([1, 2, 100], { dtype: d });
      const m = torch.onnx.load(torch.onnx.export(new M(), torch.ones(3, { dtype: d }), null));
      const got = m(x) as Tensor[];
      const want = new M().forward(x);
      got.forEach((g, i) => {
        expect(g.dtype, `output ${i}`).toBe(want[i].dtype);
        expect(g.tolist(), `output ${i}`).toEqual(want[i].tolist());
      });
      m.dispose();
    });
  it('a float16 Linear', () => {
    const lin = new torch.nn.Linear(3, 2).half();
    const x = torch.randn(4, 3).half();
    const m = torch.onnx.load(torch.onnx.export(lin, x, null));
    const y = m(x) as Tensor;
    expect(y.dtype).toBe(torch.float16);
    const ref = lin(x).float().tolist() as number[][];
    (y.float().tolist() as number[][]).flat().forEach((v, i) => expect(Math.abs(v - ref.flat()[i])).toBeLessThan(2e-3));
    m.dispose();
  });
});

describe('modules', () => {
  it('half(), bfloat16(), to(float16), float(), double(): only floating parameters and buffers change', () => {
    const bn = new torch.nn.BatchNorm1d(3);
    bn.half();
    expect(bn.weight!.dtype).toBe(torch.float16);
    expect(bn.running_mean!.dtype).toBe(torch.float16);
    expect((bn as any).num_batches_tracked.dtype).toBe(torch.int64);
    bn.bfloat16();
    expect(bn.weight!.dtype).toBe(torch.bfloat16);
    bn.to(torch.float16);
    expect(bn.running_var!.dtype).toBe(torch.float16);
    bn.float();
    expect(bn.weight!.dtype).toBe(torch.float32);
    expect(() => bn.to(torch.uint8)).toThrow('nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=torch.uint8');
  });
  it('a float16 Linear trains one SGD step with float16 gradients', () => {
    const lin = new torch.nn.Linear(3, 2).half();
    const opt = new torch.optim.SGD(lin.parameters(), { lr: 0.1 });
    const before = lin.weight.detach().clone();
    const x = torch.ones(4, 3, { dtype: torch.float16 });
    lin(x).sum().backward();
    expect(lin.weight.grad!.dtype).toBe(torch.float16);
    expect(lin.weight.grad!.tolist()).toEqual([[4, 4, 4], [4, 4, 4]]);
    opt.step();
    expect(lin.weight.dtype).toBe(torch.float16);
    const step = (lin.weight.detach().float().sub(before.float()).tolist() as number[][]).flat();
    for (const v of step) expect(Math.abs(v + 0.4)).toBeLessThan(2e-3);
  });
});
