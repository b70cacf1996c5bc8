// Randomized autograd through views (CopySlices): `a` is a leaf that requires grad, b = a * 1, then a
// random chain of view ops and in-place writes starting at b (helpers/view_gen.ts), then
//   loss = (b * wb).sum() + sum over some views v of b of (v * wv).sum();  loss.backward()
// Every write is affine per storage element, so the expected a.grad is exact: the strided reference
// model (helpers/strided_ref.ts) tracks, per element of b's storage, the factor d b_i / d a_i that
// autograd sees: mul_(k) multiplies it by k; fill_/zero_/copy_(constant)/setIndex(scalar) set it to 0;
// add_ keeps it; writes through detach()/.data views change values but not the factor (autograd does
// not see them). Then a.grad_i = factor_i * (wb_i + sum of wv_e over the view elements e at i).
// Views reached through as_strided are left out of the loss (as_strided may read outside its input,
// and PyTorch's gradient reaches only the input's elements); writes into overlapping memory are not
// made (their backward raises in PyTorch). b's final values are compared too. Env: VIEWS_GRAD_CHAINS (default 150), VIEWS_SEED (default 1),
// VIEWS_PROPERTY_DUMP=<file> (replay in PyTorch: test/fixtures/check_views_property.py).
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScript, showSteps } from '../helpers/view_check.js';
import { contiguousStrides, index, type Item, RefError, type RefEnv, refStep, RefStorage, RefTensor, RefVersion } from '../helpers/strided_ref.js';
import { prod, type Rng, rng, viewStep, writeSteps } from '../helpers/view_gen.js';
import { showStep, type Step } from '../helpers/view_script.js';

const CHAINS = Number(process.env.VIEWS_GRAD_CHAINS ?? 150);
const SEED = Number(process.env.VIEWS_SEED ?? 1);

const weight = (n: number, salt: number) => Array.from({ length: n }, (_, i) => (((i + salt) * 7) % 5) * 0.5 + 0.25);

interface GradChain {
  name: string;
  steps: Step[];
  expectGrad: number[];
  expectB: number[];
}

function makeChain(R: Rng, id: number): GradChain {
  const rank = R.int(1, 3);
  const sizes = Array.from({ length: rank }, () => R.int(1, 4));
  const n = prod(sizes);
  const steps: Step[] = [
    { let: 'a', make: 'arange', args: [n], dtype: 'float32', reshape: sizes, requires_grad: true },
    { let: 'b', of: 'a', op: 'mul', args: [1] },
  ];
  const env: RefEnv = new Map();
  const bb = new RefTensor(new RefStorage(Float64Array.from({ length: n }, (_, i) => i)), sizes.slice(), contiguousStrides(sizes), 0, new RefVersion(), 'float32');
  env.set('b', bb);
  const factor = new Float64Array(n).fill(1);
  const detached = new Set<string>();
  // as_strided may read elements outside its input; PyTorch's gradient reaches only the input's elements
  const strided = new Set<string>();
  const len = R.int(2, 9);
  for (let k = 0; k < len; k++) {
    const names = [...env.keys()].filter((m) => !m.startsWith('src'));
    const src = R.chance(0.6) ? names[names.length - 1] : R.pick(names);
    const x = env.get(src)!;
    let add: Step[] | null = null;
    for (let tries = 0; tries < 20 && !add; tries++) {
      if (R.chance(0.4)) add = writeSteps(R, src, x, k);
      else {
        const s = viewStep(R, src, x, `v${k}`, env);
        add = s ? [s] : null;
      }
    }
    if (!add) continue;
    // PyTorch's backward of a write into overlapping memory (fill_ of an expanded view) raises: not this test's subject
    const w = add.find((st) => 'do' in st);
    if (w && !detached.has(src) && x.st === bb.st && (w.do === 'setIndex' ? index(x, (w.args as [Item[], number])[0]) : x).overlapsAtAll()) continue;
    // no unbind/split/chunk pieces: PyTorch forbids writing them (or using them after a write to their base)
    // when they require grad; fixtures/views.json covers those errors
    if (add.some((st) => Array.isArray(st.let))) continue;
    const before = steps.length;
    let ok = true;
    for (const s of add) {
      steps.push(s);
      try {
        refStep(s, env);
      } catch (e) {
        if (!(e instanceof RefError)) throw e;
        ok = false;
        break;
      }
    }
    if (!ok) {
      // this test is about gradients: drop steps PyTorch rejects (the forward property test covers them)
      for (const s of steps.splice(before)) if (typeof s.let === 'string') env.delete(s.let);
      continue;
    }
    for (const s of add) {
      if (typeof s.let === 'string' && 'of' in s && (detached.has(s.of as string) || s.op === 'detach' || s.attr === 'data')) detached.add(s.let);
      if (typeof s.let === 'string' && 'of' in s && (strided.has(s.of as string) || s.op === 'as_strided')) strided.add(s.let);
      if (!('do' in s)) continue;
      const t = env.get(s.on as string)!;
      if (t.st !== bb.st || detached.has(s.on as string)) continue;
      const target = s.do === 'setIndex' ? index(t, (s.args as [Item[], number])[0]) : t;
      const pos = [...new Set(target.positions())];
      if (s.do === 'mul_') for (const p of pos) factor[p] *= (s.args as number[])[0];
      else if (s.do !== 'add_') for (const p of pos) factor[p] = 0;
    }
  }
  // the loss: b and up to 3 views of b's storage that autograd tracks
  const cot = new Float64Array(n);
  const wb = weight(n, id);
  wb.forEach((w, i) => (cot[i] += w));
  steps.push({ let: 'wb', make: 'tensor', args: [wb], dtype: 'float32', reshape: sizes }, { let: 'pb', of: 'b', op: 'mul', args: [{ ref: 'wb' }] }, { let: 'loss0', of: 'pb', op: 'sum', args: [] });
  const views = R.shuffle([...env.keys()].filter((m) => m !== 'b' && !m.startsWith('src') && !detached.has(m) && !strided.has(m) && env.get(m)!.st === bb.st)).slice(0, 3);
  let loss = 'loss0';
  views.forEach((v, j) => {
    const t = env.get(v)!;
    const w = weight(t.numel(), id + 3 * j + 1);
    t.positions().forEach((p, e) => (cot[p] += w[e]));
    steps.push(
      { let: `w_${v}`, make: 'tensor', args: [w], dtype: 'float32', reshape: t.sizes.slice() },
      { let: `p_${v}`, of: v, op: 'mul', args: [{ ref: `w_${v}` }] },
      { let: `s_${v}`, of: `p_${v}`, op: 'sum', args: [] },
      { let: `loss${j + 1}`, of: loss, op: 'add', args: [{ ref: `s_${v}` }] },
    );
    loss = `loss${j + 1}`;
  });
  steps.push({ backward: loss });
  const round = Math.fround;
  return {
    name: `grad chain ${id} (seed ${SEED})`,
    steps,
    expectGrad: Array.from(factor, (f, i) => round(f * cot[i]) + 0),
    expectB: bb.values().map((v) => round(v)),
  };
}

