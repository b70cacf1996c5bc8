// Records ops into an ONNX graph while a model runs eagerly (trace-by-execution, like
// torch.jit.trace): every op is written by its own `lower`, the same one eager execution uses.
import { withTracer, type Tracer } from '../../src/dispatch.js';
import { type Dim, GraphBuilder } from '../../src/graph/builder.js';
import type { LowerMeta, OpDef } from '../../src/op.js';
import { Tensor } from '../../src/tensor.js';
import { minOpset } from './opset.js';
import { onTensorRead } from './warnings.js';

export interface TraceOptions {
  export_params: boolean;
  keep_initializers_as_inputs: boolean;
  do_constant_folding: boolean;
}

export class OnnxTracer implements Tracer {
  readonly g: GraphBuilder;
  /** value name of each tensor seen in the graph */
  private readonly names = new Map<Tensor, string>();
  /** tensors whose values depend on graph inputs (or on parameters that stay parameters) */
  private readonly live = new Set<Tensor>();
  /** ops that need a newer opset → the minimum opset that would work */
  readonly needsOpset = new Map<string, number>();
  /** ops whose lowering failed, with the error */
  readonly failures = new Map<string, string>();
  /**
   * Parameters are constants to fold only when they end up as plain initializers; as graph
   * inputs (keep_initializers_as_inputs, export_params=false) the user may feed other values.
   */
  private readonly foldParams: boolean;

  constructor(
    opset: number,
    private readonly params: Map<Tensor, string>,
    private readonly opts: TraceOptions,
  ) {
    this.g = new GraphBuilder(opset);
    this.foldParams = opts.do_constant_folding && opts.export_params && !opts.keep_initializers_as_inputs;
  }

  /** Declares a graph input. */
  input(t: Tensor, name: string, dims: readonly Dim[]): void {
    this.g.addInput(name, t.dtype, dims);
    this.names.set(t, name);
    this.live.add(t);
  }

  /** The value name of a tensor, creating an initializer for parameters and constants. */
  nameOf(t: Tensor): string {
    const n = this.names.get(t);
    if (n !== undefined) return n;
    const pname = this.paramName(t);
    let name: string;
    if (pname !== undefined) {
      name = pname;
      if (this.opts.export_params) this.g.initializer(name, t.dtype, t._shape, t._data);
      if (!this.opts.export_params || this.opts.keep_initializers_as_inputs) this.g.addInput(name, t.dtype, t._shape);
    } else {
      name = this.g.constant(t.dtype, t._shape, t._data);
    }
    this.names.set(t, name);
    return name;
  }

  /** The state_dict name of a parameter/buffer (or a same-shaped view of one). */
  private paramName(t: Tensor): string | undefined {
    const n = this.params.get(t);
    if (n !== undefined) return n;
    for (const [p, pn] of this.params) if (p._st === t._st && p._shape.length === t._shape.length && p._shape.every((s, i) => s === t._shape[i])) return pn;
    return undefined;
  }

  private isLive(t: Tensor): boolean {
    return this.live.has(t) || (!this.foldParams && this.paramName(t) !== undefined);
  }

  record(op: OpDef<unknown>, inputs: readonly Tensor[], attrs: unknown, outputs: readonly Tensor[]): void {
    // Ops on constants only are folded: their eager outputs become initializers when used.
    if (this.opts.do_constant_folding && !inputs.some((t) => this.isLive(t))) return;
    const need = minOpset(op.name, attrs);
    if (need > this.g.opset) {
      this.needsOpset.set(op.name, Math.max(need, this.needsOpset.get(op.name) ?? 0));
      // Keep tracing (outputs stay unnamed) so that one error lists every such op.
      outputs.forEach((t) => this.live.add(t));
      return;
    }
    const xs = inputs.map((t) => this.nameOf(t));
    const io = {
      inputs: inputs.map((t): LowerMeta => ({ dtype: t.dtype, rank: t._shape.length })),
      outputs: outputs.map((t): LowerMeta => ({ dtype: t.dtype, rank: t._shape.length })),
    };
    let ys: string[];
    try {
      ys = op.lower(this.g, xs, attrs, io);
    } catch (e) {
      this.failures.set(op.name, e instanceof Error ? e.message : String(e));
      outputs.forEach((t) => this.live.add(t));
      return;
    }
    outputs.forEach((t, i) => {
      this.names.set(t, ys[i]);
      this.live.add(t);
    });
  }

  /** An in-place op replaced `self`'s value with `result`'s. */
  alias(self: Tensor, result: Tensor): void {
    const n = this.names.get(result);
    if (n !== undefined) {
      this.names.set(self, n);
      if (this.live.has(result)) this.live.add(self);
    }
  }

  /** Runs fn with this tracer active; reading a tensor's values meanwhile warns (TracerWarning). */
  run<T>(fn: () => T): T {
    const hooks = Tensor;
    const prev = hooks._onRead;
    hooks._onRead = onTensorRead;
    try {
      return withTracer(this, fn);
    } finally {
      hooks._onRead = prev;
    }
  }
}
