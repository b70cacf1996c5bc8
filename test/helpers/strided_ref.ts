// A plain strided-tensor reference model for the property test (test/tensor/views_property.test.ts):
// a Float64Array storage plus sizes/strides/offset, with each view op's stride arithmetic written
// out as ATen does it (TensorShape.cpp: view/computeStride, unsqueeze, select, narrow/slice,
// expand, diagonal, unfold, as_strided + setStorage's bounds check; is_contiguous from
// TensorImpl::compute_contiguous). It never calls torchlike. It interprets the same step language
// as test/helpers/view_script.ts (gen_views.py's docstring), for the ops the property test emits.
// Error messages are PyTorch's (the same texts are in fixtures/views.json, recorded from PyTorch).
import type { Step } from './view_script.js';

export class RefError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

let nextId = 1;
export class RefStorage {
  readonly id = nextId++;
  constructor(readonly data: Float64Array) {}
}
/** The version counter: shared by views and detach(), fresh for .data and copies. */
export class RefVersion {
  n = 0;
}

export const ITEMSIZE: Record<string, number> = { float32: 4, float64: 8, int64: 8, int32: 4 };

const prod = (xs: readonly number[]) => xs.reduce((a, b) => a * b, 1);
const fmt = (xs: readonly number[]) => `[${xs.join(', ')}]`;
export const contiguousStrides = (sizes: readonly number[]): number[] => {
  const st = new Array<number>(sizes.length);
  let s = 1;
  for (let i = sizes.length - 1; i >= 0; i--) {
    st[i] = s;
    s *= Math.max(sizes[i], 1);
  }
  return st;
};

export class RefTensor {
  constructor(
    readonly st: RefStorage,
    readonly sizes: number[],
    readonly strides: number[],
    readonly offset: number,
    readonly ver: RefVersion,
    readonly dtype: string,
  ) {
    // the model's own invariant: every element lies inside the storage
    if (this.numel() > 0) {
      let lo = offset;
      let hi = offset;
      sizes.forEach((n, i) => (strides[i] >= 0 ? (hi += (n - 1) * strides[i]) : (lo += (n - 1) * strides[i])));
      if (lo < 0 || hi >= st.data.length) throw new Error(`reference model bug: view out of its storage (${fmt(sizes)} ${fmt(strides)} +${offset} in ${st.data.length})`);
    }
  }
  get ndim(): number {
    return this.sizes.length;
  }
  numel(): number {
    return prod(this.sizes);
  }
  /** Storage index of every element, row-major. */
  positions(): number[] {
    const out: number[] = [];
    const rec = (d: number, p: number) => {
      if (d === this.sizes.length) {
        out.push(p);
        return;
      }
      for (let i = 0; i < this.sizes[d]; i++) rec(d + 1, p + i * this.strides[d]);
    };
    rec(0, this.offset);
    return out;
  }
  values(): number[] {
    return this.positions().map((p) => this.st.data[p]);
  }
  /** TensorImpl::compute_contiguous. */
  isContiguous(): boolean {
    if (this.numel() === 0) return true;
    let expected = 1;
    for (let i = this.ndim - 1; i >= 0; i--) {
      if (this.sizes[i] === 1) continue;
      if (this.strides[i] !== expected) return false;
      expected *= this.sizes[i];
    }
    return true;
  }
  /** has_internal_overlap == YES (what in-place ops reject): a 0 stride over more than one element. */
  overlapDetected(): boolean {
    if (this.numel() === 0) return false; // empty tensors count as non-overlapping and dense
    return this.sizes.some((n, i) => n > 1 && this.strides[i] === 0);
  }
  /** Whether two elements share a location at all (PyTorch leaves writes into these undefined unless detected). */
  overlapsAtAll(): boolean {
    const p = this.positions();
    return new Set(p).size !== p.length;
  }
  with(sizes: number[], strides: number[], offset = this.offset): RefTensor {
    return new RefTensor(this.st, sizes, strides, offset, this.ver, this.dtype);
  }
  /** A dense contiguous copy (own storage and version counter). */
  copy(): RefTensor {
    const v = this.values();
    return new RefTensor(new RefStorage(Float64Array.from(v.length ? v : [])), this.sizes.slice(), contiguousStrides(this.sizes), 0, new RefVersion(), this.dtype);
  }
}

export function wrapDim(d: number, ndim: number): number {
  const r = Math.max(ndim, 1);
  if (d < -r || d >= r) throw new RefError('IndexError', `Dimension out of range (expected to be in range of [${-r}, ${r - 1}], but got ${d})`);
  return d < 0 ? d + r : d;
}

