// The built library for the bench scripts (they measure dist/, what users import).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIST = new URL('../dist/torchlike/index.js', import.meta.url);
if (!existsSync(fileURLToPath(DIST))) {
  console.error('dist/torchlike/index.js missing: run `npm run build` (npm run bench does).');
  process.exit(3);
}
export const torch = await import(DIST.href);

/** The MLP 784-256-128-10 of the mlp_train workload. */
export function mlp() {
  const { nn } = torch;
  return new nn.Sequential(new nn.Linear(784, 256), new nn.ReLU(), new nn.Linear(256, 128), new nn.ReLU(), new nn.Linear(128, 10));
}
