// Strided views against PyTorch: every case of test/fixtures/views.json (gen_views.py) is a script
// of view ops, in-place writes and backward calls, run here by test/helpers/view_script.ts. At the
// end every named tensor must match PyTorch's: values, dtype, shape, stride(), storage_offset(),
// is_contiguous(), requires_grad, is_leaf, _version, .grad of leaves, grad_fn names (autograd
// cases), which tensors share storage (untyped_storage().data_ptr()), which are the same object,
// and data_ptr() = storage's data_ptr() + storage_offset() * element_size(). Cases that raise must
// raise at the same step with PyTorch's class and message.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '../../torchlike/index.js';
import { type Env, runStep, showStep, type Step } from '../helpers/view_script.js';

interface Rec {
  dtype: string;
  shape: number[];
  stride: number[];
  storage_offset: number;
  is_contiguous: boolean;
  values: (number | boolean | string)[];
  requires_grad: boolean;
  is_leaf: boolean;
  version: number;
  grad: { dtype: string; shape: number[]; data: (number | string)[] } | null;
  grad_fn: string | null;
  storage: string;
  same: string;
}
interface ViewCase {
  name: string;
  steps: Step[];
  grad_fn?: boolean;
  error?: { type: string; message: string; step: number };
  tensors: Record<string, Rec>;
}

const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/views.json', import.meta.url)), 'utf8')) as { cases: ViewCase[] };

/** The strided-tensor introspection API, called by name (a missing method reads as a message, not a crash). */
function intro(t: Tensor, name: string): unknown {
  const f = (t as unknown as Record<string, unknown>)[name];
  if (typeof f !== 'function') return `<torchlike has no Tensor.${name}>`;
  try {
    return (f as () => unknown).call(t);
  } catch (e) {
    return `<${name}() threw ${(e as Error).message}>`;
  }
}
function storagePtr(t: Tensor): unknown {
  const s = intro(t, 'untyped_storage');
  if (typeof s === 'string') return s;
  const f = (s as Record<string, unknown>).data_ptr;
  return typeof f === 'function' ? (f as () => unknown).call(s) : '<untyped_storage() has no data_ptr>';
}

const num = (v: number | boolean | string): number | boolean =>
  v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number | boolean);

function flat(x: unknown): unknown[] {
  return Array.isArray(x) ? x.flatMap(flat) : [x];
}

/** First element where got differs from want (floats: rtol 1e-5 / 1e-12 float64), or -1. */
function firstMismatch(got: unknown[], want: (number | boolean | string)[], f64: boolean): number {
  if (got.length !== want.length) return Math.min(got.length, want.length);
  for (let i = 0; i < want.length; i++) {
    const w = num(want[i]);
    const g = got[i];
    if (typeof w === 'boolean') {
      if (g !== w) return i;
      continue;
    }
    const gv = Number(g);
    if (Number.isNaN(w) ? !Number.isNaN(gv) : !(gv === w || Math.abs(gv - w) <= (f64 ? 1e-12 : 1e-6) + (f64 ? 1e-12 : 1e-5) * Math.abs(w))) return i;
  }
  return -1;
}

