// The only door into execution. apply() runs an op's shape rule, then evaluates it (pure-JS
// eager rule, or the op's ONNX lowering on a cached onnxruntime session), records it for autograd
// and hands it to an active tracer (torch.onnx.export / capture). Nothing else runs ops.
import { gradMode } from './autograd/grad_mode.js';
import { OpNode } from './autograd/node.js';
import { GraphBuilder, type Dim } from './graph/builder.js';
import { RuntimeError } from './errors.js';
import type { LowerMeta, Meta, OpDef } from './op.js';
import { get_num_threads, ortTensor, Session, type OrtTensor } from './ort/runtime.js';
import { numel, sameShape } from './shape.js';
import { isDenseNonOverlapping } from './strided.js';
import { Tensor } from './tensor.js';
import { hasNarrow, narrowOutput, wideOf, widenInput } from './widen.js';

/** Sees every op applied while active (export, capture). */
export interface Tracer {
  record(op: OpDef<unknown>, inputs: readonly Tensor[], attrs: unknown, outputs: readonly Tensor[]): void;
  /** an in-place op wrote `result` into `self` */
  alias(self: Tensor, result: Tensor): void;
  /** which traced tensor's dim a size number was read from (keeps expand sizes dynamic) */
  sizeSource?(value: number, pos: number, rank: number): [Tensor, number] | undefined;
}
let tracer: Tracer | null = null;
/** The active tracer, if any (in-place ops report aliases to it). */
export function activeTracer(): Tracer | null {
  return tracer;
}
/** @internal installs a tracer for the duration of fn */
export function withTracer<T>(t: Tracer, fn: () => T): T {
  const prev = tracer;
  tracer = t;
  try {
    return fn();
  } finally {
    tracer = prev;
  }
}

const MAX_SESSIONS = 4096;
const sessions = new Map<string, Session>();
const dtypeCode: Record<string, string> = { float32: 'f', float64: 'd', int32: 'i', int64: 'l', bool: 'b', float16: 'h', bfloat16: 'e', uint8: 'B', int8: 'c', int16: 's' };

/** Builds the one-op model for a cache key: symbolic dims, so one session serves every shape of those ranks. */
function buildSession<A>(op: OpDef<A>, inputs: readonly Tensor[], attrs: A, out: readonly Meta[], threads: number): Session {
  const g = new GraphBuilder(17);
  // Narrow dtypes (ORT lacks most of their kernels) compute in a wider type, as PyTorch CPU does
  // (src/widen.ts): the lowering sees the wide dtypes; outputs are cast back (integers wrap).
  const narrow = hasNarrow(inputs, out);
  const names = inputs.map((t, i) => {
    const dims = t._shape.map((_, j): Dim => `x${i}_${j}`);
    if (!narrow) return g.addInput(`x${i}`, t.dtype, dims);
    return widenInput(g, `x${i}`, t.dtype, dims);
  });
  const io = {
    inputs: inputs.map((t): LowerMeta => ({ dtype: narrow ? wideOf(t.dtype) : t.dtype, rank: t._shape.length })),
    outputs: out.map((m): LowerMeta => ({ dtype: narrow ? wideOf(m.dtype) : m.dtype, rank: m.shape.length })),
  };
  const ys = op.lower(g, names, attrs, io);
  const seen = new Set<string>(names);
  ys.forEach((y, i) => {
    const dims = out[i].shape.map((_, j): Dim => `y${i}_${j}`);
    if (narrow && wideOf(out[i].dtype) !== out[i].dtype) {
      narrowOutput(g, y, out[i].dtype, dims);
      return;
    }
    // Graph outputs must be distinct values produced by nodes.
    const name = seen.has(y) ? g.op1('Identity', [y]) : y;
    seen.add(name);
    g.addOutput(name, out[i].dtype, dims);
  });
  return new Session(g.encode(), { threads, halfOutputs: narrow ? out.map((m) => (m.dtype.isHalf ? m.dtype.name : undefined)) : undefined });
}

