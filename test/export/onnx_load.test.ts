// torch.onnx.load on models exported by Python PyTorch (test/fixtures/gen_onnx.py), and the same
// models rebuilt in torchlike with PyTorch's weights: our export must compute the same outputs
// and have no more nodes than PyTorch's export plus 10%.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { onnx } from '../../src/graph/builder.js';
import { checkerMaxOpset, checkModels, hasOnnx } from './onnx_python.js';

const nn = torch.nn;
const FIX = join(__dirname, '../fixtures/onnx');

interface Enc {
  dtype: 'float32' | 'float64' | 'int32' | 'int64' | 'bool';
  shape: number[];
  data: (number | string | boolean)[];
}
interface Fixture {
  file: string;
  input_names: string[];
  output_names: string[];
  dynamic: boolean;
  runs: { inputs: Enc[]; outputs: Enc[] }[];
  state_dict: Record<string, Enc>;
  node_count: number;
  node_types: string[];
}

const dec = (e: Enc): Tensor =>
  torch.tensor(e.data.map((v) => (typeof v === 'string' ? Number(v.replace('inf', 'Infinity')) : v)) as number[], { dtype: torch[e.dtype] }).reshape(e.shape);
const fixture = (name: string): Fixture => JSON.parse(readFileSync(join(FIX, `${name}.json`), 'utf8')) as Fixture;

function maxDiff(a: Tensor, b: Tensor): number {
  expect(a.shape).toEqual(b.shape);
  return a.sub(b).abs().max().item() as number;
}

const flat = (o: Tensor | Tensor[]): Tensor[] => (o instanceof torch.Tensor ? [o] : o);

/** The fixture models in torchlike, by the same layer layout as gen_onnx.py. */
class TwoInOut extends nn.Module {
  fc = new nn.Linear(5, 3);
  override forward(a: Tensor, b: Tensor): Tensor[] {
    return [this.fc(a).add(b).tanh(), a.mean(1)];
  }
}
const builders: Record<string, () => InstanceType<typeof nn.Module>> = {
  mlp: () => new nn.Sequential(new nn.Linear(6, 16), new nn.ReLU(), new nn.Linear(16, 3)),
  cnn_bn: () =>
    new nn.Sequential(new nn.Conv2d(1, 4, 3, { padding: 1 }), new nn.BatchNorm2d(4), new nn.ReLU(), new nn.MaxPool2d(2), new nn.Flatten(), new nn.Linear(4 * 4 * 4, 5)),
  two_in_out: () => new TwoInOut(),
};

describe('torch.onnx.load on files exported by PyTorch', () => {
  for (const name of Object.keys(builders)) {
    const fx = fixture(name);
    it(`${name}: outputs equal PyTorch's, inputs by position and by name${fx.dynamic ? ', two batch sizes' : ''}`, () => {
      const m = torch.onnx.load(join(FIX, fx.file));
      expect(m.input_names).toEqual(fx.input_names);
      expect(m.output_names).toEqual(fx.output_names);
      for (const run of fx.runs) {
        const ins = run.inputs.map(dec);
        const byPos = flat(m(...ins));
        const byName = flat(m(Object.fromEntries(fx.input_names.map((n, i) => [n, ins[i]]))));
        run.outputs.map(dec).forEach((want, i) => {
          expect(maxDiff(byPos[i], want)).toBeLessThan(1e-5);
          expect(maxDiff(byName[i], want)).toBeLessThan(1e-5);
        });
      }
      m.dispose();
    });
  }
  it('names a missing input', () => {
    const m = torch.onnx.load(join(FIX, 'two_in_out.onnx'));
    expect(() => m({ a: torch.zeros(2, 5) })).toThrow(/missing input 'b'/);
    m.dispose();
  });
});

describe('the same models exported by torchlike', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-onnx-load-'));
  const paths: string[] = [];
  for (const name of Object.keys(builders)) {
    const fx = fixture(name);
    it(`${name}: equal outputs, node count within PyTorch's ${fx.node_count} + 10%`, () => {
      const model = builders[name]();
      model.load_state_dict(new Map(Object.entries(fx.state_dict).map(([k, v]) => [k, dec(v)])));
      model.eval();
      const path = join(dir, fx.file);
      const dynamic_axes = fx.dynamic ? Object.fromEntries([...fx.input_names, ...fx.output_names].map((n) => [n, { 0: 'batch' }])) : undefined;
      const ex = fx.runs[0].inputs.map(dec);
      const bytes = torch.onnx.export(model as never, ex, path, { input_names: fx.input_names, output_names: fx.output_names, dynamic_axes });
      paths.push(path);
      const nodes = onnx.ModelProto.decode(bytes).graph!.node!;
      console.log(`${name}: torchlike ${nodes.length} nodes [${nodes.map((n) => n.opType).join(' ')}], PyTorch ${fx.node_count} [${fx.node_types.join(' ')}]`);
      expect(nodes.length).toBeLessThanOrEqual(Math.floor(fx.node_count * 1.1));
      const m = torch.onnx.load(path);
      for (const run of fx.runs) {
        const got = flat(m(...run.inputs.map(dec)));
        run.outputs.map(dec).forEach((want, i) => expect(maxDiff(got[i], want)).toBeLessThan(1e-5));
      }
      m.dispose();
    });
  }
  it.runIf(hasOnnx)('pass onnx.checker.check_model(full_check=True)', () => {
    const res = checkModels(paths);
    expect(Object.values(res)).toEqual(paths.map(() => ''));
  });
});

describe('the conv/batch-norm model at opsets 13-18', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-onnx-opset-model-'));
  const fx = fixture('cnn_bn');
  const checkable: string[] = [];
  for (let opset = 13; opset <= 18; opset++) {
    it(`opset ${opset}: runs in onnxruntime with PyTorch's outputs`, () => {
      const model = builders.cnn_bn();
      model.load_state_dict(new Map(Object.entries(fx.state_dict).map(([k, v]) => [k, dec(v)])));
      const path = join(dir, `cnn_bn.${opset}.onnx`);
      torch.onnx.export(model as never, fx.runs[0].inputs.map(dec), path, { opset_version: opset, dynamic_axes: { input: [0] } });
      if (opset <= checkerMaxOpset) checkable.push(path);
      const got = flat(torch.onnx.load(path)(...fx.runs[0].inputs.map(dec)));
      expect(maxDiff(got[0], dec(fx.runs[0].outputs[0]))).toBeLessThan(1e-5);
    });
  }
  it.runIf(hasOnnx)('passes the onnx checker at every opset it knows', () => {
    expect(Object.values(checkModels(checkable))).toEqual(checkable.map(() => ''));
  });
});
