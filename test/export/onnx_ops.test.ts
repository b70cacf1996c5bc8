// Every registered op exports: each closure of onnx_cases.ts is exported at opset 17 (dynamic batch
// axis where the graph allows it), checked by the real onnx checker, run back through
// torch.onnx.load and compared with eager at two batch sizes. A coverage check traces every
// closure and fails when a registered op is reached by none of them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import { withTracer } from '../../src/dispatch.js';
import { registeredOps } from '../../src/op.js';
import { CASES, compareCase, exportCase, NOT_EXPORTED } from './onnx_cases.js';
import { checkModels, hasOnnx } from './onnx_python.js';

describe('torch.onnx.export of every op (opset 17)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-onnx-ops-'));
  const exported: string[] = [];
  for (const c of CASES) {
    it(c.name, () => {
      const path = exportCase(c, dir);
      exported.push(path);
      expect(compareCase(c, path, c.dynamic === false || c.bakesBatch ? [3] : [3, 5])).toBe('');
    });
  }
  it.runIf(hasOnnx)('every exported file passes onnx.checker.check_model(full_check=True)', () => {
    const res = checkModels(exported);
    const bad = Object.entries(res).filter(([, e]) => e);
    expect(bad).toEqual([]);
    expect(Object.keys(res).length).toBe(CASES.length);
  });
});

describe('op export coverage', () => {
  it('every registered op is reached by a case (or excluded with a reason)', () => {
    const seen = new Set<string>();
    const rec = { record: (op: { name: string }) => void seen.add(op.name), alias: () => undefined };
    for (const c of CASES) torch.no_grad(() => withTracer(rec as never, () => c.fn(...c.inputs(3))));
    const missing = [...registeredOps().keys()].filter((n) => !seen.has(n) && !(n in NOT_EXPORTED)).sort();
    expect(missing).toEqual([]);
    const stale = Object.keys(NOT_EXPORTED).filter((n) => !registeredOps().has(n));
    expect(stale).toEqual([]);
  });
});
