// The Tensor: a dtype and a strided view (sizes, strides, storage offset) of a Storage's typed
// array, as in PyTorch, plus autograd bookkeeping. Every computation lives in src/ops/<op>.ts;
// those files add the methods (x.add, x.sum...) to this class by declaration merging, so each op
// is written down in one place.
import { bool, type DType, int64, type TypedArray } from './dtype.js';
import { RuntimeError } from './errors.js';
import { contiguousStrides, normDim, numel, type Shape } from './shape.js';
import { gatherStrided, hasInternalOverlap, isContiguous, OVERLAP_MESSAGE, scatterStrided } from './strided.js';
import { ortTensor, type OrtTensor } from './ort/runtime.js';
import { readNumber } from './half.js';
import type { Node } from './autograd/node.js';
import { CPU, type Device } from './device.js';

/** Memory shared by a tensor and its views; the version counts in-place writes (autograd checks it). */
export class Storage {
  version = 0;
  /** @internal the address data_ptr() reports, given out on first use (PyTorch shows real addresses) */
  _addr = -1;
  /** A made-up address: storages get disjoint ranges, so pointer arithmetic behaves as in PyTorch. */
  get address(): number {
    if (this._addr < 0) {
      this._addr = nextAddress;
      nextAddress += Math.ceil((this.data.byteLength + 1) / 64) * 64;
    }
    return this._addr;
  }
  /** The typed array was handed out (numpy(), from_numpy, file views): it must be written in place, never replaced. */
  exposed = false;
  constructor(public data: TypedArray) {}
}

let nextAddress = 2 ** 20;

export type TensorHook = (grad: Tensor) => Tensor | void | undefined;

export class Tensor {
  /** @internal */ _st: Storage;
  /**
   * @internal the in-place version counter, shared by a tensor, its views and detach(); .data
   * gets a counter of its own, as in PyTorch (writes through it don't fail backward).
   */
  _vc: { version: number };
  /** @internal */ _shape: number[];
  /** @internal element strides; null: row-major contiguous for _shape */ _strides: number[] | null;
  /** @internal first element's index in the storage */ _offset: number;
  /** @internal PyTorch's is_contiguous(): the elements are one dense row-major run */ _contig: boolean;
  readonly dtype: DType;
  /** @internal cached onnxruntime view of the data */ _ort: OrtTensor | null = null;
  /** @internal */ _rg = false;
  /** Accumulated gradient (leaves, and non-leaves after retain_grad()). */
  grad: Tensor | null = null;
  /** @internal */ _gradFn: Node | null = null;
  /** The autograd node that produced this tensor (null for leaves). */
  get grad_fn(): Node | null {
    this._fresh();
    return this._gradFn;
  }
  set grad_fn(n: Node | null) {
    this._gradFn = n;
  }
  /** @internal which output of grad_fn this is */ _outIdx = 0;
  /** @internal AccumulateGrad node of a leaf */ _acc: Node | null = null;
  /** @internal */ _retains_grad = false;
  /** @internal the tensor this one is a view of (shares _st) */ _base: Tensor | null = null;
  /**
   * @internal for views made by view ops: the tensor whose autograd history the view's values
   * come from (PyTorch's view base). In-place writes through the view rebase it (CopySlices).
   */
  _viewOf: Tensor | null = null;
  /** @internal how a view op made this view from its input (inputs[0]): replayed to find element positions */
  _viewStep: { readonly op: unknown; readonly inputs: readonly Tensor[]; readonly attrs: unknown; readonly out: number } | null = null;
  /** @internal output `idx` of a multi-view op (unbind, split) made while it required grad; `version`: its base's then */
  _multi: { readonly idx: number; readonly version: number } | null = null;
  /** @internal bumped when this tensor's history is rebased by an in-place op; views compare it */
  _epoch = 0;
  /** @internal for views: the base's _epoch when this view's grad_fn was made */
  _viewEpoch = 0;

  /** @internal Use torch.tensor / torch.zeros etc. to create tensors. */
  constructor(data: TypedArray | Storage, shape: Shape, dtype: DType, strides: readonly number[] | null = null, offset = 0) {
    this._st = data instanceof Storage ? data : new Storage(data);
    this._vc = this._st;
    this._shape = shape as number[];
    this.dtype = dtype;
    this._strides = strides as number[] | null;
    this._offset = offset;
    this._contig = strides === null || isContiguous(shape, strides);
  }

