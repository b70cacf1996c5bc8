// clone: a copy that stays in the graph; contiguous(): self when already contiguous, else a
// row-major clone.
import { apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp } from '../op.js';
import { isDenseNonOverlapping } from '../strided.js';
import { Tensor } from '../tensor.js';
import { sameInfer } from './_common.js';

export const Clone = defineOp<{ preserve: boolean }>({
  name: 'clone',
  infer: sameInfer,
  lower: (g, x) => [g.op1('Identity', x)],
  // Identity would hand back the same buffer; the eager copy is a plain typed-array copy.
  eager: ([x], a, [out]) => {
    const p = a.preserve ? denseLayout(x) : null;
    if (p !== null) {
      // PyTorch's memory_format=preserve: a permuted dense input keeps its strides.
      const d = x._st.data.slice(p.lo, p.lo + x.numel());
      return [new Tensor(d, out.shape, out.dtype, x._strides, 0)];
    }
    return [new Tensor(x._contig ? x._data.slice() : x._data, out.shape, out.dtype)];
  },
  attrKey: () => '',
  saves: { inputs: [] },
  grad: (_ctx, [gy]) => [gy],
});

/** For a strided input whose elements fill one dense block (a permutation of a contiguous layout): where it starts. */
function denseLayout(x: Tensor): { lo: number } | null {
  if (x._contig || x._strides === null || !isDenseNonOverlapping(x._shape, x._strides)) return null;
  return { lo: x._offset };
}

type MemoryFormat = 'preserve' | 'contiguous' | { toString(): string };

function isPreserve(m: MemoryFormat | undefined): boolean {
  const s = m === undefined ? 'preserve' : String(m).replace(/^torch\./, '');
  if (s === 'preserve' || s === 'preserve_format') return true;
  if (s === 'contiguous' || s === 'contiguous_format') return false;
  throw new RuntimeError(`unsupported memory format ${s}`);
}

/**
 * torch.clone(input, memory_format=torch.preserve_format): a copy with its own memory; gradients
 * flow through. A permuted dense input keeps its strides, as in PyTorch.
 * @example
 * const y = x.clone(); y.add_(1); // x unchanged
 */
export function clone(input: Tensor, opts: { memory_format?: MemoryFormat } = {}): Tensor {
  return apply1(Clone, [input], { preserve: isPreserve(opts.memory_format) });
}

/**
 * Tensor.contiguous(): this tensor when its memory is already row-major dense, else a
 * row-major copy (in the graph).
 * @example
 * x.t().contiguous().is_contiguous(); // true
 */
export function contiguous(input: Tensor): Tensor {
  return input._contig ? input : clone(input, { memory_format: 'contiguous' });
}

declare module '../tensor.js' {
  interface Tensor {
    clone(opts?: { memory_format?: MemoryFormat }): Tensor;
    contiguous(memory_format?: MemoryFormat): Tensor;
  }
}
Tensor.prototype.clone = function (this: Tensor, opts?: { memory_format?: MemoryFormat }) {
  return clone(this, opts);
};
Tensor.prototype.contiguous = function (this: Tensor) {
  return contiguous(this);
};