function inferSize(shape: number[], numel: number): number[] {
  const k = shape.indexOf(-1);
  if (k < 0) return shape.slice();
  const rest = prod(shape.filter((_, i) => i !== k));
  const out = shape.slice();
  out[k] = rest === 0 ? 0 : numel / rest;
  return out;
}

/** ATen's computeStride (TensorUtils.cpp): the strides of a view, or null when none exists. */
export function computeStride(oldshape: number[], oldstride: number[], newshape: number[]): number[] | null {
  const numel = prod(oldshape);
  if (numel === 0 && oldshape.length === newshape.length && oldshape.every((v, i) => v === newshape[i])) return oldstride.slice();
  const newstride = new Array<number>(newshape.length);
  if (oldshape.length === 0) return newshape.map(() => 1); // a 0-d tensor: every view dim has size 1
  if (numel === 0) {
    for (let d = newshape.length - 1; d >= 0; d--) newstride[d] = d === newshape.length - 1 ? 1 : Math.max(newshape[d + 1], 1) * newstride[d + 1];
    return newstride;
  }
  let viewD = newshape.length - 1;
  let chunkBaseStride = oldstride.length ? oldstride[oldstride.length - 1] : 1;
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let td = oldshape.length - 1; td >= 0; td--) {
    tensorNumel *= oldshape[td];
    if (td === 0 || (oldshape[td - 1] !== 1 && oldstride[td - 1] !== tensorNumel * chunkBaseStride)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newshape[viewD] === 1)) {
        newstride[viewD] = viewNumel * chunkBaseStride;
        viewNumel *= newshape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (td > 0) {
        chunkBaseStride = oldstride[td - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) return null;
  return newstride;
}

export const VIEW_ERROR = "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.";
export const OVERLAP_ERROR = 'unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.';

export function view(x: RefTensor, shape: number[]): RefTensor {
  const s = inferSize(shape, x.numel());
  const st = computeStride(x.sizes, x.strides, s);
  if (!st) throw new RefError('RuntimeError', VIEW_ERROR);
  return x.with(s, st);
}
export function reshape(x: RefTensor, shape: number[]): RefTensor {
  const s = inferSize(shape, x.numel());
  const st = computeStride(x.sizes, x.strides, s);
  if (st) return x.with(s, st);
  const c = x.copy();
  return c.with(s, contiguousStrides(s), 0);
}
export function flatten(x: RefTensor, start = 0, end = -1): RefTensor {
  if (x.ndim === 0) return reshape(x, [1]);
  const a = wrapDim(start, x.ndim);
  const b = wrapDim(end, x.ndim);
  if (a === b) return x; // PyTorch returns self
  return reshape(x, [...x.sizes.slice(0, a), prod(x.sizes.slice(a, b + 1)), ...x.sizes.slice(b + 1)]);
}
export function unflatten(x: RefTensor, dim: number, sizes: number[]): RefTensor {
  const d = wrapDim(dim, x.ndim);
  const s = inferSize(sizes, x.sizes[d]);
  return view(x, [...x.sizes.slice(0, d), ...s, ...x.sizes.slice(d + 1)]);
}
export function squeeze(x: RefTensor, dim?: number): RefTensor {
  if (dim === undefined) {
    const keep = x.sizes.map((n, i) => i).filter((i) => x.sizes[i] !== 1);
    return x.with(keep.map((i) => x.sizes[i]), keep.map((i) => x.strides[i]));
  }
  const d = wrapDim(dim, x.ndim);
  if (x.ndim === 0 || x.sizes[d] !== 1) return x.with(x.sizes.slice(), x.strides.slice());
  return x.with(x.sizes.filter((_, i) => i !== d), x.strides.filter((_, i) => i !== d));
}
export function unsqueeze(x: RefTensor, dim: number): RefTensor {
  const d = wrapDim(dim, x.ndim + 1);
  const stride = d >= x.ndim ? 1 : x.sizes[d] * x.strides[d];
  const sizes = x.sizes.slice();
  const strides = x.strides.slice();
  sizes.splice(d, 0, 1);
  strides.splice(d, 0, stride);
  return x.with(sizes, strides);
}
export function permute(x: RefTensor, dims: number[]): RefTensor {
  const p = dims.map((d) => wrapDim(d, x.ndim));
  return x.with(p.map((d) => x.sizes[d]), p.map((d) => x.strides[d]));
}
export function transpose(x: RefTensor, d0: number, d1: number): RefTensor {
  const p = x.sizes.map((_, i) => i);
  const a = wrapDim(d0, x.ndim);
  const b = wrapDim(d1, x.ndim);
  [p[a], p[b]] = [p[b], p[a]];
  return permute(x, p);
}
export function movedim(x: RefTensor, src: number, dst: number): RefTensor {
  const s = wrapDim(src, x.ndim);
  const d = wrapDim(dst, x.ndim);
  const order = x.sizes.map((_, i) => i).filter((i) => i !== s);
  order.splice(d, 0, s);
  return permute(x, order);
}
export function select(x: RefTensor, dim: number, index: number): RefTensor {
  const d = wrapDim(dim, x.ndim);
  const n = x.sizes[d];
  if (index < -n || index >= n) throw new RefError('IndexError', `select(): index ${index} out of range for tensor of size ${fmt(x.sizes)} at dimension ${d}`);
  const i = index < 0 ? index + n : index;
  return x.with(x.sizes.filter((_, k) => k !== d), x.strides.filter((_, k) => k !== d), x.offset + i * x.strides[d]);
}
/** at::slice with Python's clamping. */
export function slice(x: RefTensor, dim: number, start: number | null, stop: number | null, step = 1): RefTensor {
  const d = wrapDim(dim, x.ndim);
  const n = x.sizes[d];
  let a = start ?? 0;
  let b = stop ?? n;
  if (a < 0) a += n;
  if (b < 0) b += n;
  a = a < 0 ? 0 : a >= n ? n : a;
  b = b < a ? a : b >= n ? n : b;
  const sizes = x.sizes.slice();
  const strides = x.strides.slice();
  sizes[d] = Math.floor((b - a + step - 1) / step);
  strides[d] *= step;
  return x.with(sizes, strides, x.offset + a * x.strides[d]);
}
export function narrow(x: RefTensor, dim: number, start: number, length: number): RefTensor {
  const d = wrapDim(dim, x.ndim);
  const a = start < 0 ? start + x.sizes[d] : start;
  if (a + length > x.sizes[d]) throw new RefError('RuntimeError', `start (${a}) + length (${length}) exceeds dimension size (${x.sizes[d]}).`);
  return slice(x, d, a, a + length, 1);
}
export type Item = number | string | null;
/** Python's basic subscript x[items]: ints select, slices slice, None unsqueezes, '...' fills. */
export function index(x: RefTensor, items: Item[]): RefTensor {
  const consumed = items.filter((it) => it !== null && it !== '...').length;
  const expanded: Item[] = [];
  for (const it of items) {
    if (it === '...') for (let i = 0; i < x.ndim - consumed; i++) expanded.push(':');
    else expanded.push(it);
  }
  let y = x.with(x.sizes.slice(), x.strides.slice());
  let d = 0;
  for (const it of expanded) {
    if (it === null) y = unsqueeze(y, d++);
    else if (typeof it === 'number') y = select(y, d, it);
    else {
      const [a, b, c] = it.split(':').map((p) => (p.trim() === '' ? null : Number(p)));
      y = slice(y, d++, a, b ?? null, c ?? 1);
    }
  }
  return y;
}
/** inferExpandGeometry (ExpandUtils.cpp): expanded dims get stride 0; new size-1 dims the stride of the dim after them. */
export function expand(x: RefTensor, sizes: number[]): RefTensor {
  const n = sizes.length;
  const outSizes = new Array<number>(n);
  const outStrides = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    const dim = x.ndim - (n - i);
    let size = dim >= 0 ? x.sizes[dim] : 1;
    // (a 0-d tensor expands with all strides 0)
    let stride = dim >= 0 ? x.strides[dim] : x.ndim === 0 || i === n - 1 ? 0 : outSizes[i + 1] * outStrides[i + 1];
    const target = sizes[i] === -1 ? size : sizes[i];
    if (size !== target) {
      if (size !== 1) throw new Error('reference: invalid expand');
      size = target;
      stride = 0;
    }
    outSizes[i] = size;
    outStrides[i] = stride;
  }
  return x.with(outSizes, outStrides);
}
export function diagonal(x: RefTensor, offset = 0, dim1 = 0, dim2 = 1): RefTensor {
  const a = wrapDim(dim1, x.ndim);
  const b = wrapDim(dim2, x.ndim);
  if (a === b) throw new RefError('RuntimeError', `diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
  const diag = Math.max(offset >= 0 ? Math.min(x.sizes[a], x.sizes[b] - offset) : Math.min(x.sizes[a] + offset, x.sizes[b]), 0);
  let off = x.offset;
  if (diag > 0) off += offset >= 0 ? offset * x.strides[b] : -offset * x.strides[a];
  const keep = x.sizes.map((_, i) => i).filter((i) => i !== a && i !== b);
  return x.with([...keep.map((i) => x.sizes[i]), diag], [...keep.map((i) => x.strides[i]), x.strides[a] + x.strides[b]], off);
}
export function unfold(x: RefTensor, dim: number, size: number, step: number): RefTensor {
  const d = wrapDim(dim, x.ndim);
  if (size > x.sizes[d]) throw new RefError('RuntimeError', `maximum size for tensor at dimension ${d} is ${x.sizes[d]} but size is ${size}`);
  const sizes = x.sizes.slice();
  const strides = x.strides.slice();
  sizes[d] = Math.floor((x.sizes[d] - size) / step) + 1;
  strides[d] *= step;
  return x.with([...sizes, size], [...strides, x.strides[d]]);
}
/** as_strided with setStorage's bounds check (storage_offset defaults to the tensor's own). */
export function asStrided(x: RefTensor, sizes: number[], strides: number[], offset = x.offset): RefTensor {
  const item = ITEMSIZE[x.dtype];
  let need = 0;
  if (!sizes.includes(0)) need = item * (offset + 1 + sizes.reduce((acc, n, i) => acc + (n - 1) * strides[i], 0));
  const have = x.st.data.length * item;
  if (need > have)
    throw new RefError('RuntimeError', `setStorage: sizes ${fmt(sizes)}, strides ${fmt(strides)}, storage offset ${offset}, and itemsize ${item} requiring a storage size of ${need} are out of bounds for storage of size ${have}`);
  return x.with(sizes.slice(), strides.slice(), offset);
}
export function contiguous(x: RefTensor): RefTensor {
  return x.isContiguous() ? x : x.copy();
}

/** An in-place write: f maps (old value, element index) to the new value. */
function write(x: RefTensor, f: (v: number, i: number) => number, checkOverlap: boolean): void {
  if (checkOverlap && x.overlapDetected()) throw new RefError('RuntimeError', OVERLAP_ERROR);
  const round = x.dtype === 'float32' ? Math.fround : (v: number) => v;
  x.positions().forEach((p, i) => (x.st.data[p] = round(f(x.st.data[p], i))));
  x.ver.n++;
}

export type RefEnv = Map<string, RefTensor>;

function r(env: RefEnv, n: unknown): RefTensor {
  const t = env.get(n as string);
  if (!t) throw new Error(`reference: no tensor ${String(n)}`);
  return t;
}

/** Runs one step of the script language on the model (the subset the property test emits). */
export function refStep(s: Step, env: RefEnv): void {
  const a = (s.args ?? []) as any[];
  if ('make' in s) {
    if (s.make !== 'arange') throw new Error(`reference: make ${String(s.make)}`);
    const [lo, hi] = a.length === 1 ? [0, a[0]] : [a[0], a[1]];
    const data = Float64Array.from({ length: hi - lo }, (_, i) => lo + i);
    let t = new RefTensor(new RefStorage(data), [hi - lo], [1], 0, new RefVersion(), (s.dtype as string) ?? 'float32');
    if (s.reshape) t = reshape(t, s.reshape as number[]).copy();
    env.set(s.let as string, t);
    return;
  }
  if ('of' in s && Array.isArray(s.let)) {
    // the pieces of unbind / split / chunk / tensor_split: narrows (selects for unbind) of the input
    const x = r(env, s.of);
    const d = wrapDim(a[a.length - 1] as number, x.ndim);
    const n = x.sizes[d];
    let bounds: number[]; // piece i is [bounds[i], bounds[i + 1])
    if (s.op === 'unbind') bounds = Array.from({ length: n + 1 }, (_, i) => i);
    else if (s.op === 'split' && Array.isArray(a[0])) bounds = (a[0] as number[]).reduce((acc, k) => [...acc, acc[acc.length - 1] + k], [0]);
    else if (s.op === 'split' || s.op === 'chunk') {
      const k = s.op === 'split' ? (a[0] as number) : Math.ceil(n / (a[0] as number));
      bounds = [];
      for (let i = 0; i < n; i += k) bounds.push(i);
      bounds.push(n);
    } else if (s.op === 'tensor_split' && Array.isArray(a[0])) bounds = [0, ...(a[0] as number[]), n];
    else if (s.op === 'tensor_split') {
      const c = a[0] as number;
      bounds = [0];
      for (let i = 0; i < c; i++) bounds.push(bounds[i] + Math.floor(n / c) + (i < n % c ? 1 : 0));
    } else throw new Error(`reference: op ${String(s.op)}`);
    const names = s.let as string[];
    if (names.length !== bounds.length - 1) throw new Error(`reference: ${s.op} gives ${bounds.length - 1} pieces, script names ${names.length}`);
    names.forEach((m, i) => env.set(m, s.op === 'unbind' ? select(x, d, i) : slice(x, d, bounds[i], bounds[i + 1], 1)));
    return;
  }
  if ('of' in s) {
    const x = r(env, s.of);
    let y: RefTensor;
    if ('attr' in s) {
      if (s.attr === 'data') y = new RefTensor(x.st, x.sizes.slice(), x.strides.slice(), x.offset, new RefVersion(), x.dtype);
      else if (s.attr === 'mT') y = transpose(x, -2, -1);
      else if (s.attr === 'T') y = permute(x, x.sizes.map((_, i) => x.ndim - 1 - i));
      else throw new Error(`reference: attr ${String(s.attr)}`);
    } else {
      switch (s.op) {
        case 'view': y = view(x, a.length === 1 && Array.isArray(a[0]) ? a[0] : a); break;
        case 'reshape': y = reshape(x, a.length === 1 && Array.isArray(a[0]) ? a[0] : a); break;
        case 'flatten': y = flatten(x, a[0] ?? 0, a[1] ?? -1); break;
        case 'unflatten': y = unflatten(x, a[0], a[1]); break;
        case 'squeeze': y = squeeze(x, a[0]); break;
        case 'unsqueeze': y = unsqueeze(x, a[0]); break;
        case 'transpose': case 'swapaxes': y = transpose(x, a[0], a[1]); break;
        case 't': y = x.ndim < 2 ? x.with(x.sizes.slice(), x.strides.slice()) : transpose(x, 0, 1); break;
        case 'permute': y = permute(x, Array.isArray(a[0]) ? a[0] : a); break;
        case 'movedim': y = movedim(x, a[0], a[1]); break;
        case 'select': y = select(x, a[0], a[1]); break;
        case 'narrow': y = narrow(x, a[0], a[1], a[2]); break;
        case 'index': y = index(x, a as Item[]); break;
        case 'expand': y = expand(x, Array.isArray(a[0]) ? a[0] : a); break;
        case 'diagonal': y = diagonal(x, a[0] ?? 0, a[1] ?? 0, a[2] ?? 1); break;
        case 'unfold': y = unfold(x, a[0], a[1], a[2]); break;
        case 'as_strided': y = asStrided(x, a[0], a[1], a[2]); break;
        case 'contiguous': y = contiguous(x); break;
        case 'detach': y = x.with(x.sizes.slice(), x.strides.slice()); break;
        default: throw new Error(`reference: op ${String(s.op)}`);
      }
    }
    env.set(s.let as string, y);
    return;
  }
  if ('do' in s) {
    const x = r(env, s.on);
    switch (s.do) {
      case 'add_': return write(x, (v) => v + a[0], true);
      case 'mul_': return write(x, (v) => v * a[0], true);
      case 'fill_': return write(x, () => a[0], false);
      case 'zero_': return write(x, () => 0, false);
      case 'copy_': {
        const src = r(env, (a[0] as { ref: string }).ref);
        const sv = src.values();
        if (src.numel() !== x.numel()) throw new Error('reference: copy_ without broadcasting only');
        return write(x, (_, i) => sv[i], true);
      }
      case 'setIndex': {
        const [items, value] = a as [Item[], number];
        return write(index(x, items), () => value, false);
      }
      default: throw new Error(`reference: do ${String(s.do)}`);
    }
  }
  throw new Error(`reference: step ${JSON.stringify(s)}`);
}

/** The model's view of every named tensor, in views.json's record format. */
export function refRecords(env: RefEnv): Record<string, {
  dtype: string; shape: number[]; stride: number[]; storage_offset: number; is_contiguous: boolean;
  values: number[]; version: number; storage: string; same: string;
}> {
  const names = [...env.keys()];
  return Object.fromEntries(names.map((n) => {
    const t = env.get(n)!;
    return [n, {
      dtype: t.dtype, shape: t.sizes.slice(), stride: t.strides.slice(), storage_offset: t.offset, is_contiguous: t.isContiguous(),
      values: t.values(), version: t.ver.n,
      storage: names.find((m) => env.get(m)!.st === t.st)!, same: names.find((m) => env.get(m) === t)!,
    }];
  }));
}