  /** @internal wraps an onnxruntime output without copying. */
  static _fromOrt(o: OrtTensor, shape: Shape, dtype: DType): Tensor {
    const t = new Tensor(o.data, shape, dtype);
    t._ort = o;
    return t;
  }

  /** @internal the onnxruntime tensor over this tensor's memory: no copy when contiguous. */
  _ortValue(): OrtTensor {
    let o = this._ort;
    const st = this._st;
    if (this._offset === 0 && this._contig) {
      if (o === null || o.data !== st.data) {
        const n = numel(this._shape);
        o = ortTensor(this.dtype.name, n === st.data.length ? st.data : st.data.subarray(0, n), this._shape);
        this._ort = o;
      }
      return o;
    }
    const d = this._data;
    if (o === null || o.data !== d) {
      o = ortTensor(this.dtype.name, d, this._shape);
      this._ort = o;
    }
    return o;
  }

  /** The strides of each dim, in elements (PyTorch's x.stride()); x.stride(d) for one dim. */
  stride(): number[];
  stride(dim: number): number;
  stride(dim?: number | { dim?: number }): number[] | number {
    if (dim !== null && typeof dim === 'object') dim = dim.dim;
    const s = this._strides ?? contiguousStrides(this._shape);
    if (dim === undefined || dim === null) return s.slice();
    return s[normDim(dim, this._shape.length)];
  }
  /** Index of the first element in the storage, in elements. */
  storage_offset(): number {
    return this._offset;
  }
  /** @internal strides, never null */
  get _stridesOrDense(): readonly number[] {
    return this._strides ?? contiguousStrides(this._shape);
  }
  /**
   * The address of the first element, as a number: tensors sharing storage at the same offset
   * have the same data_ptr, and it moves by offset × element_size as in PyTorch.
   */
  data_ptr(): number {
    return this._st.address + this._offset * this.dtype.itemsize;
  }
  /** The memory this tensor views (enough to tell shared storage apart, as in PyTorch). */
  untyped_storage(): UntypedStorage {
    return new UntypedStorage(this._st, this.dtype.itemsize);
  }

  get shape(): number[] {
    Tensor._onSize?.(this);
    return this._shape.slice();
  }

  /** x.size() is the shape; x.size(d) one dimension (negative d counts from the end). */
  size(): number[];
  size(dim: number): number;
  size(dim?: number): number[] | number {
    Tensor._onSize?.(this, dim);
    if (dim === undefined) return this._shape.slice();
    return this._shape[normDim(dim, this._shape.length)];
  }
  dim(): number {
    return this._shape.length;
  }
  get ndim(): number {
    return this._shape.length;
  }
  numel(): number {
    return numel(this._shape);
  }
  nelement(): number {
    return this.numel();
  }
  element_size(): number {
    return this.dtype.itemsize;
  }
  is_floating_point(): boolean {
    return this.dtype.is_floating_point;
  }
  is_contiguous(): boolean {
    return this._contig;
  }
  /** The CPU: a torch.device (x.device.type === 'cpu'). */
  get device(): Device {
    return CPU;
  }
  get is_leaf(): boolean {
    return this.grad_fn === null;
  }
  get requires_grad(): boolean {
    this._fresh();
    return this._rg;
  }
  set requires_grad(v: boolean) {
    this.requires_grad_(v);
  }

  /** Sets requires_grad in place, as torch.Tensor.requires_grad_. */
  requires_grad_(requires_grad = true): this {
    if (!this.is_leaf) {
      if (!requires_grad)
        throw new RuntimeError(
          "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
        );
      return this;
    }
    if (requires_grad && !this.dtype.is_floating_point)
      throw new RuntimeError('only Tensors of floating point dtype can require gradients');
    this._rg = requires_grad;
    return this;
  }

  /**
   * The values as a flat row-major typed array (like .numpy()): it shares this tensor's memory
   * when the tensor is contiguous, and is a copy otherwise. int64 is BigInt64Array, bool Uint8Array.
   */
  numpy(): TypedArray {
    Tensor._onRead?.(this);
    if (this._rg) throw new RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
    if (this._contig) this._st.exposed = true;
    return this._data;
  }

