// Python-style argument handling: positional arguments, then one trailing options object with
// PyTorch's keyword names (API.md rule 2).
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
