// einsum: Einstein summation (torch.einsum) on ONNX Einsum. The public function rewrites '...'
// into explicit letters (expanding size-1 broadcast dims), so the primitive only sees explicit
// equations; its gradient is again an einsum per operand.
import { apply1 } from '../dispatch.js';
import { NotImplementedError, RuntimeError } from '../errors.js';
import { defineOp, type OpDef } from '../op.js';
import { broadcastShapes } from '../shape.js';
import { Tensor } from '../tensor.js';
import { promote } from './_common.js';
import { expand } from './expand.js';
import { reshape } from './reshape.js';

interface EinsumAttrs {
  /** operand subscripts, explicit letters only */
  ins: readonly string[];
  out: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

function letterSizes(xs: readonly Tensor[], ins: readonly string[]): Map<string, number> {
  const size = new Map<string, number>();
  ins.forEach((s, k) => {
    const shape = xs[k]._shape;
    if (s.length !== shape.length)
      throw new RuntimeError(
        `einsum(): the number of subscripts in the equation (${s.length}) does not match the number of dimensions (${shape.length}) for operand ${k} and no ellipsis was given`,
      );
    [...s].forEach((c, i) => {
      const prev = size.get(c);
      if (prev !== undefined && prev !== shape[i])
        throw new RuntimeError(`einsum(): subscript ${c} has size ${shape[i]} for operand ${k} which does not broadcast with previously seen size ${prev}`);
      size.set(c, shape[i]);
    });
  });
  return size;
}

export const Einsum: OpDef<EinsumAttrs> = defineOp<EinsumAttrs>({
  name: 'einsum',
  infer: (xs, a) => {
    const size = letterSizes(xs, a.ins);
    return [{ dtype: xs[0].dtype, shape: [...a.out].map((c) => size.get(c)!) }];
  },
  lower: (g, xs, a) => [g.op1('Einsum', xs, { equation: `${a.ins.join(',')}->${a.out}` })],
  attrKey: (a) => `${a.ins.join(',')}->${a.out}`,
  grad: (ctx, [gy]) =>
    ctx.attrs.ins.map((s, i) => {
      if (!ctx.needs[i]) return null;
      if (new Set(s).size !== s.length) throw new NotImplementedError('einsum: the gradient of an operand with a repeated subscript (a diagonal) is not supported');
      // Contract gy with the other operands onto this operand's letters; letters summed only
      // from this operand come back by broadcasting.
      const others = ctx.attrs.ins.filter((_, k) => k !== i);
      const seen = new Set([...ctx.attrs.out, ...others.join('')]);
      const keep = [...s].filter((c) => seen.has(c)).join('');
      const xs = [gy!, ...ctx.inputs.filter((_, k) => k !== i)];
      const part = apply1(Einsum, xs, { ins: [ctx.attrs.out, ...others], out: keep });
      const shape = ctx.inputMeta[i].shape;
      return keep.length === s.length ? part : expand(reshape(part, [...s].map((c, d) => (seen.has(c) ? shape[d] : 1))), shape);
    }),
});

/** Rewrites '...' into explicit letters and the implicit output into an explicit one. */
function explicit(equation: string, xs: Tensor[]): { ins: string[]; out: string; xs: Tensor[] } {
  const eq = equation.replace(/\s/g, '');
  const [lhs, rhs] = eq.split('->');
  const ins = lhs.split(',');
  if (ins.length !== xs.length) throw new RuntimeError(`einsum(): more operands were provided than specified in the equation`.replace('more', ins.length < xs.length ? 'more' : 'fewer'));
  const used = new Set(eq.replace(/[^A-Za-z]/g, ''));
  const free = [...LETTERS].filter((c) => !used.has(c));
  // Ellipsis dims are right-aligned and broadcast across operands.
  const ellShapes = ins.map((s, k) => (s.includes('...') ? xs[k]._shape.slice(0, xs[k]._shape.length - (s.length - 3)) : []));
  const ell = ellShapes.reduce<number[]>((acc, s) => broadcastShapes(acc, s), []);
  const ellLetters = free.slice(0, ell.length).join('');
  const outXs = xs.map((x, k) => {
    const es = ellShapes[k];
    const target = es.map((_, j) => ell[ell.length - es.length + j]);
    if (es.every((d, j) => d === target[j])) return x;
    return expand(x, [...target, ...x._shape.slice(es.length)]);
  });
  const outIns = ins.map((s, k) => s.replace('...', ellLetters.slice(ellLetters.length - ellShapes[k].length)));
  let out: string;
  if (rhs !== undefined) out = rhs.replace('...', ellLetters);
  else {
    const all = outIns.join('');
    out = ellLetters + [...new Set(lhs.replace(/[^A-Za-z]/g, ''))].filter((c) => all.split(c).length === 2).sort().join('');
  }
  return { ins: outIns, out, xs: outXs };
}

/**
 * torch.einsum(equation, ...operands): sums products of operands over the indices the equation
 * names (implicit output, '->' and '...' supported).
 * @example
 * torch.einsum('ij,jk->ik', a, b); torch.einsum('bij,bjk', [x, y]); torch.einsum('...i,...i->...', u, v);
 */
export function einsum(equation: string, ...operands: (Tensor | Tensor[])[]): Tensor {
  const list = operands.length === 1 && Array.isArray(operands[0]) ? operands[0] : (operands as Tensor[]);
  const e = explicit(equation, promote(list));
  return apply1(Einsum, e.xs, { ins: e.ins, out: e.out });
}
