// Graph clean-up after tracing, as PyTorch's exporter does after its own trace: Identity nodes
// folded away, per-channel affine ops after a Conv (eval-mode batch_norm) folded into the Conv's
// weight and bias, chains of per-channel constant Mul/Add/Sub (what eval-mode batch_norm becomes)
// collapsed into one Mul and one Add, transposes of constants folded, and nodes/initializers nothing
// reads removed (e.g. the statistics outputs of normalization ops, which backward reads in eager
// execution). Ops are written as standard ONNX ops (Elu, HardSwish, LayerNormalization...) by
// their own lowerings, never here. Eager graphs never pass here.
import type { GraphBuilder } from '../../src/graph/builder.js';

type Node = GraphBuilder['nodes'][number];
type Init = GraphBuilder['initializers'][number];

const FLOAT = 1;
const DOUBLE = 11;

export interface OptimizeOptions {
  /** value names that must survive (graph outputs) */
  keep: ReadonlySet<string>;
  /** the user's inputs (initializer inputs may be dropped when unused) */
  userInputs: ReadonlySet<string>;
  /** fold initializer-only arithmetic into Conv weights (constant folding) */
  fold: boolean;
  /** initializer names that are parameters/buffers (kept by name, never merged) */
  params?: ReadonlySet<string>;
}

export function optimize(g: GraphBuilder, o: OptimizeOptions): void {
  foldIdentities(g, o.keep);
  dedupe(g, o.keep);
  fuseStableSoftplus(g, o.keep);
  if (o.fold) {
    foldConvAffine(g, o.keep, o.userInputs);
    collapseAffine(g, o.keep, o.userInputs, o.params ?? new Set());
    foldConstTranspose(g, o.keep, o.userInputs);
  }
  dropMaxPoolNanGuards(g);
  removeDead(g, o.keep, o.userInputs);
}

/** Nodes with the same op, inputs and attributes computed twice (e.g. two Neg(x)): one is kept. */
function dedupe(g: GraphBuilder, keep: ReadonlySet<string>): void {
  const seen = new Map<string, Node>();
  for (const n of [...g.nodes]) {
    if (n.output!.some((y) => keep.has(y)) || ['RandomNormal', 'RandomUniform', 'RandomNormalLike', 'RandomUniformLike', 'Multinomial', 'Bernoulli'].includes(n.opType!)) continue;
    const key = JSON.stringify([n.opType, n.domain ?? '', n.input, n.output!.length, n.attribute ?? [], n.attribute?.map((a) => (a.t ? Array.from(a.t.rawData ?? []) : null))]);
    const prev = seen.get(key);
    if (!prev) {
      seen.set(key, n);
      continue;
    }
    g.nodes.splice(g.nodes.indexOf(n), 1);
    n.output!.forEach((y, i) => rename(g, y, prev.output![i]));
  }
}

/**
 * max(v, 0) + log(e^(−max(v, 0)) + e^(v − max(v, 0))) (the overflow-free log(1 + e^v) of
 * binary_cross_entropy_with_logits) → Softplus(v), which onnxruntime computes without overflow.
 */
function fuseStableSoftplus(g: GraphBuilder, keep: ReadonlySet<string>): void {
  const producer = new Map<string, Node>();
  for (const n of g.nodes) for (const y of n.output ?? []) producer.set(y, n);
  const inits = new Map(g.initializers.map((t) => [t.name!, t]));
  const isZero = (name: string) => {
    const v = inits.has(name) && !g.inputs.some((i) => i.name === name) ? valuesOf(inits.get(name)!) : null;
    return !!v && v.length === 1 && v[0] === 0;
  };
  const op = (name: string | undefined, type: string) => (name !== undefined && producer.get(name)?.opType === type ? producer.get(name)! : undefined);
  for (const add of [...g.nodes]) {
    if (add.opType !== 'Add') continue;
    for (const [li, mi] of [[0, 1], [1, 0]]) {
      const log = op(add.input![li], 'Log');
      const m = add.input![mi];
      const max = op(m, 'Max');
      const sum = op(log?.input![0], 'Add');
      if (!log || !max || !sum || max.input!.length !== 2 || !isZero(max.input![1])) continue;
      const v = max.input![0];
      const [e1, e2] = sum.input!.map((x) => op(x, 'Exp'));
      if (!e1 || !e2) continue;
      const ok = (a: Node, b: Node) => op(a.input![0], 'Neg')?.input![0] === m && op(b.input![0], 'Sub')?.input![0] === v && op(b.input![0], 'Sub')?.input![1] === m;
      if (!ok(e1, e2) && !ok(e2, e1)) continue;
      if (keep.has(log.output![0])) continue;
      Object.assign(add, { opType: 'Softplus', input: [v], attribute: [], name: `Softplus_${g.nodes.indexOf(add)}` });
      break;
    }
  }
}

