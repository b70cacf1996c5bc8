// `torchlike inspect FILE`: what a model or tensor file holds.
import { readFileSync } from 'node:fs';
import type onnxProto from 'onnx-proto';
import { onnx } from '../src/graph/builder.js';
import { fromOnnx } from '../src/dtype.js';
import { BadInput, dtypeName, formatOf, readTensorFile, shapeStr } from './files.js';
import { table, thousands } from './table.js';

export interface ValueInfo {
  name: string;
  dtype: string;
  /** numbers for fixed sizes, names for symbolic ones ('batch'), null for unknown */
  shape: (number | string | null)[] | null;
}
export interface OnnxReport {
  file: string;
  format: 'onnx';
  ir_version: number;
  producer: string;
  opsets: Record<string, number>;
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  nodes: Record<string, number>;
  node_count: number;
  initializers: number;
  parameters: number;
}
export interface TensorsReport {
  file: string;
  format: string;
  tensors: { key: string; shape: number[]; dtype: string; numel: number }[];
  other: { key: string; value: string }[];
  parameters: number;
}

const elemName = (code: number | null | undefined): string => {
  try {
    return String(fromOnnx(code ?? 0)).replace(/^torch\./, '');
  } catch {
    return `onnx type ${code}`;
  }
};

function valueInfo(v: onnxProto.onnx.IValueInfoProto): ValueInfo {
  const tt = v.type?.tensorType;
  const dims = tt?.shape?.dim;
  return {
    name: v.name ?? '',
    dtype: tt ? elemName(tt.elemType) : 'non-tensor',
    shape: dims ? dims.map((d) => (d.dimValue != null && d.dimParam == null ? Number(d.dimValue) : d.dimParam || null)) : null,
  };
}

/** Decodes an .onnx file's protobuf (nothing is run) and summarises it. */
export function inspectOnnx(path: string): OnnxReport {
  let m: onnxProto.onnx.ModelProto;
  try {
    m = onnx.ModelProto.decode(readFileSync(path));
  } catch (e) {
    throw new BadInput(`${path}: not a valid ONNX protobuf: ${(e as Error).message}`);
  }
  const g = m.graph;
  if (!g) throw new BadInput(`${path}: the model has no graph`);
  const nodes: Record<string, number> = {};
  for (const n of g.node ?? []) {
    const k = n.domain ? `${n.domain}.${n.opType}` : (n.opType ?? '?');
    nodes[k] = (nodes[k] ?? 0) + 1;
  }
  const inits = new Set((g.initializer ?? []).map((t) => t.name));
  let parameters = 0;
  for (const t of g.initializer ?? []) parameters += (t.dims ?? []).reduce((a: number, d) => a * Number(d), 1);
  return {
    file: path,
    format: 'onnx',
    ir_version: Number(m.irVersion ?? 0),
    producer: [m.producerName, m.producerVersion].filter(Boolean).join(' '),
    opsets: Object.fromEntries((m.opsetImport ?? []).map((o) => [o.domain || 'ai.onnx', Number(o.version ?? 0)])),
    // graph inputs that are initializers are weights (old exporters list them), not model inputs
    inputs: (g.input ?? []).filter((v) => !inits.has(v.name ?? '')).map(valueInfo),
    outputs: (g.output ?? []).map(valueInfo),
    nodes: Object.fromEntries(Object.entries(nodes).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))),
    node_count: (g.node ?? []).length,
    initializers: (g.initializer ?? []).length,
    parameters,
  };
}

export function inspectTensors(path: string): TensorsReport {
  const f = readTensorFile(path);
  const tensors = [...f.tensors].map(([key, t]) => ({ key, shape: t.shape, dtype: dtypeName(t), numel: t.numel() }));
  return {
    file: path,
    format: f.format,
    tensors,
    other: [...f.other].map(([key, v]) => ({ key, value: JSON.stringify(v) ?? String(v) })),
    parameters: tensors.reduce((a, t) => a + t.numel, 0),
  };
}

export function inspect(path: string): OnnxReport | TensorsReport {
  return formatOf(path) === 'onnx' ? inspectOnnx(path) : inspectTensors(path);
}

const dimsStr = (s: ValueInfo['shape']) => (s ? `[${s.map((d) => d ?? '?').join(', ')}]` : '?');

export function formatInspect(r: OnnxReport | TensorsReport): string {
  if (r.format === 'onnx') {
    const o = r as OnnxReport;
    return [
      `${o.file}: ONNX model, IR version ${o.ir_version}${o.producer ? `, produced by ${o.producer}` : ''}`,
      `opset: ${Object.entries(o.opsets).map(([d, v]) => `${d} ${v}`).join(', ')}`,
      '',
      'inputs:',
      table(['name', 'dtype', 'shape'], o.inputs.map((v) => [v.name, v.dtype, dimsStr(v.shape)])),
      '',
      'outputs:',
      table(['name', 'dtype', 'shape'], o.outputs.map((v) => [v.name, v.dtype, dimsStr(v.shape)])),
      '',
      `nodes: ${o.node_count}`,
      table(['op', 'count'], Object.entries(o.nodes)),
      '',
      `parameters: ${thousands(o.parameters)} in ${o.initializers} initializers`,
    ].join('\n');
  }
  const t = r as TensorsReport;
  const lines = [`${t.file}: ${t.format}, ${t.tensors.length} tensor${t.tensors.length === 1 ? '' : 's'}`, ''];
  lines.push(table(['key', 'dtype', 'shape', 'numel'], t.tensors.map((x) => [x.key || '(array)', x.dtype, shapeStr(x.shape), x.numel])));
  if (t.other.length) lines.push('', 'other entries:', table(['key', 'value'], t.other.map((x) => [x.key, x.value.length > 60 ? x.value.slice(0, 57) + '...' : x.value])));
  lines.push('', `parameters: ${thousands(t.parameters)}`);
  return lines.join('\n');
}
