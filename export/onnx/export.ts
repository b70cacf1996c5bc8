// torch.onnx.export: trace a module's forward into a standard .onnx file.
import { no_grad } from '../../src/autograd/grad_mode.js';
import type { Dim } from '../../src/graph/builder.js';
import { RuntimeError } from '../../src/errors.js';
import { Tensor } from '../../src/tensor.js';
import { atomicWrite } from '../atomic.js';
import { externalize, initializerBytes, PROTOBUF_LIMIT } from './external.js';
import { legalize } from './legalize.js';
import { optimize } from './optimize.js';
import { DEFAULT_OPSET, MAX_OPSET, MIN_OPSET, unsupportedOpsetMessage } from './opset.js';
import { OnnxTracer } from './tracer.js';

export { MAX_OPSET, MIN_OPSET } from './opset.js';

/** What export needs of a module: callable, with named parameters/buffers and train/eval. */
export interface Exportable {
  (...args: Tensor[]): Tensor | Tensor[] | readonly Tensor[];
  named_parameters?(): Iterable<[string, Tensor]>;
  named_buffers?(): Iterable<[string, Tensor]>;
  training?: boolean;
  train?(mode?: boolean): unknown;
}

/** torch.onnx.TrainingMode */
export enum TrainingMode {
  EVAL = 0,
  PRESERVE = 1,
  TRAINING = 2,
}

/** Somewhere to write the model other than a path (a stream, a buffer collector). */
export interface Writable {
  write(data: Uint8Array): unknown;
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
  /** the model's doc_string */
  doc_string?: string;
  /** @internal initializer bytes above which weights go to `<f>.data` (default: protobuf's 2 GB) */
  _external_data_threshold?: number;
}

const VERSION = '0.1.0';

function dimsFor(t: Tensor, name: string, dyn: ExportOptions['dynamic_axes']): Dim[] {
  const spec = dyn?.[name];
  if (!spec) return t._shape.slice();
  const named: Record<number, string> = Array.isArray(spec) ? Object.fromEntries(spec.map((a) => [a, `${name}_dynamic_axes_${a + 1}`])) : spec;
  return t._shape.map((s, i) => named[i] ?? named[i - t._shape.length] ?? s);
}

function flatOutputs(out: unknown): Tensor[] {
  if (out instanceof Tensor) return [out];
  if (Array.isArray(out) && out.every((t) => t instanceof Tensor)) return [...out];
  throw new RuntimeError('torch.onnx.export: the model must return a Tensor or an array of Tensors');
}

/**
 * torch.onnx.export(model, args, f, options): runs `model(...args)` once, recording every op with
 * its ONNX lowering, and writes a standard ONNX model (IR 8, opset 13–18, default 17). `f` is a
 * path (written atomically), a writable target, or omitted/null; the model's bytes are returned.
 * Parameters and buffers become initializers named by their state_dict names.
 * @example
 * torch.onnx.export(model, torch.randn(1, 784), 'mlp.onnx', {
 *   input_names: ['x'], output_names: ['logits'], dynamic_axes: { x: { 0: 'batch' }, logits: { 0: 'batch' } },
 * });
 */
