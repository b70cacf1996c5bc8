// Shared by the numpy tests: is a real numpy available in /usr/bin/python3 (Debian's python3-numpy)?
import { execFileSync } from 'node:child_process';

export const PY = '/usr/bin/python3';
export const hasNumpy = (() => {
  try {
    execFileSync(PY, ['-c', 'import numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasNumpy) console.warn('numpy interop tests SKIPPED: /usr/bin/python3 has no numpy module (apt-get install python3-numpy)');

/** Runs a Python snippet with numpy; returns its stdout parsed as JSON. */
export function py(code: string, ...args: string[]): unknown {
  return JSON.parse(execFileSync(PY, ['-c', `import json, sys, numpy as np\n${code}`, ...args], { maxBuffer: 64 << 20 }).toString());
}