const AFFINE = new Set(['Mul', 'Add', 'Sub']);

/**
 * x → Mul/Add/Sub by constants → ... (three or more, each value read once): one Mul and one Add
 * by the combined constants (the chain is y = x·s + t). Eval-mode batch_norm is such a chain
 * (Sub mean, Mul invstd, Mul weight, Add bias) once its statistics are folded. Parameters keep
 * their names: only anonymous constants are merged.
 */
function collapseAffine(g: GraphBuilder, keep: ReadonlySet<string>, userInputs: ReadonlySet<string>, params: ReadonlySet<string>): void {
  const inits = new Map(g.initializers.map((t) => [t.name!, t]));
  const isConst = (name: string) => inits.has(name) && !params.has(name) && !userInputs.has(name) && !g.inputs.some((i) => i.name === name);
  const uses = consumers(g);
  /** [value in, constant, op] of an affine node on a constant, or null */
  const step = (n: Node): [string, string] | null => {
    if (!AFFINE.has(n.opType!) || n.input!.length !== 2 || (n.domain ?? '') !== '') return null;
    const [p, q] = n.input!;
    if (isConst(q) && !isConst(p)) return [p, q];
    if (isConst(p) && !isConst(q) && n.opType !== 'Sub') return [q, p];
    return null;
  };
  const done = new Set<Node>();
  for (const first of [...g.nodes]) {
    if (done.has(first) || !step(first)) continue;
    const chain: Node[] = [first];
    for (;;) {
      const last = chain[chain.length - 1];
      const v = last.output![0];
      const next = uses.get(v);
      if (keep.has(v) || next?.length !== 1 || !step(next[0]) || step(next[0])![0] !== v) break;
      chain.push(next[0]);
    }
    if (chain.length < 3) continue;
    const consts = chain.map((n) => inits.get(step(n)![1])!);
    const dtype = consts[0].dataType;
    if (!consts.every((c) => c.dataType === dtype && valuesOf(c))) continue;
    // Broadcast dims of all constants (right-aligned).
    const rank = Math.max(...consts.map((c) => c.dims?.length ?? 0));
    const dims = Array.from({ length: rank }, (_, i) => Math.max(...consts.map((c) => Number((c.dims ?? [])[i - (rank - (c.dims?.length ?? 0))] ?? 1))));
    const size = dims.reduce((p, q) => p * q, 1);
    const at = (c: Init, v: Float64Array, k: number): number => {
      const cd = (c.dims ?? []).map(Number);
      let idx = 0;
      let rem = k;
      const coords = dims.map(() => 0);
      for (let i = rank - 1; i >= 0; i--) {
        coords[i] = rem % dims[i];
        rem = Math.floor(rem / dims[i]);
      }
      for (let i = 0; i < cd.length; i++) idx = idx * cd[i] + (cd[i] === 1 ? 0 : coords[i + rank - cd.length]);
      return v[idx];
    };
    const sc = new Float64Array(size).fill(1);
    const sh = new Float64Array(size);
    chain.forEach((n, j) => {
      const c = consts[j];
      const v = valuesOf(c)!;
      for (let k = 0; k < size; k++) {
        const cv = at(c, v, k);
        if (n.opType === 'Mul') {
          sc[k] *= cv;
          sh[k] *= cv;
        } else sh[k] += n.opType === 'Add' ? cv : -cv;
      }
    });
    const sName = g.fresh('onnx::Mul');
    const tName = g.fresh('onnx::Add');
    g.initializers.push({ name: sName, dataType: dtype, dims, rawData: encode(dtype!, sc) }, { name: tName, dataType: dtype, dims, rawData: encode(dtype!, sh) });
    const x = step(first)![0];
    const mid = g.fresh('Mul');
    const mul: Node = { opType: 'Mul', input: [x, sName], output: [mid], attribute: [], domain: '', name: `Mul_${g.nodes.length}` };
    const add: Node = { opType: 'Add', input: [mid, tName], output: chain[chain.length - 1].output, attribute: [], domain: '', name: `Add_${g.nodes.length + 1}` };
    const i = g.nodes.indexOf(first);
    g.nodes.splice(i, 1, mul, add);
    for (const n of chain.slice(1)) g.nodes.splice(g.nodes.indexOf(n), 1);
    chain.forEach((n) => done.add(n));
  }
}

