// Compares torchlike tensors named by a view script (helpers/view_script.ts) with recorded
// expectations: PyTorch's (fixtures/views.json) or the strided reference model's
// (helpers/strided_ref.ts). Returns the list of differences ([] when everything matches).
import type { Tensor } from '../../torchlike/index.js';
import { type Env, runStep, showStep, type Step } from './view_script.js';

/** One named tensor at the end of a script; the fields after `storage`/`same` are optional (the reference model has no autograd). */
export interface Rec {
  dtype: string;
  shape: number[];
  stride: number[];
  storage_offset: number;
  is_contiguous: boolean;
  values: (number | boolean | string)[];
  version: number;
  storage: string;
  same: string;
  requires_grad?: boolean;
  is_leaf?: boolean;
  grad?: { dtype: string; shape: number[]; data: (number | string)[] } | null;
  grad_fn?: string | null;
}
export interface Expected {
  name: string;
  steps: Step[];
  /** compare grad_fn names too */
  grad_fn?: boolean;
  /** results of non-view ops whose layout is not the point of the case: no stride/storage_offset/is_contiguous check */
  values_only?: string[];
  error?: { type: string; message: string; step: number };
  tensors: Record<string, Rec>;
}

/** The strided-tensor introspection API, called by name (a missing method reads as a message, not a crash). */
export function intro(t: Tensor, name: string): unknown {
  const f = (t as unknown as Record<string, unknown>)[name];
  if (typeof f !== 'function') return `<torchlike has no Tensor.${name}>`;
  try {
    return (f as () => unknown).call(t);
  } catch (e) {
    return `<${name}() threw ${(e as Error).message}>`;
  }
}
export function storagePtr(t: Tensor): unknown {
  const s = intro(t, 'untyped_storage');
  if (typeof s === 'string') return s;
  const f = (s as Record<string, unknown>).data_ptr;
  return typeof f === 'function' ? (f as () => unknown).call(s) : '<untyped_storage() has no data_ptr>';
}

const num = (v: number | boolean | string): number | boolean =>
  v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number | boolean);
const flat = (x: unknown): unknown[] => (Array.isArray(x) ? x.flatMap(flat) : [x]);
const J = (v: unknown) => JSON.stringify(v);
const eq = (a: unknown, b: unknown) => J(a) === J(b);

/** First element where got differs from want (floats: rtol 1e-5, 1e-12 for float64), or -1. */
function firstMismatch(got: unknown[], want: (number | boolean | string)[], f64: boolean): number {
  if (got.length !== want.length) return Math.min(got.length, want.length);
  const tol = f64 ? 1e-12 : 1e-5;
  for (let i = 0; i < want.length; i++) {
    const w = num(want[i]);
    const g = got[i];
    if (typeof w === 'boolean') {
      if (g !== w) return i;
      continue;
    }
    const gv = Number(g);
    if (Number.isNaN(w) ? !Number.isNaN(gv) : !(gv === w || Math.abs(gv - w) <= tol * (1 + Math.abs(w)))) return i;
  }
  return -1;
}

