// Layer-by-layer divergence finder (a torchlike addition to torch.testing): runs a model on an
// input, captures every module's output (forward hooks on an nn.Module; extra graph outputs on an
// .onnx file) and compares each with PyTorch's, in execution order.
import type onnxProto from 'onnx-proto';
import { readFileSync } from 'node:fs';
import { load as loadOnnx } from '../../export/onnx/load.js';
import { onnx } from '../../src/graph/builder.js';
import { Tensor } from '../../src/tensor.js';
import { no_grad } from '../../src/autograd/grad_mode.js';
import type { Module } from '../nn/modules/module.js';
import { assert_close, type AssertCloseOptions } from './assert_close.js';
import { closeness } from './closeness.js';

export interface DivergenceRow {
  /** module name as in named_modules() ('' is the whole model) */
  module: string;
  status: 'ok' | 'mismatch' | 'not in reference' | 'not produced';
  shape?: number[];
  max_abs?: number;
  max_rel?: number;
  /** assert_close's message for a mismatch */
  message?: string;
  /** .onnx: the graph value compared for this module */
  value?: string;
}
export interface DivergenceReport {
  rows: DivergenceRow[];
  /** the first module, in execution order, whose output is not close to the reference (or null) */
  first_divergent: string | null;
}
export interface DivergenceOptions extends Pick<AssertCloseOptions, 'rtol' | 'atol' | 'equal_nan' | 'check_dtype'> {
  /** .onnx: graph value names for module names the node scopes don't reveal */
  values?: Record<string, string>;
}

const firstTensor = (x: unknown): Tensor | undefined =>
  x instanceof Tensor ? x : Array.isArray(x) ? x.map(firstTensor).find((t) => t) : undefined;

function compareAll(order: string[], got: Map<string, unknown>, reference: Record<string, unknown>, opts: DivergenceOptions, values?: Map<string, string>): DivergenceReport {
  const rows: DivergenceRow[] = [];
  const names = [...order, ...Object.keys(reference).filter((k) => !order.includes(k))];
  for (const module of names) {
    const value = values?.get(module);
    if (!got.has(module)) {
      rows.push({ module, status: 'not produced', ...(value ? { value } : {}) });
      continue;
    }
    const out = got.get(module);
    if (!(module in reference)) {
      rows.push({ module, status: 'not in reference', shape: firstTensor(out)?.shape });
      continue;
    }
    const ref = reference[module];
    const row: DivergenceRow = { module, status: 'ok', shape: firstTensor(out)?.shape, ...(value ? { value } : {}) };
    try {
      assert_close(out, ref, opts);
    } catch (e) {
      row.status = 'mismatch';
      row.message = (e as Error).message;
    }
    const [a, b] = [firstTensor(out), firstTensor(ref)];
    if (a && b && a.shape.join() === b.shape.join()) {
      const c = closeness(a, b, 0, 0, opts.equal_nan ?? false);
      Object.assign(row, { max_abs: c.maxAbs, max_rel: c.maxRel });
    }
    rows.push(row);
  }
  return { rows, first_divergent: rows.find((r) => r.status === 'mismatch')?.module ?? null };
}

/**
 * Runs `model` on `inputs` and compares every module's output with `reference` (module name ->
 * PyTorch's output, as the forward-hook dump in the README saves with torch.save), in execution
 * order. `model` is an nn.Module, or an .onnx file (path or bytes) whose node names carry
 * PyTorch's module scopes (`/layer1/layer1.0/conv1/Conv`): each module's last node gives its output.
 * @example
 * const ref = torch.load('intermediates.pt') as Record<string, torch.Tensor>;
 * const r = torch.testing.find_divergence(model, [torch.load('input.pt')], ref);
 * console.log(r.first_divergent);   // '3.1': the first module whose output is not close
 */
export function find_divergence(model: Module | string | Uint8Array, inputs: Tensor[], reference: Record<string, unknown>, opts: DivergenceOptions = {}): DivergenceReport {
  if (typeof model === 'string' || model instanceof Uint8Array) return onnxDivergence(model, inputs, reference, opts);
  const got = new Map<string, unknown>();
  const order: string[] = [];
  const handles = model.named_modules().map(([name, m]) =>
    m.register_forward_hook((_m, _args, output) => {
      if (!got.has(name)) order.push(name);
      got.set(name, output);
      return undefined;
    }));
  try {
    no_grad(() => (model as unknown as (...a: Tensor[]) => unknown)(...inputs));
  } finally {
    for (const h of handles) h.remove();
  }
  return compareAll(order, got, reference, opts);
}

/** The graph value that is module `name`'s output: the last node inside its scope. */
function scopeValue(g: onnxProto.onnx.IGraphProto, name: string): string | undefined {
  if (name === '') return g.output?.[0]?.name ?? undefined;
  const parts = name.split('.');
  const scope = '/' + parts.map((_, i) => parts.slice(0, i + 1).join('.')).join('/') + '/';
  const nodes = (g.node ?? []).filter((n) => n.name?.startsWith(scope));
  return nodes.length ? (nodes[nodes.length - 1].output?.[0] ?? undefined) : undefined;
}

function onnxDivergence(file: string | Uint8Array, inputs: Tensor[], reference: Record<string, unknown>, opts: DivergenceOptions): DivergenceReport {
  const model = onnx.ModelProto.decode(typeof file === 'string' ? readFileSync(file) : file);
  const g = model.graph!;
  const produced = new Set((g.node ?? []).flatMap((n) => n.output ?? []));
  const values = new Map<string, string>();
  for (const name of Object.keys(reference)) {
    const v = opts.values?.[name] ?? (produced.has(name) ? name : scopeValue(g, name));
    if (v && produced.has(v)) values.set(name, v);
  }
  // expose the values as extra graph outputs (onnxruntime infers their types)
  const outputs = new Set((g.output ?? []).map((o) => o.name));
  for (const v of new Set(values.values())) if (!outputs.has(v)) g.output!.push(onnx.ValueInfoProto.create({ name: v }));
  const m = loadOnnx(onnx.ModelProto.encode(model).finish());
  try {
    const res = m(...inputs);
    const outs = Array.isArray(res) ? res : [res];
    const byValue = new Map(m.output_names.map((n, i) => [n, outs[i]]));
    const got = new Map<string, unknown>();
    for (const [name, v] of values) got.set(name, byValue.get(v));
    // execution order: the order the values are produced in the (topologically sorted) graph
    const pos = new Map((g.node ?? []).flatMap((n, i) => (n.output ?? []).map((o) => [o, i] as const)));
    // (a module sharing its last value with its parent finishes first, as its forward hook fires first)
    const within = (a: string, b: string) => b === '' || a.startsWith(b + '.');
    const order = [...values.keys()].sort((a, b) => pos.get(values.get(a)!)! - pos.get(values.get(b)!)! || (within(a, b) ? -1 : within(b, a) ? 1 : 0));
    return compareAll(order, got, reference, opts, values);
  } finally {
    m.dispose();
  }
}
