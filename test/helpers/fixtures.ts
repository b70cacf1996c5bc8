// Reads parity fixtures written by test/fixtures/gen_<group>.py and compares torchlike's results.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';

export interface EncTensor {
  dtype: 'float32' | 'float64' | 'int32' | 'int64' | 'bool';
  shape: number[];
  data: (number | boolean | string)[];
}
export interface Case {
  name: string;
  /** error cases: PyTorch's exception class name and message */
  error?: { type: string; message: string };
  inputs: (EncTensor | unknown)[];
  kwargs: Record<string, unknown>;
  outputs: (EncTensor | unknown)[];
  gouts?: EncTensor[];
  grads?: (EncTensor | null)[];
}

export function loadFixtures(group: string): Case[] {
  const p = fileURLToPath(new URL(`../fixtures/${group}.json`, import.meta.url));
  return (JSON.parse(readFileSync(p, 'utf8')) as { cases: Case[] }).cases;
}

const num = (v: number | boolean | string): number | boolean =>
  v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number | boolean);

export function isEnc(x: unknown): x is EncTensor {
  return typeof x === 'object' && x !== null && 'dtype' in x && 'shape' in x && 'data' in x;
}

/** A fixture tensor as a torchlike tensor. */
export function dec(e: EncTensor, requires_grad = false): Tensor {
  const t = torch.tensor(e.data.map(num) as number[], { dtype: e.dtype }).reshape(e.shape);
  return requires_grad ? t.detach().requires_grad_(true) : t;
}

/** Decodes fixture inputs: tensors become Tensors (float ones requiring grad when asked), others pass through. */
export function decInputs(c: Case, requires_grad: boolean): unknown[] {
  return c.inputs.map((x) => (isEnc(x) ? dec(x, requires_grad && (x.dtype === 'float32' || x.dtype === 'float64')) : x));
}

/** Asserts a tensor equals a fixture: same shape and dtype, values within rtol/atol (NaN matches NaN). */
export function expectClose(got: Tensor, want: EncTensor, what: string, rtol?: number, atol?: number): void {
  expect(got.shape, `${what}: shape`).toEqual(want.shape);
  expect(got.dtype.name, `${what}: dtype`).toBe(want.dtype);
  const f64 = want.dtype === 'float64';
  rtol ??= f64 ? 1e-7 : 1e-5;
  atol ??= f64 ? 1e-9 : 1e-6;
  const g = Array.from(got.detach().numpy() as ArrayLike<number | bigint>, (v) => Number(v));
  const w = want.data.map(num).map(Number);
  let bad = -1;
  for (let i = 0; i < w.length; i++) {
    const a = g[i];
    const b = w[i];
    if (Number.isNaN(b) ? !Number.isNaN(a) : !(a === b || Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
      bad = i;
      break;
    }
  }
  if (bad >= 0) expect.fail(`${what}: element ${bad}: got ${g[bad]}, PyTorch ${w[bad]} (rtol ${rtol}, atol ${atol})`);
}

/**
 * Runs one fixture case: forward outputs, then the gradient of sum(out * gout) w.r.t. each input
 * PyTorch differentiated, all compared with the fixture.
 */
export function checkCase(c: Case, fn: (...xs: any[]) => Tensor | Tensor[], tol: { rtol?: number; atol?: number } = {}): void {
  const xs = decInputs(c, !!c.grads);
  const out = fn(...xs);
  const outs = Array.isArray(out) ? out : [out];
  c.outputs.forEach((w, i) => {
    if (isEnc(w)) expectClose(outs[i], w, `${c.name} output ${i}`, tol.rtol, tol.atol);
    else expect(outs[i], `${c.name} output ${i}`).toEqual(w);
  });
  if (!c.grads || !c.gouts) return;
  const diff = outs.filter((o) => o instanceof torch.Tensor && o.requires_grad);
  let total: Tensor | null = null;
  diff.forEach((o, i) => {
    const s = o.mul(dec(c.gouts![i]).to(o.dtype)).sum();
    total = total ? total.add(s) : s;
  });
  const req = xs.filter((x): x is Tensor => x instanceof torch.Tensor && x.requires_grad);
  const gs = torch.autograd.grad(total!, req, { allow_unused: true });
  let k = 0;
  c.grads.forEach((w, i) => {
    if (!(xs[i] instanceof torch.Tensor) || !(xs[i] as Tensor).requires_grad) return;
    const g = gs[k++];
    if (w === null) return;
    if (g === null) expect.fail(`${c.name}: no gradient for input ${i}`);
    expectClose(g, w, `${c.name} grad ${i}`, tol.rtol, tol.atol);
  });
}

/** Runs a fixture case: error cases must throw PyTorch's class and message, others go to checkCase. */
export function runCase(c: Case, fn: ((...xs: any[]) => Tensor | Tensor[]) | undefined): void {
  if (!fn) throw new Error(`no TS function for fixture case ${c.name}`);
  if (c.error) {
    let thrown: unknown = null;
    try {
      fn();
    } catch (e) {
      thrown = e;
    }
    expect(thrown, `${c.name} should throw`).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe(c.error.message);
    expect((thrown as Error).name).toBe(c.error.type);
    return;
  }
  checkCase(c, fn);
}

/** A case's kwargs as the TS options object ('inf'/'-inf' strings become ±Infinity: JSON has no infinity); undefined when empty. */
export function fixtureOpts(kw: Record<string, unknown>): Record<string, unknown> | undefined {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kw)) o[k] = v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v;
  return Object.keys(o).length ? o : undefined;
}

/**
 * The torchlike call for a case named '<fn>/<variant>': ns[fn](...inputs, kwargs), or
 * input.<fn>(...rest, kwargs) for 'm.<fn>' (the Tensor method form); `special` overrides ns.
 */
export function fixtureCall(c: Case, ns: object, special: Record<string, (...a: any[]) => Tensor | Tensor[]> = {}): (...xs: unknown[]) => Tensor | Tensor[] {
  const name = c.name.split('/')[0];
  const o = fixtureOpts(c.kwargs);
  const tail = o ? [o] : [];
  if (name.startsWith('m.')) {
    const m = name.slice(2);
    return (x, ...rest) => (x as Record<string, (...a: unknown[]) => Tensor>)[m](...rest, ...tail);
  }
  const f = special[name] ?? (ns as Record<string, (...a: unknown[]) => Tensor | Tensor[]>)[name];
  if (typeof f !== 'function') throw new Error(`no function ${name}`);
  return (...xs) => f(...xs, ...tail);
}

/** The call for a case '<op>/<variant>': torch.<op>(...inputs, kwargs), or for '<op>_' the in-place method on a clone of the first input. */
export function opCall(c: Case): (...xs: any[]) => Tensor {
  const op = c.name.split('/')[0];
  const kw = Object.keys(c.kwargs).length ? [c.kwargs] : [];
  if (op.endsWith('_')) return (x: Tensor, ...rest: unknown[]) => (x.clone() as any)[op](...rest, ...kw);
  const f = (torch as unknown as Record<string, (...a: unknown[]) => Tensor>)[op];
  if (typeof f !== 'function') throw new Error(`torch.${op} is missing`);
  return (...xs: unknown[]) => f(...xs, ...kw);
}

/** The message `call` throws on the case's inputs (null when it does not throw). */
export function thrownMessage(c: Case, call: (...xs: any[]) => unknown): string | null {
  try {
    call(...decInputs(c, false));
  } catch (e) {
    return (e as Error).message;
  }
  return null;
}