const BYTES: Record<number, number> = { 1: 4, 6: 4, 7: 8, 9: 1, 11: 8 };

/** Transpose of a 2-D constant → the transposed constant (linear's weight before MatMul). */
function foldConstTranspose(g: GraphBuilder, keep: ReadonlySet<string>, userInputs: ReadonlySet<string>): void {
  const inits = new Map(g.initializers.map((t) => [t.name!, t]));
  for (const n of [...g.nodes]) {
    if (n.opType !== 'Transpose' || (n.domain ?? '') !== '' || keep.has(n.output![0])) continue;
    const t = inits.get(n.input![0]);
    if (!t?.rawData || userInputs.has(t.name!) || g.inputs.some((i) => i.name === t.name) || t.dims?.length !== 2) continue;
    const perm = n.attribute?.find((a) => a.name === 'perm');
    if (perm && perm.ints?.map(Number).join(',') !== '1,0') continue;
    const eb = BYTES[t.dataType!];
    if (!eb) continue;
    const [r, c] = t.dims.map(Number);
    const src = t.rawData;
    const dst = new Uint8Array(src.length);
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) dst.set(src.subarray((i * c + j) * eb, (i * c + j + 1) * eb), (j * r + i) * eb);
    g.initializers.push({ name: n.output![0], dataType: t.dataType, dims: [c, r], rawData: dst });
    inits.set(n.output![0], g.initializers[g.initializers.length - 1]);
    g.nodes.splice(g.nodes.indexOf(n), 1);
  }
}

function consumers(g: GraphBuilder): Map<string, Node[]> {
  const m = new Map<string, Node[]>();
  for (const n of g.nodes) for (const i of n.input ?? []) m.set(i, [...(m.get(i) ?? []), n]);
  return m;
}

function rename(g: GraphBuilder, from: string, to: string): void {
  for (const n of g.nodes) n.input = n.input?.map((x) => (x === from ? to : x));
}

/** Identity(x) → x wherever its output is not a graph output. */
function foldIdentities(g: GraphBuilder, keep: ReadonlySet<string>): void {
  for (const n of [...g.nodes]) {
    if (n.opType !== 'Identity' || keep.has(n.output![0])) continue;
    g.nodes.splice(g.nodes.indexOf(n), 1);
    rename(g, n.output![0], n.input![0]);
  }
}

/** Float values of an initializer (float32 or float64 raw data). */
function valuesOf(t: Init): Float64Array | null {
  const raw = t.rawData;
  if (!raw) return null;
  const copy = raw.slice();
  if (t.dataType === FLOAT) return Float64Array.from(new Float32Array(copy.buffer, 0, copy.length / 4));
  if (t.dataType === DOUBLE) return new Float64Array(copy.buffer, 0, copy.length / 8);
  return null;
}

function encode(dataType: number, v: Float64Array): Uint8Array {
  const a = dataType === FLOAT ? Float32Array.from(v) : Float64Array.from(v);
  return new Uint8Array(a.buffer);
}

/** Per-output-channel values of a constant broadcast against an [N, C, ...] value of `rank` (null if not per-channel). */
function perChannel(t: Init, rank: number, channels: number): Float64Array | null {
  const v = valuesOf(t);
  const dims = (t.dims ?? []).map(Number);
  if (!v || dims.length > rank) return null;
  const cAxis = 1 - (rank - dims.length);
  if (!dims.every((d, i) => d === 1 || (i === cAxis && d === channels))) return null;
  return v.length === 1 ? new Float64Array(channels).fill(v[0]) : v;
}

/**
 * Conv → Mul/Add/Sub by a per-channel constant (what eval-mode batch_norm becomes once its
 * statistics are folded) → one Conv with scaled weights and shifted bias, as PyTorch's exporter
 * fuses Conv+BatchNormalization in eval mode.
 */
