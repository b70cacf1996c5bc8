// In-place writes and memory sharing during export: the exported graph computes what eager
// computes. Views (view, reshape, unsqueeze, flatten, narrow, select, t, expand...) and detach()
// share memory with their base, so a write through one is seen by the other.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { compareCase, exportCase, type OpCase, vals } from './onnx_cases.js';
import { checkModels, hasOnnx } from './onnx_python.js';

const CASES: OpCase[] = [
  { name: 'narrow_add_', fn: (x) => { x.narrow(1, 0, 2).add_(1); return x.mul(2); }, inputs: (n) => [vals(n, 4)] },
  { name: 'select_mul_', fn: (x) => { const y = x.add(0); y.select(0, 0).mul_(2); return y; }, inputs: (n) => [vals(n, 4)] },
  { name: 'view_add_base', fn: (x) => { const y = x.mul(1); y.view(-1).add_(1); return y.sum(1); }, inputs: (n) => [vals(n, 4)] },
  { name: 'base_add_view', fn: (x) => { const y = x.mul(2); const v = y.reshape(x.size(0), 2, -1); y.add_(1); return [v, y]; }, inputs: (n) => [vals(n, 4)] },
  { name: 'unsqueeze_mul_', fn: (x) => { const y = x.clone(); y.unsqueeze(0).mul_(3); return y.add(x); }, inputs: (n) => [vals(n, 4)] },
  { name: 'flatten_chain', fn: (x) => { const y = x.mul(1); const f = y.flatten(); f.sub_(0.5); f.mul_(2); return y; }, inputs: (n) => [vals(n, 2, 3)] },
  { name: 'detach', fn: (x) => { const y = x.mul(2); return y.detach().add(y); }, inputs: (n) => [vals(n, 4)] },
  { name: 'detach_then_write', fn: (x) => { const y = x.mul(2); const d = y.detach(); y.add_(1); return d.mul(1); }, inputs: (n) => [vals(n, 4)] },
  { name: 'input_view_write', fn: (x) => { x.view(-1).mul_(2); return x.add(1); }, inputs: (n) => [vals(n, 4)] },
  { name: 'transpose_row_write', fn: (x) => { const y = x.mul(1); y.t().select(0, 1).fill_(3); return y; }, inputs: (n) => [vals(n, 4)] },
  { name: 'view_output_after_base_write', fn: (x) => { const y = x.mul(1); const c = y.narrow(1, 1, 2); y.add_(1); return [c, y]; }, inputs: (n) => [vals(n, 4)] },
  { name: 'sibling_views', fn: (x) => { const y = x.add(0); const a = y.select(1, 0); const b = y.select(1, 3); a.copy_(b); return y.sum(1).add(a); }, inputs: (n) => [vals(n, 4)] },
];

describe('torch.onnx.export: in-place writes through views match eager', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-onnx-views-'));
  const paths: string[] = [];
  for (const c of CASES)
    it(c.name, () => {
      const p = exportCase(c, dir);
      paths.push(p);
      expect(compareCase(c, p, [3, 5])).toBe('');
    });
  it('eager: a write into a slice or a view reaches the base', () => {
    const x = torch.tensor([[1, 2, 3], [4, 5, 6]], { dtype: torch.float32 });
    x.narrow(1, 0, 2).add_(1);
    x.select(0, 0).mul_(2);
    x.view(-1).add_(1);
    expect(x.tolist()).toEqual([[5, 7, 7], [6, 7, 7]]);
  });
  it.runIf(hasOnnx)('every file passes onnx.checker.check_model(full_check=True)', () => {
    expect(Object.entries(checkModels(paths)).filter(([, e]) => e)).toEqual([]);
  });
});

export type { Tensor };

describe('torch.onnx.export: transposed views of parameters', () => {
  it('a square weight used transposed exports transposed (not as the weight itself)', () => {
    class M extends torch.nn.Module {
      w = new torch.nn.Parameter(torch.arange(9, { dtype: torch.float32 }).reshape(3, 3));
      forward(x: Tensor) {
        return x.add(this.w.t()).mul(this.w.diagonal());
      }
    }
    const m = new M();
    const dir = mkdtempSync(join(tmpdir(), 'tl-onnx-tview-'));
    const p = join(dir, 'm.onnx');
    const x = torch.arange(9, { dtype: torch.float32 }).reshape(3, 3);
    torch.onnx.export(m, [x], p);
    const got = torch.onnx.load(p)(x) as Tensor;
    expect(got.tolist()).toEqual((m(x) as Tensor).tolist());
  });
});
