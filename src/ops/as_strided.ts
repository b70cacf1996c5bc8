// as_strided / as_strided_scatter, and CopySlices: the ops behind views whose history must be
// rebuilt from their base after an in-place write (as PyTorch's view regeneration), and behind
// writes through a view into a base that requires grad. Each takes the view's element positions
// (row-major indices into the base) as an int64 input, so the ONNX lowering is a Gather or a
// ScatterElements and the gradient rules are each other.
import { zeros } from '../creation.js';
import { gradMode } from '../autograd/grad_mode.js';
import { activeTracer, apply, apply1 } from '../dispatch.js';
import { RuntimeError } from '../errors.js';
import { defineOp, type OpDef } from '../op.js';
import { numel } from '../shape.js';
import { bool, type DType, int64 } from '../dtype.js';
import { halfCodec } from '../half.js';
import { checkInBounds, scatterStrided, storageIndices } from '../strided.js';
import { Tensor } from '../tensor.js';
import { type Geometry, makeView, relativeGeometry, viewPositions } from './_view.js';

type Arr = { [i: number]: number | bigint; length: number };

/** geom: the view relative to a contiguous input's row-major layout; abs: in the input's storage (torch.as_strided) */
export const AsStrided = defineOp<{ geom: Geometry | null; abs?: Geometry }>({
  name: 'as_strided',
  view: true,
  infer: ([x, pos]) => [{ dtype: x.dtype, shape: pos._shape }],
  lower: (g, [x, pos]) => [g.op1('Gather', [g.op1('Reshape', [x, g.ints([-1])]), pos])],
  // Over a contiguous input the result is a view; otherwise (gradients, strided bases) a gather.
  eager: ([x, pos], a, [o]) => {
    if (a.abs !== undefined) return [makeView(x, a.abs.shape, a.abs.strides, a.abs.offset)];
    if (a.geom !== null && x._contig) return [makeView(x, a.geom.shape, a.geom.strides, a.geom.offset + x._offset)];
    const src = x._data as unknown as Arr;
    const p = pos._data as BigInt64Array;
    const out = new (src.constructor as new (n: number) => Arr)(p.length);
    for (let i = 0; i < p.length; i++) out[i] = src[Number(p[i])];
    return [new Tensor(out as never, o.shape, o.dtype)];
  },
  attrKey: () => '',
  saves: { inputs: [1] },
  grad: (ctx, [gy]) => [putAt(zeros([...ctx.inputMeta[0].shape], { dtype: gy!.dtype }), gy!, ctx.inputs[1], true), null],
});

interface ScatterAttrs {
  accumulate: boolean;
}

const lowerScatter: OpDef<ScatterAttrs>['lower'] = (g, [x, src, pos], a) => {
  const flat = (v: string) => g.op1('Reshape', [v, g.ints([-1])]);
  const y = g.op1('ScatterElements', [flat(x), flat(pos), flat(src)], a.accumulate ? { axis: 0, reduction: 'add' } : { axis: 0 });
  return [g.op1('Reshape', [y, g.op1('Shape', [x])])];
};

const gradScatter: OpDef<ScatterAttrs>['grad'] = (ctx, [gy]) => {
  const pos = ctx.inputs[2];
  const src = ctx.inputMeta[1];
  return [
    ctx.needs[0] ? (ctx.attrs.accumulate ? gy : putAt(gy!, zeros([...src.shape], { dtype: gy!.dtype }), pos, false)) : null,
    ctx.needs[1] ? takeAt(gy!, pos) : null,
    null,
  ];
};

/** Writes src's values (row-major) at positions pos of the dense array d (adding, as dtype dt's numbers, when accumulating). */
function scatterInto(d: Arr, src: Arr, pos: BigInt64Array, accumulate: boolean, dt: DType): void {
  if (!accumulate) for (let i = 0; i < pos.length; i++) d[Number(pos[i])] = src[i];
  else if (dt.isHalf) {
    const { enc, dec } = halfCodec(dt);
    for (let i = 0; i < pos.length; i++) {
      const k = Number(pos[i]);
      d[k] = enc(dec(d[k] as number) + dec(src[i] as number));
    }
  } else if (dt === bool) for (let i = 0; i < pos.length; i++) d[Number(pos[i])] = (d[Number(pos[i])] as number) | (src[i] as number);
  else if (typeof d[0] === 'bigint') for (let i = 0; i < pos.length; i++) (d as { [i: number]: bigint })[Number(pos[i])] += src[i] as bigint;
  else for (let i = 0; i < pos.length; i++) (d as { [i: number]: number })[Number(pos[i])] += src[i] as number;
}

