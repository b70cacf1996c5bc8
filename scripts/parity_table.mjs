#!/usr/bin/env node
// Writes README.md's op table: for each public torch.* / F.* / Tensor-method name, the PyTorch
// fixture cases that cover it (test/fixtures/*.json, made by the committed gen_*.py scripts).
// A case belongs to the longest public name its case name starts with ("max_pool2d/ceil" → max_pool2d).
//   node scripts/parity_table.mjs            (rewrites the table between the markers in README.md)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const fixDir = join(root, 'test/fixtures');
const names = new Set();
const src = readFileSync(join(root, 'torchlike/functions.ts'), 'utf8');
for (const m of src.matchAll(/export \{([^}]*)\}/g)) for (const n of m[1].split(',')) if (n.trim()) names.add(n.trim());
for (const f of readdirSync(join(root, 'torchlike/nn/functional'))) {
  for (const m of readFileSync(join(root, 'torchlike/nn/functional', f), 'utf8').matchAll(/export (?:function|const) ([a-z][a-z0-9_]*)/g)) names.add(m[1]);
}
for (const f of readdirSync(join(root, 'src/ops'))) {
  for (const m of readFileSync(join(root, 'src/ops', f), 'utf8').matchAll(/Tensor\.prototype\.([a-z][a-z0-9_]*) =/g)) names.add(m[1]);
}
const sorted = [...names].sort((a, b) => b.length - a.length);
const cover = new Map();
for (const f of readdirSync(fixDir).filter((x) => x.endsWith('.json'))) {
  let cases;
  try {
    cases = JSON.parse(readFileSync(join(fixDir, f), 'utf8')).cases ?? [];
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
