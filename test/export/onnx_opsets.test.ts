// Opsets 13–18: every op case exports at each opset or is refused up front naming the minimum
// opset (export/onnx/opset.ts); what exports passes the onnx checker and runs equal to eager.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';
import { MAX_OPSET, MIN_OPSET } from '../../export/onnx/opset.js';
import { CASES, compareCase, exportCase, vals } from './onnx_cases.js';
import { checkerMaxOpset, checkModels, hasOnnx } from './onnx_python.js';

const OPSETS = Array.from({ length: MAX_OPSET - MIN_OPSET + 1 }, (_, i) => MIN_OPSET + i);

describe('every op case at opsets 13-18', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-onnx-opsets-'));
  const paths: string[] = [];
  if (hasOnnx && checkerMaxOpset < MAX_OPSET)
    console.warn(`onnx checker SKIPPED for opsets ${checkerMaxOpset + 1}-${MAX_OPSET}: the installed onnx knows opsets up to ${checkerMaxOpset} (those files are still run on onnxruntime)`);
  for (const opset of OPSETS) {
    it(`opset ${opset}`, () => {
      const bad: string[] = [];
      for (const c of CASES) {
        let path: string;
        try {
          path = exportCase(c, dir, opset);
        } catch (e) {
          const m = /added in version (\d+)/.exec(String(e));
          if (!m || Number(m[1]) <= opset) bad.push(`${c.name}: ${String(e).slice(0, 200)}`);
          continue;
        }
        if (opset <= checkerMaxOpset) paths.push(path);
        const diff = compareCase(c, path, [3]);
        if (diff) bad.push(`${c.name}: ${diff}`);
      }
      expect(bad).toEqual([]);
    });
  }
  it.runIf(hasOnnx)('all pass onnx.checker.check_model(full_check=True)', () => {
    const res = checkModels(paths);
    expect(Object.entries(res).filter(([, e]) => e)).toEqual([]);
    expect(paths.length).toBeGreaterThan(CASES.length * (checkerMaxOpset - MIN_OPSET + 1) * 0.9);
  });
});

describe('ops that need a newer opset', () => {
  const f = (x: Tensor) => x.tril().scatter_add(1, torch.tensor([[0, 1, 0]]).expand(x.size(0), -1), x.narrow(1, 0, 3)).triu();
  it('are listed in one error, naming the minimum opset, before anything is written', () => {
    expect(() => torch.onnx.export(f, vals(2, 4), null, { opset_version: 13 })).toThrow(
      "Exporting the operators 'tril' (added in opset 14), 'scatter_add' (added in opset 16), 'triu' (added in opset 14) to ONNX opset version 13 is not supported. Support for these operators was added in version 16, try exporting with this version.",
    );
    expect(() => torch.onnx.export(f, vals(2, 4), null, { opset_version: 15 })).toThrow(/'scatter_add' \(added in opset 16\) to ONNX opset version 15/);
    expect(torch.onnx.export(f, vals(2, 4), null, { opset_version: 16 }).length).toBeGreaterThan(0);
  });
});
