// `torchlike diverge model.onnx --input x=in.npy --reference intermediates.pt`: the first module
// whose output leaves tolerance (torch.testing.find_divergence on an .onnx file).
import { readFileSync } from 'node:fs';
import { load as loadPt } from '../export/pt/index.js';
import { onnx } from '../src/graph/builder.js';
import { Tensor } from '../src/tensor.js';
import { find_divergence, type DivergenceOptions, type DivergenceReport } from '../torchlike/testing/divergence.js';
import { BadInput, readTensorFile, shapeStr } from './files.js';
import { short, table } from './table.js';

export function diverge(model: string, inputSpecs: readonly string[], referenceFile: string, opts: DivergenceOptions = {}): DivergenceReport {
  let names: string[];
  try {
    names = (onnx.ModelProto.decode(readFileSync(model)).graph?.input ?? []).map((v) => v.name ?? '');
  } catch (e) {
    throw new BadInput(`${model}: not a valid ONNX protobuf: ${(e as Error).message}`);
  }
  // graph inputs in order; NAME=FILE or FILE (one tensor each, positional)
  const byName = new Map<string, Tensor>();
  inputSpecs.forEach((spec, i) => {
    const eq = spec.indexOf('=');
    const [name, file] = eq > 0 ? [spec.slice(0, eq), spec.slice(eq + 1)] : [names[i], spec];
    const ts = readTensorFile(file).tensors;
    if (ts.size !== 1) throw new BadInput(`${file}: an input file must hold one tensor, it has ${ts.size}`);
    byName.set(name, [...ts.values()][0]);
  });
  let ref: unknown;
  try {
    ref = loadPt(referenceFile);
  } catch (e) {
    throw new BadInput(`${referenceFile}: ${(e as Error).message}`);
  }
  if (ref === null || typeof ref !== 'object' || ref instanceof Tensor) throw new BadInput(`${referenceFile}: expected a dict of module name -> output (torch.save of the forward-hook dump)`);
  const inits = new Set((onnx.ModelProto.decode(readFileSync(model)).graph?.initializer ?? []).map((t) => t.name));
  const inputs = names.filter((n) => !inits.has(n)).map((n) => {
    const t = byName.get(n);
    if (!t) throw new BadInput(`missing input '${n}': pass --input ${n}=FILE`);
    return t;
  });
  try {
    return find_divergence(model, inputs, ref as Record<string, unknown>, opts);
  } catch (e) {
    throw new BadInput((e as Error).message);
  }
}

export function formatDiverge(r: DivergenceReport): string {
  return [
    table(['module', 'status', 'value', 'shape', 'max abs diff', 'max rel diff'], r.rows.map((x) => [
      x.module || '(model)', x.status, x.value ?? '', x.shape ? shapeStr(x.shape) : '',
      x.max_abs === undefined ? '' : short(x.max_abs), x.max_rel === undefined ? '' : short(x.max_rel),
    ])),
    '',
    r.first_divergent === null ? 'OK: no module past tolerance' : `first divergent module: ${r.first_divergent || '(model)'}`,
  ].join('\n');
}
