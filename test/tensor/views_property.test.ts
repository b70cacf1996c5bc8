// Randomized property test of strided views: seeded random chains of view ops and in-place writes on
// a small tensor, run on torchlike (helpers/view_script.ts) and on a plain strided reference model
// (helpers/strided_ref.ts: Float64Array storage + sizes/strides/offset with ATen's stride
// arithmetic). At the end of each chain every tensor of the chain must agree element by element and
// stride by stride (storage_offset, is_contiguous, _version, storage sharing, identity too); chains
// that the model rejects (as_strided out of the storage, view across subspaces, in-place writes into
// expanded memory) must throw PyTorch's error at the same step. The model checks on every view it
// makes that all its elements lie inside the storage, so no chain reads or writes outside it.
// On a failure the shortest failing prefix of the chain is reported.
// Env: VIEWS_CHAINS (default 300), VIEWS_SEED (default 1). VIEWS_PROPERTY_DUMP=<file> also writes the
// chains and the model's predictions, which test/fixtures/check_views_property.py replays in PyTorch
// (the check of the reference model itself).
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScript, type Expected, showSteps } from '../helpers/view_check.js';
import type { Step } from '../helpers/view_script.js';
import { type Item, RefError, type RefEnv, refRecords, refStep, type RefTensor } from '../helpers/strided_ref.js';

const CHAINS = Number(process.env.VIEWS_CHAINS ?? 300);
const SEED = Number(process.env.VIEWS_SEED ?? 1);

/** mulberry32 */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const chance = (p: number) => next() < p;
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = int(0, i);
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  };
  return { next, int, pick, chance, shuffle };
}
type Rng = ReturnType<typeof rng>;

const prod = (xs: number[]) => xs.reduce((a, b) => a * b, 1);

/** A random shape with n elements (1-4 dims), sometimes with a -1. */
function shapeOf(R: Rng, n: number): number[] {
  const rank = R.int(1, 4);
  const out: number[] = [];
  let rest = n;
  for (let i = 0; i < rank - 1; i++) {
    const divs = rest === 0 ? [0, 1, 2] : Array.from({ length: rest }, (_, k) => k + 1).filter((d) => rest % d === 0);
    const d = R.pick(divs);
    out.push(d);
    rest = d === 0 ? 0 : rest / d;
    if (d === 0) rest = R.int(0, 3);
  }
  out.push(rest);
  R.shuffle(out);
  if (prod(out) !== n) return [n];
  if (n > 0 && R.chance(0.3)) out[R.int(0, out.length - 1)] = -1;
  return out;
}

const dimOf = (R: Rng, nd: number) => R.int(-nd, nd - 1);

/** A random basic subscript for x (ints, slices with steps and clamping, None, one Ellipsis). */
function itemsFor(R: Rng, x: RefTensor): Item[] {
  const items: Item[] = [];
  let d = 0;
  let ell = false;
  const n = R.int(1, x.ndim + 1);
  for (let k = 0; k < n; k++) {
    const r = R.next();
    if (r < 0.12) items.push(null);
    else if (r < 0.2 && !ell) {
      ell = true;
      items.push('...');
      d = x.ndim; // the ellipsis swallows the rest unless later items take dims back
    } else if (d < x.ndim) {
      const size = x.sizes[d];
      if (r < 0.45 && size > 0) items.push(R.int(-size, size - 1));
      else {
        const part = () => (R.chance(0.35) ? '' : String(R.int(-size - 1, size + 1)));
        items.push(`${part()}:${part()}${R.chance(0.4) ? `:${R.int(1, 3)}` : ''}`);
      }
      d++;
    }
  }
  // an ellipsis followed by dim-consuming items needs enough dims
  const consumed = items.filter((it) => it !== null && it !== '...').length;
  if (consumed > x.ndim) return [':'];
  return items.length ? items : [null];
}

