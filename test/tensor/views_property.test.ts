// Randomized property test of strided views: seeded random chains of view ops and in-place writes on
// a small tensor, run on torchlike (helpers/view_script.ts) and on a plain strided reference model
// (helpers/strided_ref.ts: Float64Array storage + sizes/strides/offset with ATen's stride
// arithmetic). At the end of each chain every tensor of the chain must agree element by element and
// stride by stride (storage_offset, is_contiguous, _version, storage sharing, identity too); chains
// that the model rejects (as_strided out of the storage, view across subspaces, in-place writes into
// expanded memory) must throw PyTorch's error at the same step. The model checks on every view it
// makes that all its elements lie inside the storage, so no chain reads or writes outside it.
// On a failure the shortest failing prefix of the chain is reported. A second test per chain runs ops
// on every tensor of the chain (helpers/view_reads.ts) against what the model's values predict.
// Env: VIEWS_CHAINS (default 300), VIEWS_SEED (default 1). VIEWS_PROPERTY_DUMP=<file> also writes the
// chains and the model's predictions, which test/fixtures/check_views_property.py replays in PyTorch
// (the check of the reference model itself).
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScript, type Expected, runScript, showSteps } from '../helpers/view_check.js';
import { checkReads } from '../helpers/view_reads.js';
import type { Step } from '../helpers/view_script.js';
import { RefError, type RefEnv, refRecords, refStep } from '../helpers/strided_ref.js';
import { prod, type Rng, rng, viewStep, writeSteps } from '../helpers/view_gen.js';

const CHAINS = Number(process.env.VIEWS_CHAINS ?? 300);
const SEED = Number(process.env.VIEWS_SEED ?? 1);

interface Chain {
  name: string;
  steps: Step[];
  expected: Expected;
}

/** One random chain, run on the model as it is generated (a model error ends the chain). */
function makeChain(R: Rng, id: number): Chain {
  const rank = R.int(0, 4);
  const sizes = Array.from({ length: rank }, () => (R.chance(0.05) ? 0 : R.int(1, 4)));
  const dtype = R.chance(0.8) ? 'float32' : R.pick(['float64', 'int64']);
  const n = prod(sizes);
  const steps: Step[] = [{ let: 'x', make: 'arange', args: [n], dtype, reshape: sizes }];
  const env: RefEnv = new Map();
  refStep(steps[0], env);
  let error: Expected['error'];
  const len = R.int(2, 10);
  for (let k = 0; k < len && !error; k++) {
    const names = [...env.keys()].filter((m) => !m.startsWith('src'));
    // bias towards the latest tensors, so chains get deep (views of views)
    const src = R.chance(0.6) ? names[names.length - 1] : R.pick(names);
    const x = env.get(src)!;
    let add: Step[] | null = null;
    for (let tries = 0; tries < 20 && !add; tries++) {
      if (R.chance(0.35)) add = writeSteps(R, src, x, k);
      else {
        const s = viewStep(R, src, x, `v${k}`, env);
        add = s ? [s] : null;
      }
    }
    if (!add) continue;
    for (const s of add) {
      steps.push(s);
      try {
        refStep(s, env);
      } catch (e) {
        if (!(e instanceof RefError)) throw e;
        // Out-of-bounds as_strided, views across subspaces: keep a few as error cases; otherwise drop the step and go on.
        if ((s.op === 'as_strided' || s.op === 'view') && !R.chance(0.25)) {
          steps.pop();
          break;
        }
        error = { type: e.type, message: e.message, step: steps.length - 1 };
        break;
      }
    }
  }
  const name = `chain ${id} (seed ${SEED})`;
  return { name, steps, expected: { name, steps, error, tensors: refRecords(env) } };
}

/** The shortest prefix of a failing chain that still fails, re-running the model on it. */
function shrink(ch: Chain): { steps: Step[]; problems: string[] } {
  for (let p = 1; p <= ch.steps.length; p++) {
    const steps = ch.steps.slice(0, p);
    const env: RefEnv = new Map();
    let error: Expected['error'];
    for (let i = 0; i < steps.length && !error; i++) {
      try {
        refStep(steps[i], env);
      } catch (e) {
        if (!(e instanceof RefError)) throw e;
        error = { type: e.type, message: e.message, step: i };
      }
    }
    const problems = checkScript({ name: ch.name, steps, error, tensors: refRecords(env) });
    if (problems.length) return { steps, problems };
  }
  return { steps: ch.steps, problems: checkScript(ch.expected) };
}

const R = rng(SEED);
const chains = Array.from({ length: CHAINS }, (_, i) => makeChain(R, i));
if (process.env.VIEWS_PROPERTY_DUMP)
  writeFileSync(process.env.VIEWS_PROPERTY_DUMP, JSON.stringify({ cases: chains.map((c) => ({ ...c.expected, raises: !!c.expected.error })) }));

describe(`random view chains vs the strided reference model (${CHAINS} chains, seed ${SEED})`, () => {
  it('the chains exercise every op, write and error kind', () => {
    const seen = new Set<string>();
    for (const c of chains) {
      for (const s of c.steps) seen.add(String(s.op ?? s.do ?? s.attr ?? s.make));
      for (const e of ['setStorage: sizes [', 'view size is not compatible', 'unsupported operation: more than one element'])
        if (c.expected.error?.message.startsWith(e)) seen.add(`error: ${e}`);
    }
    for (const k of ['view', 'reshape', 'flatten', 'unflatten', 'squeeze', 'unsqueeze', 'transpose', 'swapaxes', 't', 'T', 'mT', 'permute', 'movedim', 'select',
      'narrow', 'index', 'expand', 'diagonal', 'unfold', 'as_strided', 'contiguous', 'detach', 'data', 'unbind', 'split', 'chunk', 'tensor_split', 'add_', 'mul_', 'fill_', 'zero_', 'copy_', 'setIndex',
      'error: setStorage: sizes [', 'error: view size is not compatible', 'error: unsupported operation: more than one element'])
      expect(seen, k).toContain(k);
  });
  for (const ch of chains)
    it(ch.name, () => {
      const problems = checkScript(ch.expected);
      if (problems.length === 0) expect(problems).toEqual([]);
      else {
        const short = shrink(ch);
        expect(short.problems, `shortest failing prefix of ${ch.name}:\n${showSteps(short.steps)}\nproblems:\n  ${short.problems.join('\n  ')}\n`).toEqual([]);
      }
    });
  // ops reading every tensor of the chain (elementwise, reductions, matmul with transposed operands, cat)
  for (const ch of chains)
    it(`${ch.name}: ops read its tensors`, () => {
      const { env } = runScript(ch.steps);
      const problems = checkReads(env, ch.expected.tensors);
      expect(problems, `${ch.name}:\n${showSteps(ch.steps)}\nproblems:\n  ${problems.join('\n  ')}\n`).toEqual([]);
    });
});