  /**
   * @internal the values as a dense row-major array, no checks: the storage itself (or a
   * subarray of it) when contiguous, else a copy (never write into it: use _mutate).
   */
  get _data(): TypedArray {
    const d = this._st.data;
    if (this._contig) {
      const n = numel(this._shape);
      return this._offset === 0 && n === d.length ? d : d.subarray(this._offset, this._offset + n);
    }
    const out = new (d.constructor as new (n: number) => TypedArray)(numel(this._shape));
    gatherStrided(d, this._shape, this._strides!, this._offset, out);
    return out;
  }

  /**
   * @internal runs fn on a dense array of this tensor's values and makes its writes land in
   * this tensor's memory (directly when contiguous; copied back through the strides otherwise).
   * Refuses tensors whose elements overlap (expanded ones), as PyTorch does.
   */
  _mutate(fn: (d: TypedArray) => void, overlapOk = false): void {
    if (this._contig) {
      fn(this._data);
      return;
    }
    if (!overlapOk) this._checkWritable();
    const tmp = this._data.slice();
    fn(tmp);
    this._writeDense(tmp, overlapOk);
  }
  /** @internal writes row-major values into this tensor's (possibly strided) memory */
  _writeDense(src: TypedArray, overlapOk = false): void {
    if (src.length === 0) return;
    if (this._contig) {
      const d = this._st.data;
      if (src !== d) (d as Float32Array).set(src as Float32Array, this._offset);
      return;
    }
    if (!overlapOk) this._checkWritable();
    const d = this._st.data;
    scatterStrided(d, this._shape, this._strides!, this._offset, src.buffer === d.buffer ? src.slice() : src);
  }
  /** @internal PyTorch's error for writes into a tensor whose elements share memory */
  _checkWritable(): void {
    if (this._strides !== null && hasInternalOverlap(this._shape, this._strides)) throw new RuntimeError(OVERLAP_MESSAGE);
  }

  /** The value of a one-element tensor as a number (boolean for bool tensors). */
  item(): number | boolean {
    Tensor._onRead?.(this);
    const n = numel(this._shape);
    if (n !== 1) throw new RuntimeError(`a Tensor with ${n} elements cannot be converted to Scalar`);
    return readElem(this._st.data, this._offset, this.dtype);
  }

  /** Nested arrays of numbers (booleans for bool); a 0-d tensor gives a number. */
  tolist(): unknown {
    Tensor._onRead?.(this);
    const d = this._data;
    const shape = this._shape;
    const dt = this.dtype;
    if (shape.length === 0) return readElem(d, 0, dt);
    let off = 0;
    const rec = (k: number): unknown[] => {
      const n = shape[k];
      const out = new Array(n);
      if (k === shape.length - 1) for (let i = 0; i < n; i++) out[i] = readElem(d, off++, dt);
      else for (let i = 0; i < n; i++) out[i] = rec(k + 1);
      return out;
    };
    return rec(0);
  }

  /** A new tensor sharing memory (same sizes, strides and offset), cut from the graph. */
  detach(): Tensor {
    const t = new Tensor(this._st, this._shape, this.dtype, this._strides, this._offset);
    t._base = this;
    t._vc = this._vc;
    return t;
  }
  /** Detaches in place (a leaf afterwards). */
  detach_(): this {
    this.grad_fn = null;
    this._rg = false;
    return this;
  }
  /** Tensor.data: a detached alias; assigning replaces the values without autograd. */
  get data(): Tensor {
    const t = this.detach();
    t._vc = { version: 0 };
    return t;
  }
  set data(v: Tensor) {
    this._st = v._st;
    this._vc = v._vc;
    this._shape = v._shape.slice();
    this._strides = v._strides === null ? null : v._strides.slice();
    this._offset = v._offset;
    this._contig = v._contig;
    (this as { dtype: DType }).dtype = v.dtype;
    this._ort = null;
  }

  /** Keeps .grad for a non-leaf tensor after backward. */
  retain_grad(): void {
    if (!this._rg) throw new RuntimeError("can't retain_grad on Tensor that has requires_grad=False");
    if (this.is_leaf) return;
    this._retains_grad = true;
    this.grad_fn!.retainGrad(this._outIdx, this);
  }
  get retains_grad(): boolean {
    return this._retains_grad;
  }

