// Python-style argument handling: positional arguments, then one trailing options object with
// PyTorch's keyword names (API.md rule 2).
import { checkDevice } from './device.js';
import { RuntimeError } from './errors.js';

/** A plain `{...}` object (the trailing keyword-arguments object), not a Tensor, array or typed array. */
export function isOpts(x: unknown): x is Record<string, any> {
  if (x === null || typeof x !== 'object') return false;
  const p = Object.getPrototypeOf(x);
  return p === Object.prototype || p === null;
}

/**
 * Binds positional args and a trailing options object to PyTorch's parameter names.
 * `bind(['dim', 'keepdim'], [1, true])` and `bind(['dim', 'keepdim'], [{ dim: 1, keepdim: true }])` agree.
 */
export function bind<T extends Record<string, unknown>>(names: readonly string[], args: readonly unknown[], defaults: Partial<T> = {}): T {
  const out: Record<string, unknown> = { ...defaults };
  let n = args.length;
  if (n > 0 && isOpts(args[n - 1])) {
    const o = args[n - 1] as Record<string, unknown>;
    for (const k of Object.keys(o)) if (o[k] !== undefined) out[k] = o[k];
    n--;
  }
  if (n > names.length) throw new TypeError(`expected at most ${names.length} positional arguments (${names.join(', ')}) but got ${n}`);
  for (let i = 0; i < n; i++) if (args[i] !== undefined) out[names[i]] = args[i];
  return out as T;
}

/** Sizes given as varargs or one array: zeros(2, 3), zeros([2, 3]), zeros([2, 3], { dtype }), zeros(2, 3, { dtype }). */
export function sizeArgs(args: readonly unknown[], allowMinusOne = false): { size: number[]; opts: Record<string, any> } {
  let n = args.length;
  let opts: Record<string, any> = {};
  if (n > 0 && isOpts(args[n - 1])) {
    opts = args[n - 1] as Record<string, any>;
    n--;
  }
  let size: number[];
  if (n === 1 && (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]))) size = Array.from(args[0] as number[]);
  else size = (args.slice(0, n) as number[]).slice();
  if (size.length === 0 && opts.size) size = Array.from(opts.size as number[]);
  for (const s of size)
    if (typeof s !== 'number' || !Number.isInteger(s)) throw new TypeError(`size must be a list of integers, but got ${JSON.stringify(size)}`);
    else if (s < (allowMinusOne ? -1 : 0)) throw new RuntimeError(`Trying to create tensor with negative dimension ${s}: [${size.join(', ')}]`);
  return { size, opts };
}

/**
 * Moves required positional parameters given by keyword out of the trailing options object into
 * their positions, so `f({ input: x, other: y, alpha: 2 })` calls `f(x, y, { alpha: 2 })` (API.md
 * rule 2). `overloads` lists each overload's required positional names (from torchlike/signatures.ts,
 * generated from PyTorch); the one matching the most keywords in a row after the positional
 * arguments wins (randint({ low, high, size }) is randint.low, randint({ high, size }) is not).
 */
export function rebind(overloads: readonly (readonly string[])[], args: readonly unknown[]): unknown[] {
  const n = args.length;
  const last = args[n - 1];
  if (n === 0 || !isOpts(last)) return args as unknown[];
  const p = n - 1;
  let best: readonly string[] = [];
  let run = 0;
  for (const names of overloads) {
    let r = 0;
    while (p + r < names.length && names[p + r] in last) r++;
    if (r > run) [best, run] = [names, r];
  }
  if (run === 0) return args as unknown[];
  const out = args.slice(0, p);
  const rest: Record<string, unknown> = { ...last };
  for (let i = p; i < p + run; i++) {
    out.push(rest[best[i]]);
    delete rest[best[i]];
  }
  if (Object.keys(rest).length > 0) out.push(rest);
  return out;
}

