// The backward engine: counts dependencies, then runs nodes in an order where each node has
// received every gradient it will get. Un-broadcasting and dtype matching of gradients happen
// here, once, never in the per-op rules.
import { RuntimeError } from '../errors.js';
import { sameShape } from '../shape.js';
import { Storage, Tensor } from '../tensor.js';
import { AccumulateGrad, type Edge, type Node, OpNode } from './node.js';
import { enable_grad, no_grad, set_grad_enabled } from './grad_mode.js';
import { add } from '../ops/add.js';
import { sum_to_size } from '../ops/sum_to_size.js';
import { to_dtype } from '../ops/to_dtype.js';
import { ones_like, zeros_like } from '../creation.js';
import { clone } from '../ops/clone.js';

interface RunOptions {
  retain_graph: boolean;
  create_graph: boolean;
  /** autograd.grad: capture gradients at these edges instead of accumulating into leaves. */
  capture?: Edge[];
  /** backward(inputs=...): accumulate only into these leaves. */
  only?: Set<Node>;
}

function rootEdge(t: Tensor, i: number): Edge {
  t._fresh();
  if (!t._rg) throw new RuntimeError(`element ${i} of tensors does not require grad and does not have a grad_fn`);
  return t.grad_fn ? { node: t.grad_fn, idx: t._outIdx } : { node: t._accumulator(), idx: 0 };
}

function rootGrad(t: Tensor, g: Tensor | null | undefined, i: number): Tensor {
  if (g == null) {
    if (t.numel() !== 1) throw new RuntimeError('grad can be implicitly created only for scalar outputs');
    return ones_like(t);
  }
  if (!sameShape(g._shape, t._shape))
    throw new RuntimeError(
      `Mismatch in shape: grad_output[${i}] has a shape of torch.Size([${g._shape.join(', ')}]) and output[${i}] has a shape of torch.Size([${t._shape.join(', ')}]).`,
    );
  return g;
}

/** Runs backward from roots; returns captured gradients (autograd.grad) in capture order. */
function run(roots: Tensor[], rootGrads: Tensor[], opts: RunOptions): (Tensor | null)[] {
  const edges = roots.map(rootEdge);
  // Dependency counts over the reachable graph.
  const deps = new Map<Node, number>();
  const stack: Node[] = [];
  for (const e of edges)
    if (!deps.has(e.node)) {
      deps.set(e.node, 0);
      stack.push(e.node);
    }
  while (stack.length) {
    const n = stack.pop()!;
    for (const e of n.next) {
      if (!e) continue;
      const d = deps.get(e.node);
      if (d === undefined) {
        deps.set(e.node, 1);
        stack.push(e.node);
      } else deps.set(e.node, d + 1);
    }
  }
  // Only nodes that lead to a capture target / selected leaf need to run.
  let useful: Set<Node> | null = null;
  const targets = opts.capture ? new Set(opts.capture.map((e) => e.node)) : opts.only ?? null;
  if (targets) {
    useful = new Set();
    const memo = new Map<Node, boolean>();
    const reaches = (n: Node): boolean => {
      const m = memo.get(n);
      if (m !== undefined) return m;
      memo.set(n, false);
      let r = targets.has(n);
      for (const e of n.next) if (e && reaches(e.node)) r = true;
      memo.set(n, r);
      if (r) useful!.add(n);
      return r;
    };
    for (const e of edges) reaches(e.node);
  }
  const captured = new Map<Node, (Tensor | null)[]>();
  const buffers = new Map<Node, (Tensor | null)[]>();
  const accumulate = (e: Edge, g: Tensor): void => {
    let b = buffers.get(e.node);
    if (!b) {
      b = new Array(e.node.nOutputs).fill(null);
      buffers.set(e.node, b);
    }
    const prev = b[e.idx];
    b[e.idx] = prev ? add(prev, g) : g;
  };
  edges.forEach((e, i) => accumulate(e, rootGrads[i]));
  const storedStorages = new Set<Storage>();

  const ready: Node[] = [];
  for (const e of edges) if (deps.get(e.node) === 0 && !ready.includes(e.node)) ready.push(e.node);
  while (ready.length) {
    const node = ready.pop()!;
    const grads = buffers.get(node) ?? new Array<Tensor | null>(node.nOutputs).fill(null);
    buffers.delete(node);
    if (node.hooks)
      for (const [idx, hooks] of node.hooks)
        for (const h of hooks) {
          const g = grads[idx];
          if (g) grads[idx] = h(g) ?? g;
        }
    if (node.retained)
      for (const [idx, ref] of node.retained) {
        const t = ref.deref();
        const g = grads[idx];
        if (t && g) t.grad = t.grad ? no_grad(() => add(t.grad!, g)) : opts.create_graph ? g : g.detach();
      }
    if (opts.capture) {
      const c = captured.get(node);
      if (c || targets!.has(node)) captured.set(node, grads.slice());
    }
    const runIt = !useful || useful.has(node);
    let inGrads: (Tensor | null)[] = [];
    if (node instanceof AccumulateGrad) {
      const leaf = node.variable;
      const g = grads[0];
      if (g && !opts.capture && (!opts.only || opts.only.has(node))) {
        let v = opts.create_graph ? g : g.detach();
        if (storedStorages.has(v._st) || roots.some((r) => r._st === v._st) || rootGrads.some((r) => r._st === v._st)) v = no_grad(() => clone(v));
        storedStorages.add(v._st);
        if (v.dtype !== leaf.dtype) v = no_grad(() => to_dtype(v, leaf.dtype));
        leaf.grad = leaf.grad ? set_grad_enabled(opts.create_graph, () => add(leaf.grad!, v)) : v;
      }
    } else if (runIt && grads.some((g) => g !== null)) {
      const op = node as OpNode<unknown>;
      for (let i = 0; i < grads.length; i++)
        if (grads[i] === null && op.nOutputs > 1 && op.outputMeta[i].dtype.is_floating_point) grads[i] = zeros_like(op.outputMeta[i]);
      inGrads = set_grad_enabled(opts.create_graph, () => {
        const r = op.apply(grads);
        for (let i = 0; i < r.length; i++) {
          let g = r[i];
          if (!g) continue;
          const m = op.inputMeta[i];
          if (!sameShape(g._shape, m.shape)) g = sum_to_size(g, m.shape);
          if (g.dtype !== m.dtype) g = to_dtype(g, m.dtype);
          r[i] = g;
        }
        return r;
      });
    }
    if (!opts.retain_graph && runIt) node.release();
    node.next.forEach((e, i) => {
      if (!e) return;
      const g = inGrads[i];
      if (g) accumulate(e, g);
      const d = deps.get(e.node)! - 1;
      deps.set(e.node, d);
      if (d === 0) ready.push(e.node);
    });
  }
  if (!opts.capture) return [];
  return opts.capture.map((e) => captured.get(e.node)?.[e.idx] ?? null);
}