export const AsStridedScatter = defineOp<ScatterAttrs>({
  name: 'as_strided_scatter',
  infer: ([x]) => [{ dtype: x.dtype, shape: x._shape }],
  lower: lowerScatter,
  eager: ([x, src, pos], a, [o]) => {
    const d = (x._data as Float32Array).slice();
    scatterInto(d as unknown as Arr, src._data as unknown as Arr, pos._data as BigInt64Array, a.accumulate, x.dtype);
    return [new Tensor(d, o.shape, o.dtype)];
  },
  attrKey: (a) => (a.accumulate ? 'acc' : ''),
  saves: { inputs: [2] },
  grad: gradScatter,
});

/**
 * An in-place write through a view into its base, as one op of the base's history: the eager
 * rule writes src into the base's memory and returns the base's alias; lowering and gradient are
 * as_strided_scatter's.
 */
export const CopySlices = defineOp<ScatterAttrs & { geom: Geometry | null }>({
  name: '_copy_slices',
  backwardName: 'CopySlices',
  infer: ([x]) => [{ dtype: x.dtype, shape: x._shape }],
  lower: lowerScatter,
  eager: ([x, src, pos], a) => {
    const st = x._st.data;
    if (a.geom !== null && x._contig) scatterStrided(st, a.geom.shape, a.geom.strides, a.geom.offset + x._offset, src._data);
    else {
      const where = storageIndices(x._shape, x._stridesOrDense, x._offset);
      const s = src._data as unknown as Arr;
      const p = pos._data as BigInt64Array;
      for (let i = 0; i < p.length; i++) (st as unknown as Arr)[where[Number(p[i])]] = s[i];
    }
    const t = new Tensor(x._st, x._shape, x.dtype, x._strides, x._offset);
    t._vc = x._vc;
    return [t];
  },
  attrKey: () => '',
  saves: { inputs: [2] },
  grad: gradScatter,
});

/**
 * For each element of x, its row-major index, laid out in memory exactly as x is (so replaying
 * the view ops that made a view of x gives the view's positions, with the same strides). In an
 * exported graph it is Range over x's size: positions stay right for every input shape.
 */
export const Positions = defineOp({
  name: '_positions',
  infer: ([x]) => [{ dtype: int64, shape: x._shape }],
  lower: (g, [x]) => [g.op1('Reshape', [g.op1('Range', [g.int(0), g.op1('Size', [x]), g.int(1)]), g.op1('Shape', [x])])],
  eager: ([x]) => {
    const n = numel(x._shape);
    const dense = new BigInt64Array(n);
    for (let i = 0; i < n; i++) dense[i] = BigInt(i);
    const t = new Tensor(new BigInt64Array(x._st.data.length), x._shape, int64, x._strides, x._offset);
    t._writeDense(dense);
    return [t];
  },
  saves: { inputs: [] },
});

/** Row-major indices into base of view v's elements: the view ops that made v, replayed. */
export function positionsOf(v: Tensor, base: Tensor): Tensor {
  const chain: NonNullable<Tensor['_viewStep']>[] = [];
  for (let t = v; t !== base; ) {
    const s = t._viewStep;
    if (s === null) return viewPositions(base, v._shape, v._stridesOrDense, v._offset);
    chain.push(s);
    t = s.inputs[0];
  }
  let p = apply1(Positions, [base], undefined);
  for (let i = chain.length - 1; i >= 0; i--) p = apply(chain[i].op as OpDef<unknown>, [p, ...chain[i].inputs.slice(1)], chain[i].attrs)[chain[i].out];
  return p;
}

/** Gathers x's row-major elements at pos (a copy, differentiable). */
export function takeAt(x: Tensor, pos: Tensor): Tensor {
  return apply1(AsStrided, [x, pos], { geom: null });
}
/** x with pos's elements set to (or, accumulating, increased by) src's. */
export function putAt(x: Tensor, src: Tensor, pos: Tensor, accumulate: boolean): Tensor {
  return apply1(AsStridedScatter, [x, src, pos], { accumulate });
}

/** Positions of a storage-geometry view relative to the tensor whose memory it reads (input, or its base). */
function positionsFor(input: Tensor, size: readonly number[], stride: readonly number[], offset: number): [Tensor, Tensor] {
  checkInBounds(size, stride, offset, input._st.data.length, input.dtype.itemsize);
  for (const b of [input, input._viewOf ?? input]) {
    const pos = viewPositions(b, size, stride, offset);
    if (!(pos._data as BigInt64Array).includes(-1n)) return [b, pos];
  }
  // Memory neither the input nor its base covers: a view of the storage itself (no gradient path).
  const all = new Tensor(input._st, [input._st.data.length], input.dtype);
  all._base = input._base ?? input;
  return [all, viewPositions(all, size, stride, offset)];
}

function checkSizes(size: readonly number[], stride: readonly number[]): void {
  if (size.length !== stride.length) throw new RuntimeError(`mismatch in length of strides and shape`);
  for (const s of size) if (!Number.isInteger(s) || s < 0) throw new RuntimeError(`Trying to create tensor with negative dimension ${s}: [${size.join(', ')}]`);
}