export function export_(model: Exportable, args: Tensor | readonly Tensor[], f?: string | Writable | null, options: ExportOptions = {}): Uint8Array {
  const opset = options.opset_version ?? DEFAULT_OPSET;
  if (!Number.isInteger(opset) || opset < MIN_OPSET || opset > MAX_OPSET)
    throw new RuntimeError(`Unsupported ONNX opset version: ${opset}. Supported opset versions are ${MIN_OPSET} to ${MAX_OPSET}.`);
  // A graph input is a base of its own: writes through its views update it, not a tensor it was cut from.
  const inputs = (args instanceof Tensor ? [args] : [...args]).map((t) => (t instanceof Tensor && t._viewOf !== null ? t.detach().requires_grad_(t.requires_grad) : t));
  const params = new Map<Tensor, string>();
  for (const [n, p] of model.named_parameters?.() ?? []) if (!params.has(p)) params.set(p, n);
  for (const [n, b] of model.named_buffers?.() ?? []) if (!params.has(b)) params.set(b, n);
  const fold = options.do_constant_folding ?? true;
  const tracer = new OnnxTracer(opset, params, {
    export_params: options.export_params ?? true,
    keep_initializers_as_inputs: options.keep_initializers_as_inputs ?? false,
    do_constant_folding: fold,
  });
  const inNames = inputs.map((_, i) => options.input_names?.[i] ?? (inputs.length === 1 ? 'input' : `input_${i}`));
  inputs.forEach((t, i) => tracer.input(t, inNames[i], dimsFor(t, inNames[i], options.dynamic_axes)));

  const mode = options.training ?? TrainingMode.EVAL;
  const wasTraining = model.training;
  if (mode !== TrainingMode.PRESERVE && model.train) model.train(mode === TrainingMode.TRAINING);
  let outs: Tensor[];
  try {
    outs = no_grad(() =>
      tracer.run(() => {
        const o = flatOutputs(model(...inputs));
        for (const t of o) t._fresh(); // a view written through its base: its value in the graph
        return o;
      }),
    );
  } finally {
    if (wasTraining !== undefined && model.train) model.train(wasTraining);
  }
  if (tracer.needsOpset.size) throw new RuntimeError(unsupportedOpsetMessage(opset, tracer.needsOpset));
  if (tracer.failures.size)
    throw new RuntimeError(`Exporting to ONNX opset version ${opset} failed for: ${[...tracer.failures].map(([op, why]) => `${op} (${why})`).join('; ')}`);

  const g = tracer.g;
  const outNames = outs.map((_, i) => options.output_names?.[i] ?? (outs.length === 1 ? 'output' : `output_${i}`));
  for (const k of Object.keys(options.dynamic_axes ?? {}))
    if (!inNames.includes(k) && !outNames.includes(k)) console.warn(`UserWarning: Provided key ${k} for dynamic axes is not a valid input/output name`);
  const values = outs.map((t) => tracer.nameOf(t));
  legalize(g);
  optimize(g, { keep: new Set(values), userInputs: new Set(inNames), fold, params: new Set(params.values()) });
  nameOutputs(g, values, outNames);
  outs.forEach((t, i) => g.addOutput(outNames[i], t.dtype, dimsFor(t, outNames[i], options.dynamic_axes)));

  const threshold = options._external_data_threshold ?? PROTOBUF_LIMIT;
  let side: ReturnType<typeof externalize> | null = null;
  if (initializerBytes(g.initializers) > threshold) {
    if (typeof f !== 'string') throw new RuntimeError('torch.onnx.export: the model is larger than 2 GB; pass a file path so that its weights can go to an external data file');
    side = externalize(g.initializers, f);
  }
  const bytes = g.encode({ producerName: 'torchlike', producerVersion: VERSION, docString: options.doc_string ?? '', graphName: 'main_graph' });
  if (typeof f === 'string') {
    if (side) atomicWrite(side.path, side.chunks);
    atomicWrite(f, bytes);
  } else if (f) f.write(bytes);
  return bytes;
}

/**
 * Gives outputs their public names by renaming the producing value (no extra nodes), or by an
 * Identity where the value is a graph input, an initializer, or already another output.
 */
function nameOutputs(g: OnnxTracer['g'], values: string[], names: string[]): void {
  const claimed = new Set<string>();
  values.forEach((v, i) => {
    const want = names[i];
    const producer = g.nodes.find((n) => n.output?.includes(v));
    if (producer && !claimed.has(v)) {
      for (const n of g.nodes) {
        n.input = n.input?.map((x) => (x === v ? want : x));
        n.output = n.output?.map((x) => (x === v ? want : x));
      }
      values.forEach((w, j) => {
        if (w === v) values[j] = want;
      });
    } else g.nodes.push({ opType: 'Identity', input: [values[i]], output: [want], attribute: [], domain: '', name: `Identity_${g.nodes.length}` });
    claimed.add(want);
  });
}
