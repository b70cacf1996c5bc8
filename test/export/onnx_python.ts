// Shared by the onnx_* tests: the real onnx checker, run in /usr/bin/python3 (Debian's python3-onnx),
// one Python process for many files.
import { execFileSync } from 'node:child_process';

export const PY = '/usr/bin/python3';

export const hasOnnx = (() => {
  try {
    execFileSync(PY, ['-c', 'import onnx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
/** /usr/bin/python3 has torch (Debian's python3-torch): the Python round-trip tests run. */
export const hasTorch = (() => {
  try {
    execFileSync(PY, ['-c', 'import torch'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasOnnx) console.warn('onnx checker tests SKIPPED: /usr/bin/python3 has no onnx module (apt-get install python3-onnx)');

const CHECK = `
import json, sys, onnx
res = {}
for p in sys.argv[1:]:
    try:
        onnx.checker.check_model(p, full_check=True)
        res[p] = ''
    except Exception as e:
        res[p] = type(e).__name__ + ': ' + str(e)
print(json.dumps(res))
`;

/** onnx.checker.check_model(path, full_check=True) for each path: '' or the error. */
export function checkModels(paths: readonly string[]): Record<string, string> {
  if (paths.length === 0) return {};
  const out = execFileSync(PY, ['-c', CHECK, ...paths], { maxBuffer: 64 << 20 }).toString();
  return JSON.parse(out) as Record<string, string>;
}

/** The newest opset the installed onnx package knows (onnx 1.12: 17); newer files can't be checked. */
export const checkerMaxOpset: number = hasOnnx
  ? Number(execFileSync(PY, ['-c', 'import onnx.defs; print(onnx.defs.onnx_opset_version())']).toString().trim())
  : 0;