/**
 * torch.as_strided(input, size, stride, storage_offset=input.storage_offset()): a view of
 * input's storage with the given sizes and strides (in elements). Gradients flow to input.
 * @example
 * const x = torch.arange(9, { dtype: torch.float32 });
 * torch.as_strided(x, [2, 2], [3, 1], 1); // [[1, 2], [4, 5]]
 */
export function as_strided(input: Tensor, size: readonly number[], stride: readonly number[], storage_offset?: number | null): Tensor {
  checkSizes(size, stride);
  const off = storage_offset ?? input._offset;
  const [b, pos] = positionsFor(input, size, stride, off);
  const abs = { shape: [...size], strides: [...stride], offset: off };
  return apply1(AsStrided, [b, pos], { geom: relativeGeometry({ _shape: abs.shape, _stridesOrDense: abs.strides, _offset: off }, b), abs });
}

/**
 * torch.as_strided_scatter(input, src, size, stride, storage_offset=None): a copy of input with
 * the elements of its as_strided(size, stride, storage_offset) view replaced by src.
 * @example
 * torch.as_strided_scatter(torch.zeros(4), torch.ones(2), [2], [2]); // [1, 0, 1, 0]
 */
export function as_strided_scatter(input: Tensor, src: Tensor, size: readonly number[], stride: readonly number[], storage_offset?: number | null): Tensor {
  checkSizes(size, stride);
  if (numel(src._shape) !== numel(size) || src._shape.length !== size.length || src._shape.some((s, i) => s !== size[i]))
    throw new RuntimeError(`expected src to have a size equal to the slice of self. src size = [${src._shape.join(', ')}], slice size = [${size.join(', ')}]`);
  const off = storage_offset ?? input._offset;
  checkInBounds(size, stride, off, input._st.data.length, input.dtype.itemsize);
  const pos = viewPositions(input, size, stride, off);
  if ((pos._data as BigInt64Array).includes(-1n)) throw new RuntimeError('as_strided_scatter: the view reads memory outside the input tensor');
  return putAt(input, src.dtype === input.dtype ? src : src.to(input.dtype), pos, false);
}

declare module '../tensor.js' {
  interface Tensor {
    as_strided(size: readonly number[], stride: readonly number[], storage_offset?: number | null): Tensor;
    as_strided_scatter(src: Tensor, size: readonly number[], stride: readonly number[], storage_offset?: number | null): Tensor;
  }
}
Tensor.prototype.as_strided = function (this: Tensor, size: readonly number[], stride: readonly number[], storage_offset?: number | null) {
  return as_strided(this, size, stride, storage_offset);
};
Tensor.prototype.as_strided_scatter = function (this: Tensor, src: Tensor, size: readonly number[], stride: readonly number[], storage_offset?: number | null) {
  return as_strided_scatter(this, src, size, stride, storage_offset);
};

// A view whose base was rebased by an in-place op gets its history from the base again, as
// as_strided of the base (PyTorch's view regeneration).
// Outputs of unbind/split keep their history; using one in an op after a write around it is
// PyTorch's error (reading grad_fn or requires_grad is not).
Tensor._refreshView = (t: Tensor, use: boolean): void => {
  if (!gradMode.enabled && activeTracer() === null) return;
  const b = t._viewOf!;
  const m = t._multi;
  if (m !== null) {
    if (use && m.version !== t._vc.version) throw new RuntimeError(multiViewMessage(t, 'its base or another view of its base has been modified inplace'));
    return;
  }
  t._viewEpoch = b._epoch;
  const g = apply1(AsStrided, [b, positionsOf(t, b)], { geom: relativeGeometry(t, b) });
  t.grad_fn = g.grad_fn;
  t._outIdx = g._outIdx;
  t._rg = g._rg;
  activeTracer()?.alias(t, g);
};

/** PyTorch's error for writes into (or after writes around) outputs of unbind/split. */
export function multiViewMessage(t: Tensor, what: string): string {
  return `Output ${t._multi!.idx} of ${t._gradFn!.name()} is a view and ${what}. This view is the output of a function that returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.`;
}

/**
 * The gradient of a view op that picks elements without repeats (diagonal, unfold windows may
 * repeat: accumulate): gy written at the positions the same view takes from an input of `shape`.
 */
export function viewBackward(gy: Tensor, shape: readonly number[], take: (x: Tensor) => Tensor, accumulate: boolean): Tensor {
  const n = numel(shape);
  const ar = new BigInt64Array(n);
  for (let i = 0; i < n; i++) ar[i] = BigInt(i);
  const pos = take(new Tensor(ar, shape, int64));
  return putAt(zeros([...shape], { dtype: gy.dtype }), gy, pos._contig ? pos : new Tensor(pos._data, pos._shape, int64), accumulate);
}
