// Plain-text tables and short number formatting for the CLI's reports.

/** Columns padded to their widest cell; numbers right-aligned. */
export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [head, ...rows].map((r) => r.map(String));
  const w = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const right = head.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || /^[-+0-9.e]+$|^(nan|inf)$/.test(String(r[i]))));
  const line = (r: string[]) => r.map((c, i) => (right[i] ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ').trimEnd();
  return [line(cells[0]), line(w.map((n) => '-'.repeat(n))), ...cells.slice(1).map(line)].join('\n');
}

/** 4 significant digits, scientific when small or large. */
export function short(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a < 1e-3 || a >= 1e6 ? x.toExponential(2) : String(Number(x.toPrecision(4)));
}

/** 1234567 -> 1,234,567 */
export const thousands = (n: number): string => n.toLocaleString('en-US');
