// Nodes of the autograd graph. An OpNode applies its op's gradient rule; an AccumulateGrad
// node writes into a leaf's .grad.
import type { GradCtx, Meta, OpDef } from '../op.js';
import { RuntimeError } from '../errors.js';
import { Storage, Tensor, type TensorHook } from '../tensor.js';

/** Where a gradient flows: into output `idx` of `node`. */
export interface Edge {
  readonly node: Node;
  readonly idx: number;
}

export abstract class Node {
  /** One edge per input (null where the input needs no gradient). */
  next: (Edge | null)[] = [];
  /** Tensor hooks registered on outputs, by output index. */
  hooks: Map<number, TensorHook[]> | null = null;
  /** Non-leaf tensors with retain_grad(), by output index. */
  retained: Map<number, WeakRef<Tensor>> | null = null;
  abstract readonly nOutputs: number;
  abstract name(): string;
  abstract apply(grads: (Tensor | null)[]): (Tensor | null)[];

  addHook(idx: number, hook: TensorHook): { remove(): void } {
    this.hooks ??= new Map();
    const list = this.hooks.get(idx) ?? [];
    list.push(hook);
    this.hooks.set(idx, list);
    return { remove: () => void list.splice(list.indexOf(hook) >>> 0, 1) };
  }

  retainGrad(idx: number, t: Tensor): void {
    this.retained ??= new Map();
    this.retained.set(idx, new WeakRef(t));
  }

  /** Releases saved tensors (after a backward without retain_graph). */
  release(): void {}
}

interface Saved {
  inputs: Tensor[];
  outputs: Tensor[];
  versions: Map<Tensor, number>;
}

export class OpNode<A> extends Node {
  private saved: Saved | null;
  readonly nOutputs: number;

  constructor(
    readonly op: OpDef<A>,
    readonly attrs: A,
    readonly inputMeta: Meta[],
    readonly outputMeta: readonly Meta[],
    inputs: readonly Tensor[],
    outputs: readonly Tensor[],
  ) {
    super();
    this.nOutputs = outputs.length;
    const s = op.saves;
    const keepIn = s?.inputs ?? null;
    const keepOut = s?.outputs ?? [];
    const ins: Tensor[] = new Array(inputs.length);
    const outs: Tensor[] = new Array(outputs.length);
    const versions = new Map<Tensor, number>();
    for (let i = 0; i < inputs.length; i++)
      if (keepIn === null || keepIn.includes(i)) {
        ins[i] = inputs[i];
        versions.set(inputs[i], inputs[i]._vc.version);
      }
    for (const i of keepOut) {
      outs[i] = outputs[i];
      versions.set(outputs[i], outputs[i]._vc.version);
    }
    this.saved = { inputs: ins, outputs: outs, versions };
    this.next = inputs.map((t) => (t._rg ? (t.grad_fn ? { node: t.grad_fn, idx: t._outIdx } : { node: t._accumulator(), idx: 0 }) : null));
  }

  name(): string {
    const b = this.op.backwardName;
    return b === undefined ? `${camel(this.op.name)}Backward0` : typeof b === 'string' ? b : b(this.attrs);
  }

  apply(grads: (Tensor | null)[]): (Tensor | null)[] {
    const s = this.saved;
    if (!s)
      throw new RuntimeError(
        'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.',
      );
    for (const [t, v] of s.versions)
      if (t._vc.version !== v) {
        // PyTorch names a saved output by this node, a saved input by its own current grad_fn, a leaf not at all.
        const k = s.outputs.indexOf(t);
        const which = k >= 0 ? `, which is output ${k} of ${qualified(this)},` : t.grad_fn ? `, which is output ${t._outIdx} of ${qualified(t.grad_fn)},` : '';
        throw new RuntimeError(
          `one of the variables needed for gradient computation has been modified by an inplace operation: [torch.${t.dtype.scalarName}Tensor [${t._shape.join(', ')}]]${which} is at version ${t._vc.version}; expected version ${v} instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).`,
        );
      }
    const needs = this.next.map((e) => e !== null);
    const ctx: GradCtx<A> = { inputs: s.inputs, outputs: s.outputs, attrs: this.attrs, inputMeta: this.inputMeta, needs };
    const r = this.op.grad!(ctx, grads);
    const out: (Tensor | null)[] = new Array(needs.length);
    for (let i = 0; i < needs.length; i++) out[i] = needs[i] ? (r[i] ?? null) : null;
    return out;
  }

  /** @internal an in-place op is about to overwrite `t`: keep its current values for this node's backward. */
  snapshotSaved(t: Tensor): void {
    const s = this.saved;
    if (s === null || !s.versions.has(t) || !s.inputs.includes(t)) return;
    const copy = new Tensor(new Storage(t._contig ? t._data.slice() : t._data), t._shape, t.dtype);
    copy._rg = t._rg;
    copy.grad_fn = t.grad_fn;
    copy._outIdx = t._outIdx;
    for (let i = 0; i < s.inputs.length; i++) if (s.inputs[i] === t) s.inputs[i] = copy;
    s.versions.delete(t);
    s.versions.set(copy, 0);
  }

  override release(): void {
    // Nodes that saved nothing stay usable, as in PyTorch (only freed saved tensors make a second backward fail).
    if (this.saved !== null && this.saved.versions.size > 0) this.saved = null;
  }
}

export class AccumulateGrad extends Node {
  readonly nOutputs = 1;
  constructor(readonly variable: Tensor) {
    super();
  }
  name(): string {
    return 'AccumulateGrad';
  }
  apply(): (Tensor | null)[] {
    return [];
  }
}

/** Nodes PyTorch writes in C++ rather than generates are named with their namespace in its messages. */
const qualified = (n: Node): string => (n.name() === 'CopySlices' ? 'torch::autograd::CopySlices' : n.name());

const camel = (s: string): string => s.replace(/^_/, '').replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

Tensor._makeAccumulator = (t) => new AccumulateGrad(t);
