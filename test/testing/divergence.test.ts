// find_divergence against PyTorch's forward-hook dump (fixtures/gen_divergence.py), on an eager
// module and on PyTorch's own .onnx export of the same model.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';

const nn = torch.nn;
const FIX = (f: string) => fileURLToPath(new URL(`../fixtures/divergence/${f}`, import.meta.url));
const reference = () => torch.load(FIX('intermediates.pt')) as Record<string, torch.Tensor>;
const input = torch.load(FIX('input.pt')) as torch.Tensor;
const ORDER = ['0', '1', '2', '3.0', '3.1', '3', '4', ''];

function model(): torch.nn.Module {
  const m = new nn.Sequential(new nn.Linear(6, 8), new nn.ReLU(), new nn.Linear(8, 8), new nn.Sequential(new nn.Linear(8, 4), new nn.Tanh()), new nn.Linear(4, 3));
  m.load_state_dict(torch.load(FIX('model.pt')) as Record<string, torch.Tensor>);
  return m.eval();
}

describe('find_divergence on an nn.Module', () => {
  it('every module matches PyTorch, in execution order', () => {
    const r = torch.testing.find_divergence(model(), [input], reference());
    expect(r.rows.map((x) => x.module)).toEqual(ORDER);
    expect(r.rows.every((x) => x.status === 'ok')).toBe(true);
    expect(r.first_divergent).toBeNull();
    expect(r.rows[0].max_abs).toBeLessThan(1e-5);
  });
  it('names the first module past tolerance', () => {
    const m = model();
    const seq = m as unknown as { _modules: Map<string, torch.nn.Module> };
    const inner = seq._modules.get('3') as unknown as { _modules: Map<string, { bias: torch.Tensor }> };
    torch.no_grad(() => inner._modules.get('0')!.bias.add_(0.01));
    const r = torch.testing.find_divergence(m, [input], reference());
    expect(r.first_divergent).toBe('3.0');
    expect(r.rows.slice(0, 3).map((x) => x.status)).toEqual(['ok', 'ok', 'ok']);
    const bad = r.rows.find((x) => x.module === '3.0')!;
    expect(bad.max_abs).toBeCloseTo(0.01, 5);
    expect(bad.message).toMatch(/^Tensor-likes are not close!/);
    expect(torch.testing.find_divergence(m, [input], reference(), { rtol: 0, atol: 0.1 }).first_divergent).toBeNull();
  });
  it('reports modules missing from either side', () => {
    const ref = reference();
    delete ref['1'];
    ref['extra'] = torch.ones(1);
    const r = torch.testing.find_divergence(model(), [input], ref);
    expect(r.rows.find((x) => x.module === '1')!.status).toBe('not in reference');
    expect(r.rows.find((x) => x.module === 'extra')!.status).toBe('not produced');
  });
});

describe('find_divergence on an .onnx file (module scopes in node names)', () => {
  it('maps modules to graph values and matches PyTorch', () => {
    const r = torch.testing.find_divergence(FIX('model.onnx'), [input], reference());
    expect(r.rows.map((x) => [x.module, x.value])).toEqual([
      ['0', '/0/Gemm_output_0'], ['1', '/1/Relu_output_0'], ['2', '/2/Gemm_output_0'], ['3.0', '/3/3.0/Gemm_output_0'],
      ['3.1', '/3/3.1/Tanh_output_0'], ['3', '/3/3.1/Tanh_output_0'], ['4', 'y'], ['', 'y'],
    ]);
    expect(r.first_divergent).toBeNull();
  });
  it('explicit value names for modules the scopes do not reveal', () => {
    const ref = { first: reference()['0'], act: reference()['1'] };
    const r = torch.testing.find_divergence(FIX('model.onnx'), [input], ref, { values: { first: '/0/Gemm_output_0', act: '/1/Relu_output_0' } });
    expect(r.rows.map((x) => `${x.module} ${x.status}`)).toEqual(['first ok', 'act ok']);
  });
  it('names the first divergent module', () => {
    const ref = reference();
    for (const k of ['2', '3.0']) ref[k] = ref[k].add(0.5);
    expect(torch.testing.find_divergence(FIX('model.onnx'), [input], ref).first_divergent).toBe('2');
  });
});
