// torch.save / torch.load in PyTorch's zip format:
//   <prefix>/data.pkl (pickle protocol 2), <prefix>/data/<key> (raw little-endian storages),
//   <prefix>/version, <prefix>/byteorder.
// Loading accepts only the globals torch.load(weights_only=True) accepts; nothing in the file runs.
import { readFileSync } from 'node:fs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { bfloat16, bool, type DType, float16, float32, float64, int16, int32, int64, int8, type TypedArray, uint8 } from '../../src/dtype.js';
import { numel } from '../../src/shape.js';
import { Storage, Tensor } from '../../src/tensor.js';
import { atomicWrite } from '../atomic.js';
import { isTuple, Pickler, PyGlobal, tuple, unpickle, UnpicklingError } from './pickle.js';

const STORAGE_TYPES: Record<string, DType> = {
  FloatStorage: float32,
  DoubleStorage: float64,
  IntStorage: int32,
  LongStorage: int64,
  BoolStorage: bool,
  HalfStorage: float16,
  BFloat16Storage: bfloat16,
  ByteStorage: uint8,
  CharStorage: int8,
  ShortStorage: int16,
};
const STORAGE_NAME = new Map<DType, string>(Object.entries(STORAGE_TYPES).map(([k, v]) => [v, k]));

const ORDERED_DICT = new PyGlobal('collections', 'OrderedDict');
const REBUILD_TENSOR = new PyGlobal('torch._utils', '_rebuild_tensor_v2');
const REBUILD_PARAM = new PyGlobal('torch._utils', '_rebuild_parameter');


export class LoadError extends Error {
  override name = 'UnpicklingError';
}

interface StorageRec {
  dtype: DType;
  data: TypedArray;
  /** one Storage per record: tensors of the same record are views of the same memory, as in PyTorch */
  storage?: Storage;
}

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/**
 * torch.load(f): reads a file written by PyTorch's torch.save (zip format) or by torchlike.
 * Returns plain objects for dicts (OrderedDict included), arrays for lists and tuples, numbers,
 * strings, booleans, null and Tensors. Like `weights_only=True`, any other Python global is refused.
 * @example
 * const sd = torch.load('model.pt');
 * model.load_state_dict(sd);
 */