/** `device=` places tensors wherever PyTorch takes it (factories, layers): the CPU only (src/device.ts). */
function checked(args: unknown[]): unknown[] {
  const last = args[args.length - 1];
  if (isOpts(last) && last.device !== undefined) checkDevice(last.device);
  return args;
}

/**
 * 'input dim keepdim=': '=' marks an optional parameter. By default only required ones are moved,
 * since most functions read their optional parameters from the options object. `positional`
 * functions (nn.init) read them only positionally: there every positional parameter moves, gaps
 * become undefined (the default), and the remaining options go after the last positional slot.
 */
function parse(s: string, positional: boolean): string[][] {
  return s.split(' | ').map((o) => (o ? o.split(' ').filter((n) => positional || !n.endsWith('=')).map((n) => n.replace(/=$/, '')) : []));
}

/** rebind for `positional` functions: every positional parameter by keyword, gaps filled. */
function rebindAll(names: readonly string[], args: readonly unknown[]): unknown[] {
  const n = args.length;
  const last = args[n - 1];
  if (n === 0 || !isOpts(last) || !names.slice(n - 1).some((k) => k in last)) return args as unknown[];
  const out = args.slice(0, n - 1);
  const rest: Record<string, unknown> = { ...last };
  let end = out.length;
  for (let i = out.length; i < names.length; i++) if (names[i] in rest) end = i + 1;
  for (let i = out.length; i < end; i++) {
    out.push(rest[names[i]]);
    delete rest[names[i]];
  }
  if (Object.keys(rest).length > 0) {
    while (out.length < names.length) out.push(undefined);
    out.push(rest);
  }
  return out;
}

/** `fn` with keyword-given positionals rebound (see rebind); classes stay classes (new, instanceof, extends). */
export function keywords<F extends (...args: any[]) => any>(signature: string, fn: F, positional = false): F {
  const sig = parse(signature, positional);
  if (sig.every((o) => o.length === 0)) return fn;
  const bindArgs = positional ? (a: unknown[]) => rebindAll(sig[0], a) : (a: unknown[]) => rebind(sig, a);
  if (/^class\b/.test(Function.prototype.toString.call(fn)))
    return new Proxy(fn, { construct: (t, a, nt) => Reflect.construct(t, checked(bindArgs(a)), nt) });
  const w = function (this: unknown, ...a: unknown[]) {
    return fn.apply(this, checked(bindArgs(a)));
  };
  Object.defineProperty(w, 'name', { value: fn.name });
  return w as unknown as F;
}

/** The trailing options object holding every positional parameter by keyword. */
export type Kwargs = Record<string, unknown>;
/** F, also callable (or constructible) with positional parameters given in a trailing keyword object. */
export type Keyworded<F> = F extends abstract new (...a: any) => infer I
  ? F & (new (...args: [...unknown[], Kwargs]) => I)
  : F extends (...a: any) => infer R
    ? F & ((...args: [...unknown[], Kwargs]) => R)
    : F;

/** Every function of `ns` that `signatures` names, wrapped by keywords(); other members as they are. */
export function keywordsAll<T extends object>(signatures: Record<string, string>, ns: T, positional = false): { [K in keyof T]: Keyworded<T[K]> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ns)) out[k] = typeof v === 'function' && Object.hasOwn(signatures, k) ? keywords(signatures[k], v, positional) : v;
  return out as { [K in keyof T]: Keyworded<T[K]> };
}

/** Wraps the methods of a prototype in place (Tensor methods are added to one prototype by many files). */
export function keywordsMethods(signatures: Record<string, string>, proto: object): void {
  const p = proto as Record<string, unknown>;
  for (const [k, s] of Object.entries(signatures)) {
    const d = Object.getOwnPropertyDescriptor(proto, k);
    if (d && typeof d.value === 'function' && !(d.value as { _keywords?: true })._keywords) {
      const w = keywords(s, d.value as (...a: unknown[]) => unknown);
      (w as unknown as { _keywords: true })._keywords = true;
      p[k] = w;
    }
  }
}
