// Records ops into an ONNX graph while a model runs eagerly (trace-by-execution, like
// torch.jit.trace): every op is written by its own `lower`, the same one eager execution uses.
import { withTracer, type Tracer } from '../../src/dispatch.js';
import { type Dim, GraphBuilder } from '../../src/graph/builder.js';
import type { LowerMeta, OpDef } from '../../src/op.js';
import type { Tensor } from '../../src/tensor.js';

export class OnnxTracer implements Tracer {
  readonly g: GraphBuilder;
  /** value name of each tensor seen in the graph */
  private readonly names = new Map<Tensor, string>();
  /** tensors whose values depend on graph inputs or parameters (the rest fold to constants) */
  private readonly live = new Set<Tensor>();
  /** ops that could not be lowered at this opset, with the error */
  readonly failures = new Map<string, string>();

  constructor(
    opset: number,
    private readonly params: Map<Tensor, string>,
    private readonly opts: { export_params: boolean; keep_initializers_as_inputs: boolean; do_constant_folding: boolean },
  ) {
    this.g = new GraphBuilder(opset);
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
    const pname = this.params.get(t) ?? this.paramByStorage(t);
    let name: string;
    if (pname !== undefined) {
      name = pname;
      if (this.opts.export_params) this.g.initializer(name, t.dtype, t._shape, t._data);
      if (!this.opts.export_params || this.opts.keep_initializers_as_inputs) this.g.addInput(name, t.dtype, t._shape);
      this.live.add(t);
    } else {
      name = this.g.constant(t.dtype, t._shape, t._data);
    }
    this.names.set(t, name);
    return name;
  }

  private paramByStorage(t: Tensor): string | undefined {
    for (const [p, n] of this.params) if (p._st === t._st && p._shape.length === t._shape.length && p._shape.every((s, i) => s === t._shape[i])) return n;
    return undefined;
  }

  record(op: OpDef<unknown>, inputs: readonly Tensor[], attrs: unknown, outputs: readonly Tensor[]): void {
    const isLive = inputs.some((t) => this.live.has(t) || this.params.has(t) || this.paramByStorage(t) !== undefined);
    // Ops on constants only are folded: their outputs become initializers when used.
    if (!isLive && this.opts.do_constant_folding) return;
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

  run<T>(fn: () => T): T {
    return withTracer(this, fn);
  }
}