export function load(f: string | Uint8Array): unknown {
  const what = typeof f === 'string' ? f : '<bytes>';
  const fail = (msg: string): never => {
    throw new LoadError(`torch.load: ${what}: ${msg}`);
  };
  let buf: Uint8Array;
  try {
    buf = typeof f === 'string' ? readFileSync(f) : f;
  } catch (e) {
    return fail((e as Error).message);
  }
  if (!isZip(buf)) {
    if (buf.length >= 2 && buf[0] === 0x80)
      fail('this is a legacy (non-zip) PyTorch file; torchlike reads only the zip format. Re-save it in Python with torch.save(obj, path) (PyTorch >= 1.6 writes zip by default).');
    fail('not a PyTorch zip checkpoint (bad magic number)');
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(buf, {
      // A declared size beyond the file itself is a lie (PyTorch stores entries uncompressed).
      filter: (e) => {
        if (e.originalSize > buf.length) throw new Error(`entry ${e.name} declares ${e.originalSize} bytes, more than the file holds`);
        return true;
      },
    });
  } catch (e) {
    return fail(`corrupt zip archive: ${(e as Error).message}`);
  }
  const pkl = Object.keys(files).find((n) => n.endsWith('data.pkl') && n.split('/').length === 2);
  if (!pkl) return fail('no <archive>/data.pkl record');
  const prefix = pkl.slice(0, -'data.pkl'.length);
  const storages = new Map<string, StorageRec>();
  try {
    return unpickle(files[pkl], {
      findClass(mod, name) {
        if (mod === 'collections' && name === 'OrderedDict') return ORDERED_DICT;
        if (mod === 'torch._utils' && name === '_rebuild_tensor_v2') return REBUILD_TENSOR;
        if (mod === 'torch._utils' && name === '_rebuild_parameter') return REBUILD_PARAM;
        if (mod === 'torch' && name in STORAGE_TYPES) return STORAGE_TYPES[name];
        if (mod === 'torch' && name.endsWith('Storage')) throw new UnpicklingError(`unsupported storage type torch.${name} (torchlike has float32, float64, float16, bfloat16, int64, int32, int16, int8, uint8, bool)`);
        throw new UnpicklingError(
          `Unsupported global: GLOBAL ${mod}.${name} was not an allowed global by default. torchlike loads like torch.load(weights_only=True) and never runs code from a file.`,
        );
      },
      reduce(fn, args) {
        if (fn === ORDERED_DICT) return {};
        if (fn === REBUILD_TENSOR) return rebuildTensor(args);
        if (fn === REBUILD_PARAM) {
          const [t, rg] = args as [Tensor, boolean];
          if (!(t instanceof Tensor)) throw new UnpicklingError('_rebuild_parameter without a tensor');
          if (rg) t.requires_grad_(true);
          return t;
        }
        throw new UnpicklingError(`cannot call ${String(fn)}`);
      },
      build: (obj) => obj, // OrderedDict._metadata and similar state: not needed here
      persistentLoad(pid) {
        if (!Array.isArray(pid) || pid[0] !== 'storage' || pid.length < 5) throw new UnpicklingError(`unsupported persistent id ${JSON.stringify(pid)}`);
        const [, dtype, key, , n] = pid as [string, DType, string, string, number];
        if (!(STORAGE_NAME.has(dtype))) throw new UnpicklingError('persistent id without a storage type');
        let rec = storages.get(key);
        if (!rec) {
          const raw = files[`${prefix}data/${key}`];
          if (!raw) throw new UnpicklingError(`missing storage record data/${key}`);
          if (!Number.isInteger(n) || n < 0 || n * dtype.itemsize > raw.length)
            throw new UnpicklingError(`storage data/${key} declares ${n} elements but holds ${raw.length} bytes`);
          const data = new dtype.array(n);
          new Uint8Array(data.buffer).set(raw.subarray(0, n * dtype.itemsize));
          rec = { dtype, data };
          storages.set(key, rec);
        }
        return rec;
      },
    });
  } catch (e) {
    if (e instanceof UnpicklingError) return fail(e.message);
    throw e;
  }
}

function rebuildTensor(args: unknown[]): Tensor {
  const [st, offset, size, stride, requires_grad] = args as [StorageRec, number, number[], number[], boolean];
  if (!st || !st.data || !Array.isArray(size) || !Array.isArray(stride) || size.length !== stride.length || !Number.isInteger(offset) || offset < 0)
    throw new UnpicklingError('malformed tensor record');
  if (size.some((s) => !Number.isInteger(s) || s < 0) || stride.some((s) => !Number.isInteger(s) || s < 0)) throw new UnpicklingError('malformed tensor size/stride');
  const n = numel(size);
  let extent = 0;
  if (n > 0) for (let i = 0; i < size.length; i++) extent += (size[i] - 1) * stride[i];
  if (n > 0 && offset + extent >= st.data.length) throw new UnpicklingError(`tensor of size [${size.join(', ')}] reads past the end of its storage`);
  if (!st.storage) {
    st.storage = new Storage(st.data);
    st.storage.exposed = true; // shared by every tensor of the record
  }
  const t = new Tensor(st.storage, size, st.dtype, stride, offset);
  if (requires_grad && t.dtype.is_floating_point) t.requires_grad_(true);
  return t;
}

const INT_KEY = /^(0|-?[1-9]\d*)$/;

/**
 * torch.save(obj, f): writes PyTorch's zip format, loadable by Python's
 * `torch.load(f, weights_only=True)`. Dict keys that are integer strings ('0', '12') are written as
 * Python ints (optimizer state); use a Map to control key types. Writes atomically.
 * @example
 * torch.save({ epoch: 3, model_state_dict: model.state_dict(), optimizer_state_dict: opt.state_dict() }, 'ckpt.pt');
 */