function foldConvAffine(g: GraphBuilder, keep: ReadonlySet<string>, userInputs: ReadonlySet<string>): void {
  const inits = new Map(g.initializers.map((t) => [t.name!, t]));
  const isConst = (name: string) => inits.has(name) && !userInputs.has(name) && !g.inputs.some((i) => i.name === name);
  let changed = true;
  while (changed) {
    changed = false;
    const uses = consumers(g);
    for (const conv of g.nodes) {
      if (conv.opType !== 'Conv' || (conv.domain ?? '') !== '') continue;
      const [x, wName, bName] = conv.input!;
      const y = conv.output![0];
      const next = uses.get(y);
      if (keep.has(y) || next?.length !== 1 || !isConst(wName) || (bName && !isConst(bName))) continue;
      const aff = next[0];
      if (!['Mul', 'Add', 'Sub'].includes(aff.opType!) || aff.input!.length !== 2) continue;
      const cName = aff.input![0] === y ? aff.input![1] : aff.input![0];
      if (aff.opType === 'Sub' && aff.input![0] !== y) continue;
      if (!isConst(cName) || aff.input![0] === aff.input![1]) continue;
      const w = inits.get(wName)!;
      const wv = valuesOf(w);
      const cout = Number(w.dims![0]);
      const c = perChannel(inits.get(cName)!, w.dims!.length, cout);
      if (!wv || !c || inits.get(cName)!.dataType !== w.dataType) continue;
      const bv = bName ? valuesOf(inits.get(bName)!) : new Float64Array(cout);
      if (!bv) continue;
      const per = wv.length / cout;
      if (aff.opType === 'Mul') {
        for (let o = 0; o < cout; o++) {
          for (let k = 0; k < per; k++) wv[o * per + k] *= c[o];
          bv[o] *= c[o];
        }
      } else for (let o = 0; o < cout; o++) bv[o] += aff.opType === 'Add' ? c[o] : -c[o];
      const nw = g.fresh('onnx::Conv');
      const nb = g.fresh('onnx::Conv');
      const wt: Init = { name: nw, dataType: w.dataType, dims: w.dims, rawData: encode(w.dataType!, wv) };
      const bt: Init = { name: nb, dataType: w.dataType, dims: [cout], rawData: encode(w.dataType!, bv) };
      g.initializers.push(wt, bt);
      inits.set(nw, wt).set(nb, bt);
      conv.input = [x, nw, nb];
      // The Conv now produces the affine node's value.
      conv.output = aff.output;
      g.nodes.splice(g.nodes.indexOf(aff), 1);
      changed = true;
      break;
    }
  }
}

/**
 * max_pool's lowering adds a NaN guard (IsNaN → Cast → MaxPool → Greater → Where) because ORT's
 * MaxPool skips NaN where PyTorch propagates it (ORT-FACTS §4). Exported graphs drop it, as
 * PyTorch's own export is a bare MaxPool: the file then behaves as PyTorch's file does (NaN-free
 * inputs give equal results), and keeps PyTorch's node count. Eager execution keeps the guard.
 */
function dropMaxPoolNanGuards(g: GraphBuilder): void {
  const producer = new Map<string, Node>();
  for (const n of g.nodes) for (const y of n.output ?? []) producer.set(y, n);
  const uses = consumers(g);
  for (const where of [...g.nodes]) {
    if (where.opType !== 'Where') continue;
    const [c, , y] = where.input!;
    const gt = producer.get(c);
    const pooled = producer.get(y);
    const nanPool = gt?.opType === 'Greater' ? producer.get(gt.input![0]) : undefined;
    const cast = nanPool?.opType === 'MaxPool' ? producer.get(nanPool.input![0]) : undefined;
    const isnan = cast?.opType === 'Cast' ? producer.get(cast.input![0]) : undefined;
    if (pooled?.opType !== 'MaxPool' || isnan?.opType !== 'IsNaN' || isnan.input![0] !== pooled.input![0] || uses.get(y)?.length !== 1) continue;
    pooled.output = [where.output![0], ...pooled.output!.slice(1)];
    g.nodes.splice(g.nodes.indexOf(where), 1);
  }
}

/** Drops nodes whose outputs nothing reads, then unread initializers (and their input entries). */
function removeDead(g: GraphBuilder, keep: ReadonlySet<string>, userInputs: ReadonlySet<string>): void {
  const live = new Set(keep);
  const alive: Node[] = [];
  for (let i = g.nodes.length - 1; i >= 0; i--) {
    const n = g.nodes[i];
    if (!n.output!.some((y) => live.has(y))) continue;
    alive.push(n);
    for (const x of n.input ?? []) if (x) live.add(x);
  }
  g.nodes.splice(0, g.nodes.length, ...alive.reverse());
  const keptInits = g.initializers.filter((t) => live.has(t.name!));
  g.initializers.splice(0, g.initializers.length, ...keptInits);
  const keptInputs = g.inputs.filter((v) => userInputs.has(v.name) || live.has(v.name));
  g.inputs.splice(0, g.inputs.length, ...keptInputs);
}