function checkTensor(name: string, t: Tensor, r: Rec, gradFn: boolean, layout: boolean, out: string[]): void {
  const bad = (what: string, got: unknown, want: unknown) => out.push(`${name}.${what}: torchlike ${J(got)}, expected ${J(want)}`);
  if (t.dtype.name !== r.dtype) bad('dtype', t.dtype.name, r.dtype);
  if (!eq(t.shape, r.shape)) bad('shape', t.shape, r.shape);
  let vals: unknown[];
  try {
    vals = flat(t.tolist());
  } catch (e) {
    vals = [`<tolist() threw ${(e as Error).message}>`];
  }
  const k = firstMismatch(vals, r.values, r.dtype === 'float64');
  if (k >= 0) bad(`tolist() (first difference at ${k})`, vals, r.values);
  const off = intro(t, 'storage_offset');
  if (layout) {
    const stride = intro(t, 'stride');
    if (!eq(stride, r.stride)) bad('stride()', stride, r.stride);
    if (off !== r.storage_offset) bad('storage_offset()', off, r.storage_offset);
    const ic = intro(t, 'is_contiguous');
    if (ic !== r.is_contiguous) bad('is_contiguous()', ic, r.is_contiguous);
  }
  if (t._version !== r.version) bad('_version', t._version, r.version);
  if (r.requires_grad !== undefined && t.requires_grad !== r.requires_grad) bad('requires_grad', t.requires_grad, r.requires_grad);
  if (r.is_leaf !== undefined && t.is_leaf !== r.is_leaf) bad('is_leaf', t.is_leaf, r.is_leaf);
  if (r.grad) {
    const g = t.grad;
    if (!g) bad('grad', null, r.grad.data);
    else {
      const gv = flat(g.tolist());
      if (!eq(g.shape, r.grad.shape) || firstMismatch(gv, r.grad.data, r.grad.dtype === 'float64') >= 0) bad('grad', gv, r.grad.data);
    }
  } else if (r.grad === null && r.is_leaf && r.requires_grad && t.grad) bad('grad', flat(t.grad.tolist()), null);
  if (gradFn && r.grad_fn !== undefined) {
    const gf = t.grad_fn ? t.grad_fn.name() : null;
    if (gf !== r.grad_fn) bad('grad_fn', gf, r.grad_fn);
  }
  const dp = intro(t, 'data_ptr');
  const sp = storagePtr(t);
  if (typeof dp !== 'number' || typeof sp !== 'number') bad('data_ptr()/untyped_storage().data_ptr()', [dp, sp], 'numbers');
  else if (typeof off === 'number' && dp - sp !== off * t.element_size())
    bad('data_ptr() - untyped_storage().data_ptr()', dp - sp, off * t.element_size());
}

/** Runs the steps; returns the env and the first step that threw. */
export function runScript(steps: Step[]): { env: Env; thrown: { step: number; err: Error } | null } {
  const env: Env = new Map();
  for (let i = 0; i < steps.length; i++) {
    try {
      runStep(steps[i], env);
    } catch (e) {
      return { env, thrown: { step: i, err: e as Error } };
    }
  }
  return { env, thrown: null };
}

/** Runs c.steps on torchlike and lists every difference from c's expectations. */
export function checkScript(c: Expected): string[] {
  const out: string[] = [];
  const { env, thrown } = runScript(c.steps);
  if (c.error) {
    if (!thrown) out.push(`step ${c.error.step} (${showStep(c.steps[c.error.step])}) should throw ${c.error.type}: ${c.error.message}; torchlike did not throw`);
    else if (thrown.step !== c.error.step || thrown.err.name !== c.error.type || thrown.err.message !== c.error.message)
      out.push(`error: torchlike threw at step ${thrown.step} (${showStep(c.steps[thrown.step])}) ${thrown.err.name}: ${thrown.err.message}; expected at step ${c.error.step} ${c.error.type}: ${c.error.message}`);
  } else if (thrown) {
    out.push(`step ${thrown.step} (${showStep(c.steps[thrown.step])}) threw ${thrown.err.name}: ${thrown.err.message}`);
    return out;
  }
  const names = Object.keys(c.tensors);
  if (!eq([...env.keys()].sort(), [...names].sort())) out.push(`named tensors: torchlike ${J([...env.keys()])}, expected ${J(names)}`);
  for (const n of names) if (env.has(n)) checkTensor(n, env.get(n)!, c.tensors[n], !!c.grad_fn, !c.values_only?.includes(n), out);
  const ptr = new Map(names.filter((n) => env.has(n)).map((n) => [n, storagePtr(env.get(n)!)]));
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) {
      const [n, m] = [names[i], names[j]];
      if (!env.has(n) || !env.has(m)) continue;
      const share = c.tensors[n].storage === c.tensors[m].storage;
      const [pn, pm] = [ptr.get(n), ptr.get(m)];
      if (typeof pn === 'number' && typeof pm === 'number' && (pn === pm) !== share) out.push(`${n} and ${m} ${share ? 'should' : 'should not'} share storage`);
      const same = c.tensors[n].same === c.tensors[m].same;
      if ((env.get(n) === env.get(m)) !== same) out.push(`${n} and ${m} ${same ? 'should' : 'should not'} be the same object`);
    }
  return out;
}

/** The steps as Python-like lines (for failure messages). */
export const showSteps = (steps: Step[]): string => steps.map((s, i) => `  ${i}: ${showStep(s)}`).join('\n');