export function save(obj: unknown, f?: string | null): Uint8Array {
  const p = new Pickler();
  // One record per Storage: views keep their offsets and strides, so sharing survives (as PyTorch's save).
  const keys = new Map<Storage, string>();
  const records: Zippable = {};
  const storageKey = (st: Storage): string => {
    let k = keys.get(st);
    if (k === undefined) {
      k = String(keys.size);
      keys.set(st, k);
      const root = st.data;
      records[`archive/data/${k}`] = [new Uint8Array(root.buffer, root.byteOffset, root.byteLength).slice(), { level: 0 }];
    }
    return k;
  };
  // Iterative writer: a work stack of values and emit-closures keeps deep nesting off the JS stack.
  const EMIT = Symbol('emit');
  const work: unknown[] = [obj];
  const seen = new Set<object>();
  const emit = (fn: () => void) => ({ [EMIT]: fn });
  while (work.length) {
    const v = work.pop();
    if (v && typeof v === 'object' && EMIT in (v as object)) {
      (v as Record<symbol, () => void>)[EMIT]();
      continue;
    }
    if (v === null || v === undefined) p.op(0x4e);
    else if (typeof v === 'boolean') p.op(v ? 0x88 : 0x89);
    else if (typeof v === 'number') Number.isInteger(v) ? p.int(v) : p.float(v);
    else if (typeof v === 'bigint') p.int(Number(v));
    else if (typeof v === 'string') p.str(v);
    else if (v instanceof Tensor) {
      const key = storageKey(v._st);
      p.global('torch._utils', '_rebuild_tensor_v2');
      p.mark();
      p.mark();
      p.str('storage');
      p.global('torch', STORAGE_NAME.get(v.dtype)!);
      p.str(key);
      p.str('cpu');
      p.int(v._st.data.length);
      p.op(0x74, 0x51); // TUPLE, BINPERSID
      p.int(v._offset);
      writeIntTuple(p, v._shape);
      writeIntTuple(p, v._stridesOrDense);
      p.op(v.requires_grad ? 0x88 : 0x89);
      p.global('collections', 'OrderedDict');
      p.op(0x29, 0x52); // EMPTY_TUPLE, REDUCE
      p.op(0x74, 0x52); // TUPLE, REDUCE
    } else if (Array.isArray(v)) {
      if (seen.has(v)) throw new Error('torch.save: cyclic object');
      seen.add(v);
      const tup = isTuple(v);
      if (tup) {
        p.mark();
        work.push(emit(() => p.op(0x74))); // TUPLE
      } else {
        p.op(0x5d); // EMPTY_LIST
        if (v.length) {
          p.mark();
          work.push(emit(() => p.op(0x65))); // APPENDS
        }
      }
      for (let i = v.length - 1; i >= 0; i--) work.push(v[i]);
    } else if (v instanceof Map || (typeof v === 'object' && v !== null)) {
      if (seen.has(v as object)) throw new Error('torch.save: cyclic object');
      seen.add(v as object);
      const entries: [unknown, unknown][] = v instanceof Map ? [...v.entries()] : Object.entries(v as object).map(([k, x]) => [INT_KEY.test(k) ? Number(k) : k, x]);
      p.op(0x7d);
      if (entries.length) {
        p.mark();
        work.push(emit(() => p.op(0x75)));
        for (let i = entries.length - 1; i >= 0; i--) work.push(entries[i][1], entries[i][0]);
      }
    } else throw new Error(`torch.save: cannot save a value of type ${typeof v}`);
  }
  const pkl = p.finish();
  records['archive/data.pkl'] = [pkl, { level: 0 }];
  records['archive/version'] = [new TextEncoder().encode('3\n'), { level: 0 }];
  records['archive/byteorder'] = [new TextEncoder().encode('little'), { level: 0 }];
  // data.pkl first, as PyTorch writes it.
  const ordered: Zippable = { 'archive/data.pkl': records['archive/data.pkl'] };
  for (const k of Object.keys(records)) if (!(k in ordered)) ordered[k] = records[k];
  const bytes = zipSync(ordered);
  if (f) atomicWrite(f, bytes);
  return bytes;
}

function writeIntTuple(p: Pickler, xs: readonly number[]): void {
  if (xs.length === 0) return p.op(0x29);
  if (xs.length <= 3) {
    for (const x of xs) p.int(x);
    return p.op([0x85, 0x86, 0x87][xs.length - 1]);
  }
  p.mark();
  for (const x of xs) p.int(x);
  p.op(0x74);
}

export { tuple };
