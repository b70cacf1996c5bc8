// Graph clean-up after tracing, as PyTorch's exporter does after its own trace: Identity nodes
// folded away, per-channel affine ops after a Conv (eval-mode batch_norm) folded into the Conv's
// weight and bias, and nodes/initializers nothing reads removed. Eager graphs never pass here.
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
}

export function optimize(g: GraphBuilder, o: OptimizeOptions): void {
  foldIdentities(g, o.keep);
  if (o.fold) foldConvAffine(g, o.keep, o.userInputs);
  dropMaxPoolNanGuards(g);
  removeDead(g, o.keep, o.userInputs);
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