Tensor._backward = (t, gradient, retain_graph, create_graph, inputs) => {
  const g = rootGrad(t, gradient, 0);
  const only = inputs ? new Set(inputs.map((x, i) => rootEdge(x, i).node)) : undefined;
  run([t], [g], { retain_graph: retain_graph ?? create_graph, create_graph, only });
};

/** torch.autograd.backward */
export function backward(
  tensors: Tensor | Tensor[],
  grad_tensors?: Tensor | (Tensor | null)[] | null,
  retain_graph?: boolean,
  create_graph = false,
): void {
  const ts = Array.isArray(tensors) ? tensors : [tensors];
  const gs = grad_tensors == null ? [] : Array.isArray(grad_tensors) ? grad_tensors : [grad_tensors];
  run(ts, ts.map((t, i) => rootGrad(t, gs[i], i)), { retain_graph: retain_graph ?? create_graph, create_graph });
}

export interface GradOptions {
  grad_outputs?: Tensor | (Tensor | null)[] | null;
  retain_graph?: boolean;
  create_graph?: boolean;
  allow_unused?: boolean;
}

/**
 * torch.autograd.grad: gradients of outputs w.r.t. inputs, returned instead of accumulated.
 * @example
 * const [dx] = torch.autograd.grad(y, [x], { create_graph: true });
 */
export function grad(outputs: Tensor | Tensor[], inputs: Tensor | Tensor[], opts: GradOptions = {}): (Tensor | null)[] {
  const outs = Array.isArray(outputs) ? outputs : [outputs];
  const ins = Array.isArray(inputs) ? inputs : [inputs];
  const create_graph = opts.create_graph ?? false;
  const gs = opts.grad_outputs == null ? [] : Array.isArray(opts.grad_outputs) ? opts.grad_outputs : [opts.grad_outputs];
  const capture = ins.map((x) => {
    if (!x._rg) throw new RuntimeError('One of the differentiated Tensors does not require grad');
    return x.grad_fn ? { node: x.grad_fn, idx: x._outIdx } : { node: x._accumulator(), idx: 0 };
  });
  const res = run(outs, outs.map((t, i) => rootGrad(t, gs[i], i)), { retain_graph: opts.retain_graph ?? create_graph, create_graph, capture });
  return res.map((g) => {
    if (g === null && !opts.allow_unused)
      throw new RuntimeError('One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.');
    return g === null ? null : create_graph ? g : g.detach();
  });
}

export { enable_grad };