  /** Registers a hook called with this tensor's gradient; returning a tensor replaces it. Returns a handle with remove(). */
  register_hook(hook: TensorHook): { remove(): void } {
    if (!this._rg) throw new RuntimeError("cannot register a hook on a tensor that doesn't require gradient");
    const node = this.is_leaf ? this._accumulator() : this.grad_fn!;
    return node.addHook(this.is_leaf ? 0 : this._outIdx, hook);
  }

  /** @internal the AccumulateGrad node of a leaf that requires grad */
  _accumulator(): Node {
    if (!this._acc) this._acc = Tensor._makeAccumulator(this);
    return this._acc;
  }
  /** @internal set by autograd/node.ts */
  static _makeAccumulator: (t: Tensor) => Node;
  /** @internal called when values are read out (item/tolist/numpy): the ONNX tracer warns, as PyTorch's does */
  static _onRead?: (t: Tensor) => void;
  /** @internal called when sizes are read (size()/shape): the ONNX tracer keeps such sizes dynamic */
  static _onSize?: (t: Tensor, dim?: number) => void;
  /** @internal rebuilds a view's history from its base after an in-place write (ops/as_strided.ts) */
  static _refreshView: (t: Tensor, use: boolean) => void;
  /** @internal brings a view's autograd history up to date with its base's */
  _fresh(): void {
    const b = this._viewOf;
    if (b !== null && this._viewEpoch !== b._epoch) Tensor._refreshView(this, false);
  }
  /** @internal set by autograd/engine.ts */
  static _backward: (t: Tensor, gradient: Tensor | undefined, retain_graph: boolean | undefined, create_graph: boolean, inputs?: Tensor[]) => void;

  /**
   * Computes the gradient of this tensor w.r.t. graph leaves, accumulating into `.grad`.
   * @example
   * const x = torch.tensor([1, 2, 3], { dtype: torch.float32, requires_grad: true });
   * x.pow(2).sum().backward();
   * x.grad.tolist(); // [2, 4, 6]
   */
  backward(gradient?: Tensor | null | { gradient?: Tensor; retain_graph?: boolean; create_graph?: boolean; inputs?: Tensor[] }, retain_graph?: boolean, create_graph = false): void {
    let g: Tensor | undefined;
    let inputs: Tensor[] | undefined;
    if (gradient instanceof Tensor || gradient == null) g = gradient ?? undefined;
    else ({ gradient: g, retain_graph = retain_graph, create_graph = create_graph, inputs } = { create_graph, ...gradient });
    Tensor._backward(this, g, retain_graph, create_graph, inputs);
  }

  /** Iterates over dim 0 (x.select(0, i) for each i). */
  *[Symbol.iterator](): Iterator<Tensor> {
    if (this._shape.length === 0) throw new TypeError('iteration over a 0-d tensor');
    const sel = (this as unknown as { select(d: number, i: number): Tensor }).select;
    for (let i = 0; i < this._shape[0]; i++) yield sel.call(this, 0, i);
  }

  /** @internal marks an in-place write (autograd's version counter). */
  _bump(): void {
    this._vc.version++;
  }
  /** The in-place version counter, as Tensor._version. */
  get _version(): number {
    return this._vc.version;
  }
}

/** What x.untyped_storage() returns: the shared memory, comparable by data_ptr(). */
export class UntypedStorage {
  /** @internal */
  constructor(
    private readonly st: Storage,
    private readonly itemsize: number,
  ) {}
  data_ptr(): number {
    return this.st.address;
  }
  nbytes(): number {
    return this.st.data.length * this.itemsize;
  }
  size(): number {
    return this.nbytes();
  }
}


export function readElem(d: TypedArray, i: number, dt: DType): number | boolean {
  if (dt === int64) return Number((d as BigInt64Array)[i]);
  if (dt === bool) return (d as Uint8Array)[i] !== 0;
  if (dt.isHalf) return readNumber(d, i, dt);
  return (d as Float32Array)[i];
}

export function isTensor(x: unknown): x is Tensor {
  return x instanceof Tensor;
}
