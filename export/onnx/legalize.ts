// Rewrites nodes written in opset-17 form (eager graphs are opset 17) into their form at an older
// opset, where the older form means the same thing. Ops with no older equivalent are refused up
// front instead (opset.ts).
import type { GraphBuilder } from '../../src/graph/builder.js';

type Node = GraphBuilder['nodes'][number];
const attrOf = (n: Node, name: string) => n.attribute?.find((a) => a.name === name);
const intAttr = (n: Node, name: string): number | undefined => {
  const a = attrOf(n, name);
  return a ? Number(a.i) : undefined;
};
const dropAttr = (n: Node, name: string): void => {
  n.attribute = n.attribute?.filter((a) => a.name !== name);
};

/** Slice end meaning "to the end" (as _conv_lower.ts's BIG). */
const END = Number.MAX_SAFE_INTEGER;

export function legalize(g: GraphBuilder): void {
  const out: Node[] = [];
  for (const n of g.nodes) {
    // Shape's start/end attributes arrived in opset 15: Shape then Slice before that.
    if (n.opType === 'Shape' && g.opset < 15 && (attrOf(n, 'start') || attrOf(n, 'end'))) {
      const start = intAttr(n, 'start') ?? 0;
      const end = intAttr(n, 'end') ?? END;
      const full = g.fresh('Shape');
      out.push({ ...n, attribute: [], output: [full] });
      out.push({ opType: 'Slice', input: [full, g.ints([start]), g.ints([end])], output: n.output, attribute: [], domain: '', name: `Slice_${g.nodes.length + out.length}` });
      continue;
    }
    // ScatterElements/ScatterND gained `reduction` in opset 16; 'none' is the older behaviour.
    if ((n.opType === 'ScatterElements' || n.opType === 'ScatterND') && g.opset < 16) {
      const r = attrOf(n, 'reduction');
      if (r && new TextDecoder().decode(r.s as Uint8Array) === 'none') dropAttr(n, 'reduction');
    }
    out.push(n);
  }
  g.nodes.splice(0, g.nodes.length, ...out);
}
