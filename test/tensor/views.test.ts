// Strided views against PyTorch: every case of test/fixtures/views.json (gen_views.py) is a script
// of view ops, in-place writes and backward calls, run here by test/helpers/view_script.ts. At the
// end every named tensor must match PyTorch's: values, dtype, shape, stride(), storage_offset(),
// is_contiguous(), requires_grad, is_leaf, _version, .grad of leaves, grad_fn names (autograd
// cases), which tensors share storage (untyped_storage().data_ptr()), which are the same object,
// and data_ptr() = storage's data_ptr() + storage_offset() * element_size(). Cases that raise must
// raise at the same step with PyTorch's class and message. grad_fn names are a test of their own.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkScript, type Expected, showSteps } from '../helpers/view_check.js';

const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/views.json', import.meta.url)), 'utf8')) as { cases: Expected[] };

describe('strided views vs PyTorch (fixtures/views.json)', () => {
  it('has the generator\'s cases', () => expect(fixture.cases.length).toBeGreaterThanOrEqual(80));
  for (const c of fixture.cases) {
    let problems: string[] | null = null;
    const run = () => (problems ??= checkScript(c));
    const isName = (p: string) => p.includes('.grad_fn:');
    const why = (ps: string[]) => `${c.name}:\n${showSteps(c.steps)}\nproblems:\n  ${ps.join('\n  ')}\n`;
    it(c.name, () => {
      const ps = run().filter((p) => !isName(p));
      expect(ps, why(ps)).toEqual([]);
    });
    // grad_fn names apart, so that a naming difference does not hide whether the values and gradients agree
    if (c.grad_fn)
      it(`${c.name}: grad_fn names`, () => {
        const ps = run().filter(isName);
        expect(ps, why(ps)).toEqual([]);
      });
  }
});
