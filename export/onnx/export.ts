// torch.onnx.export: trace a module's forward into a standard .onnx file.
import { no_grad } from '../../src/autograd/grad_mode.js';
import type { Dim } from '../../src/graph/builder.js';
import { RuntimeError } from '../../src/errors.js';
import { Tensor } from '../../src/tensor.js';
import { atomicWrite } from '../atomic.js';
import { OnnxTracer } from './tracer.js';

/** What export needs of a module: callable, with named parameters/buffers and train/eval. */
export interface Exportable {
  (...args: Tensor[]): Tensor | Tensor[] | readonly Tensor[];
  named_parameters?(): Iterable<[string, Tensor]>;
  named_buffers?(): Iterable<[string, Tensor]>;
  training?: boolean;
  train?(mode?: boolean): unknown;
}

export enum TrainingMode {
  EVAL = 0,
  PRESERVE = 1,
  TRAINING = 2,
}

export interface ExportOptions {
  input_names?: string[];
  output_names?: string[];
  /** {name: {0: 'batch'}} or {name: [0]} (auto-named) */
  dynamic_axes?: Record<string, Record<number, string> | number[]>;
  opset_version?: number;
  do_constant_folding?: boolean;
  export_params?: boolean;
  training?: TrainingMode;
  keep_initializers_as_inputs?: boolean;
  doc_string?: string;
}

export const MIN_OPSET = 13;
export const MAX_OPSET = 18;
const VERSION = '0.1.0';

function dimsFor(t: Tensor, name: string, dyn: ExportOptions['dynamic_axes']): Dim[] {
  const spec = dyn?.[name];
  if (!spec) return t._shape.slice();
  const named: Record<number, string> = Array.isArray(spec) ? Object.fromEntries(spec.map((a) => [a, `${name}_dynamic_axes_${a + 1}`])) : spec;
  return t._shape.map((s, i) => named[i] ?? named[i - t._shape.length] ?? s);
}

/**
 * torch.onnx.export(model, args, f, options): runs `model(...args)` once, recording every op with
 * its ONNX lowering, and writes a standard ONNX model (IR 8). `f` is a path (written atomically)
 * or omitted/null to get the bytes back.
 * @example
 * torch.onnx.export(model, torch.randn(1, 784), 'mlp.onnx', {
 *   input_names: ['x'], output_names: ['logits'], dynamic_axes: { x: { 0: 'batch' }, logits: { 0: 'batch' } },
 * });
 */
export function export_(model: Exportable, args: Tensor | readonly Tensor[], f?: string | null, options: ExportOptions = {}): Uint8Array {
  const opset = options.opset_version ?? 17;
  if (!Number.isInteger(opset) || opset < MIN_OPSET || opset > MAX_OPSET)
    throw new RuntimeError(`Unsupported ONNX opset version: ${opset}. Supported opset versions are ${MIN_OPSET} to ${MAX_OPSET}.`);
  const inputs = args instanceof Tensor ? [args] : [...args];
  const params = new Map<Tensor, string>();
  for (const [n, p] of model.named_parameters?.() ?? []) if (!params.has(p)) params.set(p, n);
  for (const [n, b] of model.named_buffers?.() ?? []) if (!params.has(b)) params.set(b, n);
  const tracer = new OnnxTracer(opset, params, {
    export_params: options.export_params ?? true,
    keep_initializers_as_inputs: options.keep_initializers_as_inputs ?? false,
    do_constant_folding: options.do_constant_folding ?? true,
  });
  const inNames = inputs.map((_, i) => options.input_names?.[i] ?? (inputs.length === 1 ? 'input' : `input_${i}`));
  inputs.forEach((t, i) => tracer.input(t, inNames[i], dimsFor(t, inNames[i], options.dynamic_axes)));

  const mode = options.training ?? TrainingMode.EVAL;
  const wasTraining = model.training;
  if (mode !== TrainingMode.PRESERVE && model.train) model.train(mode === TrainingMode.TRAINING);
  let out: Tensor | readonly Tensor[];
  try {
    out = no_grad(() => tracer.run(() => model(...inputs)));
  } finally {
    if (wasTraining !== undefined && model.train) model.train(wasTraining);
  }
  if (tracer.failures.size)
    throw new RuntimeError(
      `Exporting to ONNX opset version ${opset} is not supported for: ${[...tracer.failures].map(([op, why]) => `${op} (${why})`).join('; ')}`,
    );
  const outs = out instanceof Tensor ? [out] : [...out];
  const g = tracer.g;
  outs.forEach((t, i) => {
    const want = options.output_names?.[i] ?? (outs.length === 1 ? 'output' : `output_${i}`);
    const v = tracer.nameOf(t);
    // Outputs get their public names by renaming the producing value (no extra Identity nodes),
    // unless the value is a graph input or initializer.
    const produced = g.nodes.some((n) => n.output?.includes(v));
    if (produced && !g.outputs.some((o) => o.name === v)) {
      for (const n of g.nodes) {
        n.input = n.input?.map((x) => (x === v ? want : x));
        n.output = n.output?.map((x) => (x === v ? want : x));
      }
    } else g.nodes.push({ opType: 'Identity', input: [v], output: [want], name: `Identity_${g.nodes.length}` });
    g.addOutput(want, t.dtype, dimsFor(t, want, options.dynamic_axes));
  });
  const bytes = g.encode({ producerName: 'torchlike', producerVersion: VERSION, docString: options.doc_string ?? '', graphName: 'main_graph' });
  if (f) atomicWrite(f, bytes);
  return bytes;
}