const close = (g: number[], w: number[]) => g.length === w.length && g.every((v, i) => Math.abs(v - w[i]) <= 1e-5 * (1 + Math.abs(w[i])));

function check(c: GradChain): string[] {
  const steps = c.steps;
  const { env, thrown } = runScript(steps);
  if (thrown) return [`step ${thrown.step} (${showStep(steps[thrown.step])}) threw ${thrown.err.name}: ${thrown.err.message}`];
  const out: string[] = [];
  const bv = (env.get('b')!.tolist() as unknown[]).flat(4) as number[];
  if (!close(bv, c.expectB)) out.push(`b values: torchlike ${JSON.stringify(bv)}, expected ${JSON.stringify(c.expectB)}`);
  const g = env.get('a')!.grad;
  const gv = g ? ((g.tolist() as unknown[]).flat(4) as number[]) : null;
  if (!gv || !close(gv, c.expectGrad)) out.push(`a.grad: torchlike ${JSON.stringify(gv)}, expected ${JSON.stringify(c.expectGrad)}`);
  return out;
}

const R = rng(SEED + 1000);
const chains = Array.from({ length: CHAINS }, (_, i) => makeChain(R, i));
if (process.env.VIEWS_PROPERTY_DUMP)
  writeFileSync(process.env.VIEWS_PROPERTY_DUMP, JSON.stringify({ cases: chains.map((c) => ({ name: c.name, steps: c.steps, raises: false, tensors: {}, expect_grad: c.expectGrad, expect_b: c.expectB })) }));

describe(`random in-place writes through views of a non-leaf: gradients (${CHAINS} chains, seed ${SEED})`, () => {
  it('the chains write through views that autograd tracks, with every kind of write', () => {
    const kinds = new Set<string>();
    for (const c of chains) for (const s of c.steps) if ('do' in s && s.on !== 'b') kinds.add(String(s.do));
    for (const k of ['add_', 'mul_', 'fill_', 'zero_', 'copy_', 'setIndex']) expect(kinds, k).toContain(k);
    // gradients cut by writes of constants, and scaled by mul_ through views
    expect(chains.filter((c) => c.expectGrad.some((g) => g === 0)).length).toBeGreaterThan(10);
    expect(chains.filter((c) => c.steps.some((s) => s.do === 'mul_' && s.on !== 'b')).length).toBeGreaterThan(10);
  });
  for (const ch of chains)
    it(ch.name, () => {
      const problems = check(ch);
      expect(problems, `${ch.name}:\n${showSteps(ch.steps)}\nproblems:\n  ${problems.join('\n  ')}\n`).toEqual([]);
    });
});
