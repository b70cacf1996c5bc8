// torch.testing's mismatch messages (_make_mismatch_msg, make_scalar/tensor_mismatch_msg), word for word.
import { pyNumber, pyPercent1, pyTuple } from './pyrepr.js';
import type { Closeness } from './closeness.js';

export type Identifier = string | ((defaultIdentifier: string) => string);
interface Diff {
  diff: string;
  idx?: number[];
}

function mismatchMsg(defaultId: string, identifier: Identifier | undefined, extra: string | null, abs: Diff, atol: number, rel: Diff, rtol: number): string {
  const equality = rtol === 0 && atol === 0;
  const line = (type: string, d: Diff, tol: number): string => {
    let m = d.idx === undefined
      ? `${type[0].toUpperCase()}${type.slice(1)} difference: ${d.diff}`
      : `Greatest ${type} difference: ${d.diff} at index ${pyTuple(d.idx)}`;
    if (!equality) m += ` (up to ${pyNumber(tol, Number.isInteger(tol))} allowed)`;
    return m + '\n';
  };
  const id = identifier === undefined ? defaultId : typeof identifier === 'function' ? identifier(defaultId) : identifier;
  let msg = `${id} are not ${equality ? 'equal' : 'close'}!\n\n`;
  if (extra) msg += `${extra.trim()}\n`;
  msg += line('absolute', abs, atol);
  msg += line('relative', rel, rtol);
  return msg.trim();
}

/** make_scalar_mismatch_msg: `isInt` says both values are Python ints. */
export function scalarMismatchMsg(actual: number | bigint, expected: number | bigint, isInt: boolean, rtol: number, atol: number, identifier?: Identifier): string {
  let abs: number | bigint;
  let rel: number;
  if (typeof actual === 'bigint' || typeof expected === 'bigint') {
    const d = BigInt(actual) - BigInt(expected);
    abs = d < 0n ? -d : d;
    rel = BigInt(expected) === 0n ? Infinity : Number(abs) / Math.abs(Number(expected));
  } else {
    abs = Math.abs(actual - expected);
    rel = expected === 0 ? Infinity : abs / Math.abs(expected);
  }
  return mismatchMsg('Scalars', identifier, null, { diff: pyNumber(abs, isInt) }, atol, { diff: pyNumber(rel, false) }, rtol);
}

function unravel(flat: number, shape: readonly number[]): number[] {
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(flat % shape[d]);
    flat = Math.floor(flat / shape[d]);
  }
  return idx;
}

/** make_tensor_mismatch_msg from the statistics of `closeness`. */
export function tensorMismatchMsg(c: Closeness, shape: readonly number[], rtol: number, atol: number, identifier?: Identifier): string {
  const extra = `Mismatched elements: ${c.mismatches} / ${c.numel} (${pyPercent1(c.mismatches / c.numel)})`;
  return mismatchMsg(
    'Tensor-likes', identifier, extra,
    { diff: pyNumber(c.absDiff, c.integral), idx: unravel(c.absIdx, shape) }, atol,
    { diff: pyNumber(c.relDiff, false), idx: unravel(c.relIdx, shape) }, rtol,
  );
}
