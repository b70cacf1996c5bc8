// The torchlike command line through its library entry point main(argv, io): outputs, --json,
// --help, exit codes (0 ok, 1 mismatch, 2 bad input), hostile files.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import { main } from '../../cli/main.js';

const FIX = fileURLToPath(new URL('../fixtures/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'torchlike-cli-'));
const T = (...p: string[]) => join(tmp, ...p);

function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}
const json = (...argv: string[]) => {
  const r = cli(...argv, '--json');
  return { ...r, data: JSON.parse(r.out) };
};

const mlp = JSON.parse(readFileSync(join(FIX, 'onnx/mlp.json'), 'utf8')) as { runs: { inputs: { shape: number[]; data: number[] }[]; outputs: { shape: number[]; data: number[] }[] }[] };
const run0 = mlp.runs[0];
const x = torch.tensor(run0.inputs[0].data, { dtype: torch.float32 }).reshape(run0.inputs[0].shape);
const logits = torch.tensor(run0.outputs[0].data, { dtype: torch.float32 }).reshape(run0.outputs[0].shape);
torch.numpy.save(T('x.npy'), x);
torch.numpy.savez(T('ref.npz'), { logits });
torch.numpy.savez(T('wrong.npz'), { logits: logits.add(0.01) });

describe('torchlike inspect', () => {
  it('.onnx: opset, inputs/outputs, nodes, parameters', () => {
    const { code, data } = json('inspect', join(FIX, 'onnx/mlp.onnx'));
    expect(code).toBe(0);
    expect(data.opsets).toEqual({ 'ai.onnx': 17 });
    expect(data.inputs).toEqual([{ name: 'x', dtype: 'float32', shape: ['batch', 6] }]);
    expect(data.outputs).toEqual([{ name: 'logits', dtype: 'float32', shape: ['batch', 3] }]);
    expect(data.nodes).toEqual({ Gemm: 2, Relu: 1 });
    expect(data.parameters).toBe(163);
    expect(cli('inspect', join(FIX, 'onnx/mlp.onnx')).out).toMatch(/opset: ai\.onnx 17[\s\S]*x\s+float32\s+\[batch, 6\][\s\S]*parameters: 163 in 4 initializers/);
  });
  it('.pt / .npz / .npy / .safetensors: keys, shapes, dtypes, parameters', () => {
    const pt = json('inspect', join(FIX, 'pt/checkpoint.pt')).data;
    expect(pt.tensors[0]).toEqual({ key: 'model_state_dict.weight', shape: [2, 2], dtype: 'float32', numel: 4 });
    expect(pt.parameters).toBe(12);
    expect(pt.other).toContainEqual({ key: 'epoch', value: '7' });
    expect(json('inspect', join(FIX, 'numpy/stored.npz')).data.tensors).toEqual([
      { key: 'a', shape: [2, 3], dtype: 'float32', numel: 6 }, { key: 'b', shape: [3], dtype: 'int64', numel: 3 },
    ]);
    expect(json('inspect', join(FIX, 'numpy/scalar.npy')).data.parameters).toBe(1);
    torch.safetensors.save_file({ w: torch.ones(4, 5) }, T('m.safetensors'));
    expect(cli('inspect', T('m.safetensors')).out).toMatch(/w\s+float32\s+\[4, 5\]\s+20[\s\S]*parameters: 20/);
  });
});

describe('torchlike run', () => {
  it('runs an .onnx on .npy inputs, writes .npz, compares with --expect', () => {
    const r = json('run', join(FIX, 'onnx/mlp.onnx'), '--input', `x=${T('x.npy')}`, '--output', T('out.npz'), '--expect', T('ref.npz'));
    expect(r.code).toBe(0);
    expect(r.data.outputs[0]).toMatchObject({ name: 'logits', shape: [2, 3], dtype: 'float32' });
    expect(r.data.comparison.ok).toBe(true);
    torch.testing.assert_close((torch.numpy.load(T('out.npz')) as Record<string, torch.Tensor>).logits, logits);
  });
  it('exit 1 when the outputs differ from --expect, with the assert_close message', () => {
    const r = cli('run', join(FIX, 'onnx/mlp.onnx'), '--input', T('x.npy'), '--expect', T('wrong.npz'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('Tensor-likes are not close!');
  });
  it('exit 2 for unknown or missing inputs', () => {
    expect(cli('run', join(FIX, 'onnx/mlp.onnx'), '--input', `y=${T('x.npy')}`).err).toContain("the model has no input named 'y' (its inputs: x)");
    expect(cli('run', join(FIX, 'onnx/two_in_out.onnx'), '--input', `a=${T('x.npy')}`).code).toBe(2);
  });
});

describe('torchlike compare', () => {
  it('exit 0 when close; a table of differences and exit 1 when not', () => {
    expect(cli('compare', T('ref.npz'), T('ref.npz')).code).toBe(0);
    const r = cli('compare', T('ref.npz'), T('wrong.npz'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/logits\s+mismatch\s+\[2, 3\]\s+float32\s+0\.01\s+\S+\s+6\/6/);
    expect(r.out).toContain('MISMATCH: 1 of 1 keys differ');
    expect(r.out).toContain('Mismatched elements: 6 / 6 (100.0%)');
    expect(cli('compare', T('ref.npz'), T('wrong.npz'), '--rtol', '0', '--atol', '0.02').code).toBe(0);
  });
  it('--json rows, missing keys, dtype mismatch and --no-check-dtype', () => {
    torch.numpy.savez(T('a.npz'), { w: torch.ones(2), only_a: torch.zeros(1), d: torch.ones(2) });
    torch.numpy.savez(T('b.npz'), { w: torch.ones(2), only_b: torch.zeros(1), d: torch.ones(2, { dtype: torch.float64 }) });
    const { code, data } = json('compare', T('a.npz'), T('b.npz'));
    expect(code).toBe(1);
    expect(data.rows.map((r: { key: string; status: string }) => [r.key, r.status])).toEqual([
      ['d', 'mismatch'], ['only_a', 'missing in B'], ['only_b', 'missing in A'], ['w', 'ok'],
    ]);
    expect(data.rows[0].message).toBe("The values for attribute 'dtype' do not match: torch.float32 != torch.float64.");
    expect(json('compare', T('a.npz'), T('b.npz'), '--no-check-dtype').data.rows[0].status).toBe('ok');
  });
  it('.pt against .safetensors, folders matched by relative path, one tensor against one tensor', () => {
    const sd = { 'fc.weight': torch.randn(3, 4), 'fc.bias': torch.randn(3) };
    torch.save(sd, T('m.pt'));
    torch.safetensors.save_file(sd, T('m2.safetensors'));
    expect(cli('compare', T('m.pt'), T('m2.safetensors')).code).toBe(0);
    for (const d of ['A', 'B']) {
      mkdirSync(T(d, 'sub'), { recursive: true });
      torch.numpy.save(T(d, 'sub', 'x.npy'), x);
      torch.save(sd, T(d, 'm.pt'));
    }
    torch.numpy.save(T('B', 'sub', 'x.npy'), x.mul(2));
    const r = json('compare', T('A'), T('B'));
    expect(r.code).toBe(1);
    expect(r.data.rows.map((x: { key: string; status: string }) => `${x.key} ${x.status}`)).toEqual(['m.pt:fc.bias ok', 'm.pt:fc.weight ok', 'sub/x.npy mismatch']);
    expect(cli('compare', T('x.npy'), T('out.npz')).code).toBe(1); // x vs logits: shapes differ
    expect(cli('compare', T('A'), T('x.npy')).err).toContain('cannot compare a folder with a file');
  });
});

describe('torchlike convert', () => {
  it('.pt -> .safetensors -> .pt -> .npz keeps every tensor', () => {
    const sd = { a: torch.randn(2, 3), b: torch.arange(4) };
    torch.save(sd, T('c.pt'));
    expect(cli('convert', T('c.pt'), T('c.safetensors')).code).toBe(0);
    expect(cli('convert', T('c.safetensors'), T('c2.pt')).code).toBe(0);
    expect(json('convert', T('c2.pt'), T('c.npz')).data).toMatchObject({ tensors: 2, skipped: [] });
    torch.testing.assert_close(torch.load(T('c2.pt')), sd);
    torch.testing.assert_close(torch.numpy.load(T('c.npz')), sd);
  });
  it('reports non-tensor entries it skips; refuses several tensors into one .npy', () => {
    const r = cli('convert', join(FIX, 'pt/checkpoint.pt'), T('ck.safetensors'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^skipped 20 non-tensor entries: epoch, /);
    expect(cli('convert', T('c.pt'), T('c.npy')).err).toContain('an .npy file holds one array, but there are 2 tensors (use .npz)');
  });
});

describe('usage, --help and hostile input', () => {
  it('--help on every verb (exit 0); usage errors exit 2', () => {
    for (const v of ['inspect', 'run', 'compare', 'convert']) {
      const r = cli(v, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^usage: torchlike ${v} `));
    }
    expect(cli('--help').out).toContain('commands:');
    expect(cli().code).toBe(2);
    expect(cli('frobnicate').err).toContain("unknown command 'frobnicate'");
    expect(cli('compare', 'a.npy').err).toContain('compare takes 2 arguments, got 1');
    expect(cli('compare', 'a.npy', 'b.npy', '--bogus').err).toContain('unknown option --bogus');
    expect(cli('compare', 'a.npy', 'b.npy', '--rtol', 'x', '--atol', '0').err).toContain("--rtol must be a number, got 'x'");
    expect(cli('compare', T('ref.npz'), T('ref.npz'), '--rtol', '0').err).toContain("Both 'rtol' and 'atol' must be either specified or omitted, but got no atol.");
    expect(cli('inspect', T('nope.npy')).code).toBe(2);
    expect(cli('inspect', T('file.txt')).err).toContain("unknown file type '.txt'");
  });
  it('mutated files of every kind give exit 0 or 2 with a message, never a crash', () => {
    const goods: [string, Uint8Array][] = [
      ['npy', readFileSync(join(FIX, 'numpy/float32.npy'))], ['npz', readFileSync(join(FIX, 'numpy/deflated.npz'))],
      ['pt', readFileSync(join(FIX, 'pt/checkpoint.pt'))], ['safetensors', readFileSync(T('m.safetensors'))],
      ['onnx', readFileSync(join(FIX, 'onnx/mlp.onnx'))],
    ];
    let s = 7;
    const rnd = () => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), (s >>> 0) / 2 ** 32);
    for (const [ext, good] of goods) {
      let bad = 0;
      for (let i = 0; i < 40; i++) {
        const b = Uint8Array.from(good.subarray(0, rnd() < 0.3 ? Math.floor(rnd() * good.length) : good.length));
        for (let k = 0; k < 4 && b.length; k++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
        writeFileSync(T(`h.${ext}`), b);
        const r = cli('inspect', T(`h.${ext}`));
        expect([0, 2]).toContain(r.code);
        if (r.code === 2) {
          expect(r.err).toMatch(/^torchlike inspect: error: .+/);
          bad++;
        }
      }
      expect(bad, `${ext}: some mutants must be refused`).toBeGreaterThan(0);
    }
  });
});

describe('torchlike diverge', () => {
  const D = (f: string) => join(FIX, 'divergence', f);
  it('exit 0 when every module matches the hook dump; exit 1 naming the first divergent one', () => {
    const ok = json('diverge', D('model.onnx'), '--input', `x=${D('input.pt')}`, '--reference', D('intermediates.pt'));
    expect(ok.code).toBe(0);
    expect(ok.data.rows).toHaveLength(8);
    const ref = torch.load(D('intermediates.pt')) as Record<string, torch.Tensor>;
    ref['3.1'] = ref['3.1'].mul(1.5);
    torch.save(ref, T('bad_dump.pt'));
    const bad = cli('diverge', D('model.onnx'), '--input', D('input.pt'), '--reference', T('bad_dump.pt'));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('first divergent module: 3.1');
    expect(cli('diverge', D('model.onnx'), '--input', D('input.pt')).err).toContain('diverge needs --reference DUMP.pt');
  });
});

describe('long comparisons', () => {
  it('report progress per key (the bar is drawn only on a terminal)', async () => {
    const { compare } = await import('../../cli/compare.js');
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, torch.full([10], i)]));
    torch.numpy.savez(T('many.npz'), many);
    const seen: number[] = [];
    const r = compare(T('many.npz'), T('many.npz'), { onProgress: (done, total, el, totalEl) => seen.push(done, total, el, totalEl) });
    expect(r.ok).toBe(true);
    expect(seen.slice(-4)).toEqual([30, 30, 300, 300]);
    let out = '';
    const code = main(['compare', T('many.npz'), T('many.npz')], { out: (s) => (out += s), err: () => {}, progress: true });
    expect(code).toBe(0);
    expect(out).toContain('OK: 30 tensors close');
  });
});
