// `torchlike run model.onnx --input x=ref.npy [--output out.npz] [--expect ref.npz]`.
import { basename, extname } from 'node:path';
import { load as loadOnnx } from '../export/onnx/index.js';
import type { Tensor } from '../src/tensor.js';
import { compareMaps, type CompareOptions, type CompareReport } from './compare.js';
import { BadInput, dtypeName, readTensorFile, shapeStr } from './files.js';
import { short, table } from './table.js';
import { writeTensors } from './write.js';

export interface RunReport {
  model: string;
  inputs: { name: string; shape: number[]; dtype: string; file: string }[];
  outputs: { name: string; shape: number[]; dtype: string; max_abs: number }[];
  output_file: string | null;
  /** --expect: the comparison of the outputs with the reference */
  comparison: CompareReport | null;
}

/** --input specs: name=file (any tensor file with one tensor), or a file whose keys are input names. */
function feeds(specs: readonly string[], inputNames: readonly string[]): Map<string, { t: Tensor; file: string }> {
  const out = new Map<string, { t: Tensor; file: string }>();
  specs.forEach((spec, i) => {
    const eq = spec.indexOf('=');
    const [name, file] = eq > 0 ? [spec.slice(0, eq), spec.slice(eq + 1)] : [null, spec];
    const f = readTensorFile(file);
    if (name !== null || f.tensors.size === 1) {
      if (f.tensors.size !== 1) throw new BadInput(`${file}: --input ${name}=FILE needs a file with one tensor, it has ${f.tensors.size}`);
      const n = name ?? (specs.length === inputNames.length ? inputNames[i] : basename(file, extname(file)));
      out.set(n, { t: [...f.tensors.values()][0], file });
    } else for (const [k, t] of f.tensors) out.set(k, { t, file });
  });
  const unknown = [...out.keys()].filter((k) => !inputNames.includes(k));
  if (unknown.length) throw new BadInput(`the model has no input named ${unknown.map((k) => `'${k}'`).join(', ')} (its inputs: ${inputNames.join(', ')})`);
  const missing = inputNames.filter((k) => !out.has(k));
  if (missing.length) throw new BadInput(`missing input${missing.length > 1 ? 's' : ''} ${missing.map((k) => `'${k}'`).join(', ')}: pass --input NAME=FILE`);
  return out;
}

export function run(model: string, inputSpecs: readonly string[], output: string | null, expect: string | null, opts: CompareOptions = {}): RunReport {
  let m;
  try {
    m = loadOnnx(model);
  } catch (e) {
    throw new BadInput((e as Error).message);
  }
  try {
    const ins = feeds(inputSpecs, m.input_names);
    let res: Tensor | Tensor[];
    try {
      res = m(Object.fromEntries([...ins].map(([k, v]) => [k, v.t])));
    } catch (e) {
      throw new BadInput((e as Error).message);
    }
    const outs = Array.isArray(res) ? res : [res];
    const named = new Map(m.output_names.map((n, i) => [n, outs[i]]));
    if (output) writeTensors(output, named);
    const comparison = expect ? compareMaps(named, readTensorFile(expect).tensors, model, expect, opts) : null;
    return {
      model,
      inputs: [...ins].map(([name, { t, file }]) => ({ name, shape: t.shape, dtype: dtypeName(t), file })),
      outputs: [...named].map(([name, t]) => ({ name, shape: t.shape, dtype: dtypeName(t), max_abs: maxAbs(t) })),
      output_file: output,
      comparison,
    };
  } finally {
    m.dispose();
  }
}

function maxAbs(t: Tensor): number {
  let m = 0;
  const d = t._data as ArrayLike<number | bigint>;
  for (let i = 0; i < d.length; i++) {
    const a = Math.abs(Number(d[i]));
    if (!(a <= m)) m = a; // NaN sticks
  }
  return m;
}

export function formatRun(r: RunReport): string {
  return [
    `${r.model}`,
    '',
    'inputs:',
    table(['name', 'dtype', 'shape', 'from'], r.inputs.map((x) => [x.name, x.dtype, shapeStr(x.shape), x.file])),
    '',
    'outputs:',
    table(['name', 'dtype', 'shape', 'max |x|'], r.outputs.map((x) => [x.name, x.dtype, shapeStr(x.shape), short(x.max_abs)])),
    ...(r.output_file ? ['', `wrote ${r.output_file}`] : []),
  ].join('\n');
}
