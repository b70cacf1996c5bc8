// `torchlike compare A B`: assert_close per key of two tensor files (or two folders of them).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Tensor } from '../src/tensor.js';
import { assert_close, type AssertCloseOptions } from '../torchlike/testing/assert_close.js';
import { closeness } from '../torchlike/testing/closeness.js';
import { BadInput, dtypeName, formatOf, readTensorFile, shapeStr, TENSOR_FORMATS } from './files.js';
import { short, table } from './table.js';

export interface CompareRow {
  key: string;
  status: 'ok' | 'mismatch' | 'missing in A' | 'missing in B';
  shape?: string;
  dtype?: string;
  max_abs?: number;
  max_rel?: number;
  mismatched?: number;
  numel?: number;
  /** assert_close's message for a mismatch */
  message?: string;
}
export interface CompareReport {
  a: string;
  b: string;
  ok: boolean;
  rows: CompareRow[];
  rtol: number | null;
  atol: number | null;
}

export interface CompareOptions extends Pick<AssertCloseOptions, 'rtol' | 'atol' | 'equal_nan' | 'check_dtype'> {
  /** called after each key with keys done/total and elements done/total */
  onProgress?: (done: number, total: number, elements: number, totalElements: number) => void;
}

function tensorFiles(dir: string, depth = 0): string[] {
  if (depth > 32) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tensorFiles(p, depth + 1));
    else if (e.isFile()) {
      try {
        if (TENSOR_FORMATS.includes(formatOf(p))) out.push(p);
      } catch {
        // not a tensor file: ignored in folders
      }
    }
  }
  return out;
}

/** Both sides as {key: Tensor}; files in folders are prefixed with their relative path. */
function collect(a: string, b: string): [Map<string, Tensor>, Map<string, Tensor>] {
  const isDir = (p: string) => {
    try {
      return statSync(p).isDirectory();
    } catch (e) {
      throw new BadInput(`${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
    }
  };
  const [da, db] = [isDir(a), isDir(b)];
  if (da !== db) throw new BadInput(`cannot compare a folder with a file: ${da ? a : b} is a folder`);
  if (!da) {
    const [ta, tb] = [readTensorFile(a).tensors, readTensorFile(b).tensors];
    // one tensor on each side (out.npy vs ref.pt): compare them whatever their keys
    if (ta.size === 1 && tb.size === 1 && [...ta.keys()][0] !== [...tb.keys()][0]) {
      return [new Map([['(tensor)', [...ta.values()][0]]]), new Map([['(tensor)', [...tb.values()][0]]])];
    }
    return [ta, tb];
  }
  const side = (dir: string) => {
    const m = new Map<string, Tensor>();
    for (const f of tensorFiles(dir)) for (const [k, t] of readTensorFile(f).tensors) m.set(k ? `${relative(dir, f)}:${k}` : relative(dir, f), t);
    return m;
  };
  return [side(a), side(b)];
}

/** Compares every key; never throws for a mismatch (see `ok`), throws BadInput for unreadable input. */
export function compare(a: string, b: string, opts: CompareOptions = {}): CompareReport {
  const [ma, mb] = collect(a, b);
  return compareMaps(ma, mb, a, b, opts);
}

/** compare() on tensors already in memory (A and B name the sides in the report). */
export function compareMaps(ma: Map<string, Tensor>, mb: Map<string, Tensor>, a: string, b: string, opts: CompareOptions = {}): CompareReport {
  const keys = [...new Set([...ma.keys(), ...mb.keys()])].sort();
  const rows: CompareRow[] = [];
  const ac: AssertCloseOptions = { rtol: opts.rtol, atol: opts.atol, equal_nan: opts.equal_nan, check_dtype: opts.check_dtype };
  if ((ac.rtol == null) !== (ac.atol == null)) throw new BadInput(`Both 'rtol' and 'atol' must be either specified or omitted, but got no ${ac.rtol == null ? 'rtol' : 'atol'}.`);
  const totalElements = keys.reduce((n, k) => n + (ma.get(k)?.numel() ?? 0), 0);
  let elements = 0;
  keys.forEach((key, i) => {
    const [x, y] = [ma.get(key), mb.get(key)];
    elements += x?.numel() ?? 0;
    if (!x || !y) rows.push({ key, status: x ? 'missing in B' : 'missing in A', shape: shapeStr((x ?? y)!.shape), dtype: dtypeName((x ?? y)!) });
    else {
      const row: CompareRow = { key, status: 'ok', shape: shapeStr(x.shape), dtype: dtypeName(x) === dtypeName(y) ? dtypeName(x) : `${dtypeName(x)}/${dtypeName(y)}`, numel: x.numel() };
      try {
        assert_close(x, y, ac);
      } catch (e) {
        row.status = 'mismatch';
        row.message = (e as Error).message;
      }
      const sameShape = x.shape.length === y.shape.length && x.shape.every((s, j) => s === y.shape[j]);
      if (sameShape) {
        const c = closeness(x, y, 0, 0, opts.equal_nan ?? false);
        Object.assign(row, { max_abs: c.maxAbs, max_rel: c.maxRel });
        if (row.status === 'mismatch') {
          const m = /Mismatched elements: (\d+)/.exec(row.message ?? '');
          row.mismatched = m ? Number(m[1]) : undefined;
        } else row.mismatched = 0;
      } else row.shape = `${shapeStr(x.shape)}/${shapeStr(y.shape)}`;
      rows.push(row);
    }
    opts.onProgress?.(i + 1, keys.length, elements, totalElements);
  });
  return { a, b, ok: rows.every((r) => r.status === 'ok'), rows, rtol: opts.rtol ?? null, atol: opts.atol ?? null };
}

export function formatCompare(r: CompareReport, verbose: boolean): string {
  const bad = r.rows.filter((x) => x.status !== 'ok');
  const lines = [
    table(['key', 'status', 'shape', 'dtype', 'max abs diff', 'max rel diff', 'mismatched'], r.rows.map((x) => [
      x.key || '(array)', x.status, x.shape ?? '', x.dtype ?? '',
      x.max_abs === undefined ? '' : short(x.max_abs), x.max_rel === undefined ? '' : short(x.max_rel),
      x.mismatched === undefined ? '' : `${x.mismatched}/${x.numel}`,
    ])),
    '',
    r.ok ? `OK: ${r.rows.length} tensor${r.rows.length === 1 ? '' : 's'} close` : `MISMATCH: ${bad.length} of ${r.rows.length} keys differ`,
  ];
  if (!r.ok) {
    const first = bad.find((x) => x.message);
    if (first && !verbose) lines.push('', `${first.key || '(array)'}:`, first.message!);
    if (verbose) for (const x of bad) if (x.message) lines.push('', `${x.key || '(array)'}:`, x.message);
  }
  return lines.join('\n');
}