/** A random view op (or copy-making op) on tensor `src` named `name`, or null when none fits. */
function viewStep(R: Rng, src: string, x: RefTensor, name: string, env: RefEnv): Step | null {
  const nd = x.ndim;
  const L = (op: string, ...args: unknown[]): Step => ({ let: name, of: src, op, args });
  const kind = R.pick([
    'view', 'view', 'reshape', 'flatten', 'unflatten', 'squeeze', 'unsqueeze', 'transpose', 'swapaxes', 't', 'T', 'mT', 'permute',
    'movedim', 'select', 'select', 'narrow', 'narrow', 'index', 'index', 'index', 'expand', 'expand', 'diagonal', 'unfold', 'as_strided',
    'as_strided', 'contiguous', 'detach', 'data',
  ]);
  switch (kind) {
    case 'view': return L('view', ...shapeOf(R, x.numel()));
    case 'reshape': return L('reshape', shapeOf(R, x.numel()));
    case 'flatten': {
      if (nd === 0 || R.chance(0.3)) return L('flatten');
      const a = R.int(0, nd - 1);
      const b = R.int(a, nd - 1);
      return L('flatten', R.chance(0.5) ? a - nd : a, b);
    }
    case 'unflatten': {
      if (nd === 0) return null;
      const d = R.int(0, nd - 1);
      const n = x.sizes[d];
      const divs = Array.from({ length: Math.max(n, 1) }, (_, k) => k + 1).filter((k) => n % k === 0);
      const a = n === 0 ? 0 : R.pick(divs);
      return L('unflatten', d, [a, n === 0 ? R.int(1, 2) : R.chance(0.3) ? -1 : n / a]);
    }
    case 'squeeze': return nd === 0 || R.chance(0.4) ? L('squeeze') : L('squeeze', dimOf(R, nd));
    case 'unsqueeze': return L('unsqueeze', R.int(-nd - 1, nd));
    case 'transpose': case 'swapaxes': return nd === 0 ? null : L(kind, dimOf(R, nd), dimOf(R, nd));
    case 't': return nd === 2 ? L('t') : null;
    case 'T': return nd === 2 ? { let: name, of: src, attr: 'T' } : null;
    case 'mT': return nd >= 2 ? { let: name, of: src, attr: 'mT' } : null;
    case 'data': return { let: name, of: src, attr: 'data' };
    case 'permute': return nd === 0 ? null : L('permute', ...R.shuffle(x.sizes.map((_, i) => i)).map((d) => (R.chance(0.3) ? d - nd : d)));
    case 'movedim': return nd === 0 ? null : L('movedim', dimOf(R, nd), dimOf(R, nd));
    case 'select': {
      if (nd === 0) return null;
      const d = dimOf(R, nd);
      const n = x.sizes[d < 0 ? d + nd : d];
      return n === 0 ? null : L('select', d, R.int(-n, n - 1));
    }
    case 'narrow': {
      if (nd === 0) return null;
      const d = dimOf(R, nd);
      const n = x.sizes[d < 0 ? d + nd : d];
      const start = R.int(0, n);
      const len = R.int(0, n - start);
      return L('narrow', d, start > 0 && R.chance(0.3) ? start - n : start, len);
    }
    case 'index': return L('index', ...itemsFor(R, x));
    case 'expand': {
      const lead = R.chance(0.4) ? R.int(1, 2) : 0;
      const sizes = [...Array.from({ length: lead }, () => R.int(1, 3)), ...x.sizes.map((n) => (n === 1 && R.chance(0.7) ? R.int(2, 3) : R.chance(0.5) ? -1 : n))];
      return sizes.length ? L('expand', ...sizes) : null;
    }
    case 'diagonal': {
      if (nd < 2) return null;
      const a = R.int(0, nd - 1);
      let b = R.int(0, nd - 2);
      if (b >= a) b++;
      return R.chance(0.2) ? L('diagonal') : L('diagonal', R.int(-2, 2), R.chance(0.3) ? a - nd : a, b);
    }
    case 'unfold': {
      if (nd === 0) return null;
      const d = R.int(0, nd - 1);
      const n = x.sizes[d];
      if (n === 0) return null;
      return L('unfold', R.chance(0.3) ? d - nd : d, R.int(1, n), R.int(1, 3));
    }
    case 'as_strided': {
      const total = x.st.data.length;
      const rank = R.int(1, 3);
      const sizes = Array.from({ length: rank }, () => R.int(1, 3));
      const strides = Array.from({ length: rank }, () => R.int(0, 4));
      const off = R.int(0, total);
      const args: unknown[] = [sizes, strides];
      if (R.chance(0.7)) args.push(off);
      return L('as_strided', ...args);
    }
    case 'contiguous': return L('contiguous');
    case 'detach': return L('detach');
  }
  void env;
  return null;
}

/** A random in-place write into `src`, possibly preceded by the creation of its source tensor. */
function writeSteps(R: Rng, src: string, x: RefTensor, k: number): Step[] | null {
  const ints = x.dtype === 'int64';
  const kind = R.pick(['add_', 'mul_', 'fill_', 'zero_', 'copy_', 'setIndex', 'setIndex']);
  // Writes that combine values into memory that overlaps undetectably (no 0 stride) are undefined in PyTorch.
  if ((kind === 'add_' || kind === 'mul_' || kind === 'copy_') && x.overlapsAtAll() && !x.overlapDetected()) return null;
  // Writes that PyTorch rejects (expanded memory): sometimes, as an error case.
  if ((kind === 'add_' || kind === 'mul_' || kind === 'copy_') && x.overlapDetected() && !R.chance(0.3)) return null;
  switch (kind) {
    case 'add_': return [{ do: 'add_', on: src, args: [R.int(1, 9) * (R.chance(0.5) ? 100 : 1)] }];
    case 'mul_': return [{ do: 'mul_', on: src, args: [R.pick([-1, 2, 3])] }];
    case 'fill_': return [{ do: 'fill_', on: src, args: [R.int(-50, -1)] }];
    case 'zero_': return [{ do: 'zero_', on: src, args: [] }];
    case 'copy_': {
      const n = x.numel();
      const make: Step = { let: `src${k}`, make: 'arange', args: [1000 * (k + 1), 1000 * (k + 1) + n], dtype: x.dtype, reshape: x.sizes.slice() };
      return [make, { do: 'copy_', on: src, args: [{ ref: `src${k}` }] }];
    }
    case 'setIndex': return [{ do: 'setIndex', on: src, args: [itemsFor(R, x), ints ? R.int(-90, -60) : R.int(-90, -60) + 0.5] }];
  }
  return null;
}

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
      'narrow', 'index', 'expand', 'diagonal', 'unfold', 'as_strided', 'contiguous', 'detach', 'data', 'add_', 'mul_', 'fill_', 'zero_', 'copy_', 'setIndex',
      'error: setStorage: sizes [', 'error: view size is not compatible', 'error: unsupported operation: more than one element'])
      expect(seen, k).toContain(k);
  });
  for (const ch of chains)
    it(ch.name, () => {
      const problems = checkScript(ch.expected);
      if (problems.length === 0) expect(problems).toEqual([]);
      else {
        const short = shrink(ch);
        expect(short.problems, `shortest failing prefix of ${ch.name}:\n${showSteps(short.steps)}`).toEqual([]);
      }
    });
});
