#!/usr/bin/env node
// Writes README.md's op table: for each public torch.* / F.* / Tensor-method name, the PyTorch
// fixture cases that cover it (test/fixtures/*.json, made by the committed gen_*.py scripts).
// A case belongs to the longest public name its case name starts with ("max_pool2d/ceil" → max_pool2d).
//   npm run build && node scripts/parity_table.mjs   (rewrites the table between the markers in README.md)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const fixDir = join(root, 'test/fixtures');
// The public surface, read from the built library (npm run build first).
const torch = await import(new URL('../dist/torchlike/index.js', import.meta.url).href);
const names = new Set();
// Not ops: bookkeeping, grad mode, RNG state, files, metadata (tested by their own unit tests).
const NOT_OPS = new Set(
  ('backward constructor detach detach_ dim element_size enable_grad get_default_dtype get_num_threads get_rng_state ' +
    'initial_seed is_contiguous is_floating_point is_grad_enabled item load manual_seed nelement no_grad numel numpy ' +
    'promote_types register_hook requires_grad_ result_type retain_grad save seed set_default_dtype set_grad_enabled ' +
    'set_num_threads set_rng_state size tolist isTensor device').split(' '),
);
const pub = (k) => /^[a-z][a-z0-9_]*$/.test(k) && !NOT_OPS.has(k);
for (const k of Object.keys(torch)) if (pub(k) && typeof torch[k] === 'function') names.add(k);
for (const k of Object.keys(torch.nn.functional)) if (pub(k)) names.add(k);
for (const k of Object.getOwnPropertyNames(torch.Tensor.prototype)) {
  const d = Object.getOwnPropertyDescriptor(torch.Tensor.prototype, k);
  if (pub(k) && typeof d?.value === 'function') names.add(k);
}
const sorted = [...names].sort((a, b) => b.length - a.length);
const cover = new Map();
for (const f of readdirSync(fixDir).filter((x) => x.endsWith('.json'))) {
  let cases;
  try {
    const j = JSON.parse(readFileSync(join(fixDir, f), 'utf8')).cases;
    cases = Array.isArray(j) ? j : [];
  } catch {
    continue;
  }
  for (const c of cases) {
    const n = c.name ?? '';
    const hit = sorted.find((k) => n === k || n.startsWith(k + '/') || n.startsWith(k + '_') || n.startsWith(k + ' '));
    if (!hit) continue;
    const e = cover.get(hit) ?? { n: 0, files: new Set() };
    e.n++;
    e.files.add(f.replace('.json', ''));
    cover.set(hit, e);
  }
}
const rows = [...names].sort().map((n) => {
  const e = cover.get(n);
  return `| \`${n}\` | ${e ? `${e.n} | ${[...e.files].join(', ')}` : '— | —'} |`;
});
const covered = [...names].filter((n) => cover.has(n)).length;
const table = [
  `${covered} of ${names.size} public names have PyTorch 1.13 fixture cases named after them (others are covered under a related name, e.g. in-place \`_\` forms and aliases, or by gradcheck/unit tests).`,
  '',
  '| name | PyTorch fixture cases | fixture file |',
  '|---|---|---|',
  ...rows,
].join('\n');
const readme = join(root, 'README.md');
const text = readFileSync(readme, 'utf8');
const start = '<!-- parity-table:start -->';
const end = '<!-- parity-table:end -->';
const i = text.indexOf(start);
const j = text.indexOf(end);
if (i < 0 || j < 0) throw new Error('README.md lacks the parity-table markers');
writeFileSync(readme, text.slice(0, i + start.length) + '\n' + table + '\n' + text.slice(j));
console.log(`parity table: ${covered}/${names.size} names with fixture cases`);
