// Records ops into an ONNX graph while a model runs eagerly (trace-by-execution, like
// torch.jit.trace): every op is written by its own `lower`, the same one eager execution uses.
import { withTracer, type Tracer } from '../../src/dispatch.js';
import { type Dim, GraphBuilder } from '../../src/graph/builder.js';
import type { LowerMeta, OpDef } from '../../src/op.js';
import { sameShape } from '../../src/shape.js';
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
    const view = this.viewOfTraced(t);
    if (view !== undefined) return view;
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

  /**
   * A tensor made outside apply() that shares memory with a traced one (detach(), .data): the
   * traced value, reshaped if need be, instead of a constant frozen from the example.
   */
  private viewOfTraced(t: Tensor): string | undefined {
    let b = t._base;
    while (b !== null && !this.names.has(b)) b = b._base;
    if (b === null || b._st !== t._st || !this.live.has(b)) return undefined;
    const bn = this.names.get(b)!;
    let name: string;
    if (sameGeometry(b, t)) name = bn;
    else if (b._contig && t._contig && b._offset === t._offset && b.numel() === t.numel()) name = this.g.op1('Reshape', [bn, this.g.ints(reshapeSpec(b._shape, t._shape))]);
    else return undefined;
    this.names.set(t, name);
    this.live.add(t);
    return name;
  }

  /** The state_dict name of a parameter/buffer (or a same-shaped view of one). */
  private paramName(t: Tensor): string | undefined {
    const n = this.params.get(t);
    if (n !== undefined) return n;
    for (const [p, pn] of this.params) if (p._st === t._st && sameGeometry(p, t)) return pn;
    return undefined;
  }

  private isLive(t: Tensor): boolean {
    if (this.live.has(t)) return true;
    if (!this.names.has(t) && this.viewOfTraced(t) !== undefined) return true;
    return (!this.foldParams && this.paramName(t) !== undefined);
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

  /**
   * An in-place op replaced `self`'s value with `result`'s. Tensors that see the same memory the
   * same way (detach(), .data) take the new value too; views of other shapes or strides are
   * rebuilt from their base when next used (Tensor._refreshView), as in eager.
   */
  alias(self: Tensor, result: Tensor): void {
    const n = this.names.get(result);
    if (n === undefined) return;
    const isLive = this.live.has(result);
    for (const t of this.names.keys()) {
      if (t === self || t._st !== self._st || !sameGeometry(t, self)) continue;
      this.names.set(t, n);
      if (isLive) this.live.add(t);
    }
    this.names.set(self, n);
    if (isLive) this.live.add(self);
  }

  /** Sizes read from traced tensors (x.size(d), x.shape) while tracing, newest last. */
  private readonly sizeReads: { t: Tensor; dim: number; value: number }[] = [];

  private noteSizes(t: Tensor, dim: number | undefined): void {
    if (!this.live.has(t) || !this.names.has(t)) return;
    const r = t._shape.length;
    const dims = dim === undefined ? t._shape.map((_, i) => i) : [dim < 0 ? dim + r : dim];
    for (const d of dims) if (t._shape[d] > 1) this.sizeReads.push({ t, dim: d, value: t._shape[d] });
  }

  /**
   * Which traced tensor a size probably came from, for ops that take sizes as numbers (expand):
   * the newest read of that value from a dim at the same position (counted from the front or
   * the back) as `pos` in a result of rank `rank`. Sizes are plain numbers, so this matches by
   * value and position; a literal equal to such a size at the same position is taken as read.
   */
  sizeSource(value: number, pos: number, rank: number): [Tensor, number] | undefined {
    for (let i = this.sizeReads.length - 1; i >= 0; i--) {
      const r = this.sizeReads[i];
      if (r.value !== value || r.t._shape[r.dim] !== value) continue;
      if (r.dim === pos || r.dim - r.t._shape.length === pos - rank) return [r.t, r.dim];
    }
    return undefined;
  }

  /** Runs fn with this tracer active; reading a tensor's values meanwhile warns (TracerWarning). */
  run<T>(fn: () => T): T {
    const hooks = Tensor;
    const prev = hooks._onRead;
    hooks._onRead = onTensorRead;
    const prevSize = hooks._onSize;
    hooks._onSize = (t, dim) => this.noteSizes(t, dim);
    try {
      return withTracer(this, fn);
    } finally {
      hooks._onRead = prev;
      hooks._onSize = prevSize;
    }
  }
}

/** Same sizes, strides and offset: the same values of the same memory. */
function sameGeometry(a: Tensor, b: Tensor): boolean {
  return a._offset === b._offset && sameShape(a._shape, b._shape) && sameShape(a._stridesOrDense, b._stridesOrDense);
}

/** ONNX Reshape's shape for from → to: 0 copies a dim kept at its position, one -1 (as reshape.ts). */
function reshapeSpec(from: readonly number[], to: readonly number[]): number[] {
  const spec = to.map((d, i) => (i < from.length && d === from[i] && d !== 0 ? 0 : d));
  const k = spec.findIndex((d) => d > 1);
  if (k >= 0 && !spec.includes(-1)) spec[k] = -1;
  return spec;
}