function checkTensor(name: string, t: Tensor, r: Rec, c: ViewCase): void {
  const what = `${c.name}: ${name}`;
  expect.soft(t.dtype.name, `${what} dtype`).toBe(r.dtype);
  expect.soft(t.shape, `${what} shape`).toEqual(r.shape);
  const vals = flat(t.tolist());
  const bad = firstMismatch(vals, r.values, r.dtype === 'float64');
  expect.soft(bad, `${what} values: got ${JSON.stringify(vals)}, PyTorch ${JSON.stringify(r.values)}`).toBe(-1);
  expect.soft(intro(t, 'stride'), `${what} stride()`).toEqual(r.stride);
  expect.soft(intro(t, 'storage_offset'), `${what} storage_offset()`).toBe(r.storage_offset);
  expect.soft(intro(t, 'is_contiguous'), `${what} is_contiguous()`).toBe(r.is_contiguous);
  expect.soft(t.requires_grad, `${what} requires_grad`).toBe(r.requires_grad);
  expect.soft(t.is_leaf, `${what} is_leaf`).toBe(r.is_leaf);
  expect.soft(t._version, `${what} _version`).toBe(r.version);
  if (r.grad) {
    const g = t.grad;
    expect.soft(g, `${what} .grad`).not.toBeNull();
    if (g) {
      expect.soft(g.shape, `${what} .grad shape`).toEqual(r.grad.shape);
      const gv = flat(g.tolist());
      const gb = firstMismatch(gv, r.grad.data, r.grad.dtype === 'float64');
      expect.soft(gb, `${what} .grad: got ${JSON.stringify(gv)}, PyTorch ${JSON.stringify(r.grad.data)}`).toBe(-1);
    }
  } else if (r.is_leaf && r.requires_grad) expect.soft(t.grad, `${what} .grad`).toBeNull();
  if (c.grad_fn) expect.soft(t.grad_fn ? t.grad_fn.name() : null, `${what} grad_fn`).toBe(r.grad_fn);
  // data_ptr arithmetic: the storage's address plus the offset in bytes
  const dp = intro(t, 'data_ptr');
  const sp = storagePtr(t);
  const off = intro(t, 'storage_offset');
  if (typeof dp === 'number' && typeof sp === 'number' && typeof off === 'number')
    expect.soft(dp - sp, `${what} data_ptr() - untyped_storage().data_ptr()`).toBe(off * t.element_size());
  else expect.soft([dp, sp], `${what} data_ptr()/untyped_storage().data_ptr()`).toEqual([expect.any(Number), expect.any(Number)]);
}

function runCase(c: ViewCase): void {
  const env: Env = new Map();
  let thrown: { step: number; err: Error } | null = null;
  for (let i = 0; i < c.steps.length; i++) {
    try {
      runStep(c.steps[i], env);
    } catch (e) {
      thrown = { step: i, err: e as Error };
      break;
    }
  }
  if (c.error) {
    expect(thrown, `${c.name}: PyTorch raised at step ${c.error.step} (${showStep(c.steps[c.error.step])}): ${c.error.type}: ${c.error.message}; torchlike did not raise`).not.toBeNull();
    expect.soft({ step: thrown!.step, type: thrown!.err.name, message: thrown!.err.message }, `${c.name}: error`).toEqual(c.error);
  } else if (thrown) {
    expect.fail(`${c.name}: step ${thrown.step} (${showStep(c.steps[thrown.step])}) threw ${thrown.err.name}: ${thrown.err.message}`);
  }
  const names = Object.keys(c.tensors);
  expect.soft([...env.keys()].sort(), `${c.name}: named tensors`).toEqual([...names].sort());
  for (const n of names) if (env.has(n)) checkTensor(n, env.get(n)!, c.tensors[n], c);
  // storage sharing and object identity, pair by pair
  const ptr = new Map(names.filter((n) => env.has(n)).map((n) => [n, storagePtr(env.get(n)!)]));
  for (const n of names)
    for (const m of names) {
      if (n >= m || !env.has(n) || !env.has(m)) continue;
      const want = c.tensors[n].storage === c.tensors[m].storage;
      const pn = ptr.get(n);
      const pm = ptr.get(m);
      if (typeof pn === 'number' && typeof pm === 'number') expect.soft(pn === pm, `${c.name}: ${n} and ${m} share storage`).toBe(want);
      const same = c.tensors[n].same === c.tensors[m].same;
      expect.soft(env.get(n) === env.get(m), `${c.name}: ${n} is ${m}`).toBe(same);
    }
}

describe('strided views vs PyTorch (fixtures/views.json)', () => {
  for (const c of fixture.cases) it(c.name, () => runCase(c));
});