/** Runs an op on its cached onnxruntime session. */
function execute<A>(op: OpDef<A>, inputs: readonly Tensor[], attrs: A, out: readonly Meta[]): Tensor[] {
  let key = op.name;
  if (attrs !== undefined) key += '|' + (op.attrKey ? op.attrKey(attrs) : JSON.stringify(attrs));
  key += '|';
  for (let i = 0; i < inputs.length; i++) key += dtypeCode[inputs[i].dtype.name] + inputs[i]._shape.length;
  const threads = op.parallel !== undefined && op.parallel(inputs, out, attrs) ? get_num_threads() : 1;
  if (threads > 1) key += '#' + threads;
  let c = sessions.get(key);
  if (c === undefined) {
    try {
      c = buildSession(op, inputs, attrs, out, threads);
    } catch (e) {
      throw opError(op, inputs, e);
    }
    if (sessions.size >= MAX_SESSIONS) {
      const oldest = sessions.keys().next().value as string;
      sessions.get(oldest)!.dispose();
      sessions.delete(oldest);
    }
    sessions.set(key, c);
  }
  const lay = op.elementwise === true ? sharedLayout(inputs, out) : null;
  const feeds = new Array<OrtTensor>(inputs.length);
  for (let i = 0; i < inputs.length; i++) feeds[i] = lay !== null && inputs[i]._shape.length > 0 ? lay.feed(inputs[i]) : inputs[i]._ortValue();
  let res: OrtTensor[];
  try {
    res = c.run(feeds);
  } catch (e) {
    throw opError(op, inputs, e);
  }
  const outs = new Array<Tensor>(out.length);
  for (let i = 0; i < out.length; i++) {
    const m = out[i];
    const r = res[i];
    if (r.data.length !== numel(m.shape))
      throw new RuntimeError(`${op.name}: internal shape rule mismatch (rule ${JSON.stringify(m.shape)}, onnxruntime ${JSON.stringify(r.dims)})`);
    outs[i] = lay !== null ? new Tensor(r.data, m.shape, m.dtype, lay.strides) : Tensor._fromOrt(r, m.shape, m.dtype);
  }
  return outs;
}

/**
 * For an elementwise op whose non-scalar inputs all share one permuted dense layout (x.t(),
 * x.permute(...) of contiguous memory): that memory in its own order, fed as is, and the strides
 * the outputs take. Null when the inputs are contiguous, differ, or overlap.
 */
function sharedLayout(inputs: readonly Tensor[], out: readonly Meta[]): { strides: number[]; feed(t: Tensor): OrtTensor } | null {
  let first: Tensor | null = null;
  for (const t of inputs) {
    if (t._shape.length === 0) continue;
    if (first === null) {
      if (t._contig || !isDenseNonOverlapping(t._shape, t._stridesOrDense)) return null;
      first = t;
    } else if (!sameShape(t._shape, first._shape) || !sameShape(t._stridesOrDense, first._stridesOrDense)) return null;
  }
  if (first === null) return null;
  for (const m of out) if (!sameShape(m.shape, first._shape)) return null;
  const strides = first._stridesOrDense.slice();
  const order = strides.map((_, i) => i).sort((p, q) => strides[q] - strides[p] || p - q);
  const memShape = order.map((d) => first!._shape[d]);
  const n = numel(first._shape);
  return { strides, feed: (t) => ortTensor(t.dtype.name, t._st.data.subarray(t._offset, t._offset + n), memShape) };
}

function opError(op: OpDef<never> | OpDef<any>, inputs: readonly Tensor[], e: unknown): Error {
  const sig = inputs.map((t) => `${t.dtype.name}[${t._shape.join(', ')}]`).join(', ');
  const msg = e instanceof Error ? e.message : String(e);
  return new RuntimeError(`${op.name}(${sig}) failed in onnxruntime: ${msg}`);
}

/** Applies an op: shape rule, evaluation, autograd recording, tracing. */
export function apply<A>(op: OpDef<A>, inputs: readonly Tensor[], attrs: A): Tensor[] {
  // Views whose base was rebased by an in-place op take their history from it first.
  if (gradMode.enabled || tracer !== null)
    for (let i = 0; i < inputs.length; i++) {
      const t = inputs[i];
      if (t._viewOf !== null && (t._viewEpoch !== t._viewOf._epoch || t._multi !== null)) Tensor._refreshView(t, true);
    }
  const out = op.infer(inputs, attrs);
  const outs = op.eager !== undefined ? op.eager(inputs, attrs, out) : execute(op, inputs, attrs, out);
  if (op.view !== undefined)
    for (let i = 0; i < outs.length; i++) if (outs[i]._st === inputs[0]._st) outs[i]._viewStep = { op, inputs, attrs, out: i };
  if (tracer !== null) tracer.record(op as OpDef<unknown>, inputs, attrs, outs);
  if (op.grad !== undefined && gradMode.enabled) {
    let need = false;
    for (let i = 0; i < inputs.length; i++) if (inputs[i]._rg) need = true;
    if (need) {
      const node = new OpNode(op, attrs, inputs.map((t) => ({ dtype: t.dtype, shape: t._shape })), out, inputs, outs);
      for (let i = 0; i < outs.length; i++) {
        const t = outs[i];
        if (t.dtype.is_floating_point) {
          t._rg = true;
          t.grad_fn = node;
          t._outIdx = i;
          if (op.view === 'multi') t._multi = { idx: i, version: t._vc.version };
        }
      }
    }
  }
  return outs;
}

/** Single-output apply. */
export function apply1<A>(op: OpDef<A>, inputs: readonly Tensor[], attrs: A): Tensor {
  return apply(op, inputs, attrs)[0];
}

/** Number of cached sessions (diagnostics and tests). */
export function cachedSessionCount(): number {
  return sessions.size;
}
