// The installed command: bin/torchlike.mjs runs the compiled CLI from dist/. Builds first when
// dist/cli is missing or older than the CLI's sources (npm run build, ~10 s).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/torchlike.mjs');
const FIX = join(ROOT, 'test/fixtures');

function stale(): boolean {
  const built = join(ROOT, 'dist/cli/main.js');
  if (!existsSync(built)) return true;
  const t = statSync(built).mtimeMs;
  const dirs = ['cli', 'export/numpy', 'torchlike/testing'];
  return dirs.some((d) => readdirSync(join(ROOT, d)).some((f) => statSync(join(ROOT, d, f)).mtimeMs > t));
}

beforeAll(() => {
  if (stale()) {
    console.warn('bin.test: dist/ is missing or stale, running npm run build first');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
}, 180_000);

const torchlike = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('bin/torchlike.mjs', () => {
  it('inspect prints the model summary, exit 0', () => {
    const r = torchlike('inspect', join(FIX, 'onnx/mlp.onnx'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('opset: ai.onnx 17');
  });
  it('compare exits 1 on a mismatch and 2 on a hostile file', () => {
    const r = torchlike('compare', join(FIX, 'numpy/float32.npy'), join(FIX, 'numpy/big_endian_f4.npy'), '--json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).ok).toBe(false);
    const h = torchlike('inspect', join(FIX, 'numpy/object.npy'));
    expect(h.status).toBe(2);
    expect(h.stderr).toContain('Object arrays cannot be loaded when allow_pickle=False');
  });
});
