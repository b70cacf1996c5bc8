// .npy read/write (numpy/lib/format.py, format versions 1.0-3.0). Reading trusts nothing: header
// length bounded (numpy's 10000 characters), data size checked against the file before allocating,
// object (pickled) arrays refused.
import { type DType } from '../../src/dtype.js';
import { numel } from '../../src/shape.js';
import { Tensor } from '../../src/tensor.js';
import { tensor as makeTensor } from '../../src/creation.js';
import { descrOf, dtypeOfCode, NUMPY_NAMES } from './dtypes.js';
import { parseLiteral, pyRepr, Tuple, writeHeader, type PyValue } from './header.js';

export interface NpyLoadOptions {
  /** numpy's switch for object arrays; torchlike never unpickles, so these are refused either way */
  allow_pickle?: boolean;
  /** longest header accepted, in characters (numpy's default 10000) */
  max_header_size?: number;
}

/** numpy's ValueError, with numpy's messages. */
export class NumpyFormatError extends Error {
  override name = 'ValueError';
}
const fail = (m: string): never => {
  throw new NumpyFormatError(m);
};

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
const pyBytes = (b: Uint8Array): string => {
  let s = '';
  for (const c of b) s += c === 0x27 || c === 0x5c ? `\\${String.fromCharCode(c)}` : c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`;
  return `b'${s}'`;
};

function eof(what: string, want: number, got: number): never {
  return fail(`EOF: reading ${what}, expected ${want} bytes got ${Math.max(0, got)}`);
}

/** The dtype for a header's descr, with numpy's / PyTorch's errors for what torchlike can't hold. */
function dtypeOfDescr(descr: PyValue, allowPickle: boolean): { dtype: DType; swap: boolean } {
  const refuseObject = (): never =>
    fail(allowPickle ? 'Object arrays cannot be loaded: torchlike never unpickles (nothing in a file runs)' : 'Object arrays cannot be loaded when allow_pickle=False');
  if (Array.isArray(descr)) {
    // a structured dtype: refuse, but say "object" when a field holds Python objects, as numpy would
    if (JSON.stringify(descr.map((f) => (f instanceof Tuple ? f.items.map(String) : String(f)))).includes('O')) refuseObject();
    return fail("can't convert np.ndarray of type numpy.void. The only supported types are: float64, float32, float16, complex64, complex128, int64, int32, int16, int8, uint8, and bool.");
  }
  const m = typeof descr === 'string' ? /^([<>|=]?)([a-zA-Z])(\d*)$/.exec(descr) : null;
  if (!m || !'biufcmMOSUVa?'.includes(m[2])) return fail(`descr is not a valid dtype descriptor: ${pyRepr(descr)}`);
  if (m[2] === 'O') refuseObject();
  const code = (m[2] === '?' ? 'b' : m[2]) + (m[3] || (m[2] === '?' || m[2] === 'b' ? '1' : ''));
  const dtype = dtypeOfCode(code);
  if (!dtype) {
    const np = NUMPY_NAMES[code] ?? (m[2] === 'U' ? 'str_' : m[2] === 'S' ? 'bytes_' : m[2] === 'V' ? 'void' : m[2] === 'M' ? 'datetime64' : 'object_');
    return fail(`can't convert np.ndarray of type numpy.${np}. The only supported types are: float64, float32, float16, complex64, complex128, int64, int32, int16, int8, uint8, and bool.`);
  }
  return { dtype, swap: m[1] === '>' && dtype.itemsize > 1 };
}

/** Parses one .npy image into a Tensor (Fortran-order files keep Fortran strides, as torch.from_numpy). */
export function readNpy(buf: Uint8Array, opts: NpyLoadOptions = {}): Tensor {
  if (buf.length < 8) eof('magic string', 8, buf.length);
  if (MAGIC.some((c, i) => buf[i] !== c)) fail(`the magic string is not correct; expected b'\\x93NUMPY', got ${pyBytes(buf.subarray(0, 6))}`);
  const [major, minor] = [buf[6], buf[7]];
  if (!((major === 1 || major === 2 || major === 3) && minor === 0)) fail(`we only support format version (1,0), (2,0), and (3,0), not (${major}, ${minor})`);
  const lenBytes = major === 1 ? 2 : 4;
  if (buf.length < 8 + lenBytes) eof('array header length', lenBytes, buf.length - 8);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const hlen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  const start = 8 + lenBytes;
  if (start + hlen > buf.length) eof('array header', hlen, buf.length - start);
  const maxHeader = opts.max_header_size ?? 10000;
  // a header of more bytes than allowed characters may still be short in UTF-8; bound bytes at 4x
  if (hlen > maxHeader * 4) fail(headerTooLarge(hlen));
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(buf.subarray(start, start + hlen));
  if (header.length > maxHeader) fail(headerTooLarge(header.length));
  let d: PyValue;
  try {
    d = parseLiteral(header);
  } catch {
    return fail(`Cannot parse header: ${pyRepr(header)}`);
  }
  if (!(d instanceof Map)) return fail(`Header is not a dictionary: ${pyRepr(d)}`);
  const keys = [...d.keys()];
  if (keys.length !== 3 || !['descr', 'fortran_order', 'shape'].every((k) => d.has(k))) {
    fail(`Header does not contain the correct keys: ${pyRepr([...keys].sort((a, b) => (String(a) < String(b) ? -1 : 1)))}`);
  }
  const shapeV = d.get('shape')!;
  if (!(shapeV instanceof Tuple) || !shapeV.items.every((x) => typeof x === 'number')) fail(`shape is not valid: ${pyRepr(shapeV)}`);
  const fortran = d.get('fortran_order');
  if (typeof fortran !== 'boolean') return fail(`fortran_order is not a valid bool: ${pyRepr(fortran!)}`);
  const { dtype, swap } = dtypeOfDescr(d.get('descr')!, opts.allow_pickle ?? false);
  const shape = (shapeV as Tuple).items as number[];
  if (shape.some((s) => s < 0)) fail('negative dimensions are not allowed');
  if (shape.some((s) => !Number.isSafeInteger(s))) fail('array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.');
  const dataStart = start + hlen;
  const count = numel(shape);
  const nbytes = count * dtype.itemsize;
  if (nbytes > buf.length - dataStart) eof('array data', nbytes, buf.length - dataStart);
  const data = new dtype.array(count);
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  bytes.set(buf.subarray(dataStart, dataStart + nbytes));
  if (swap) byteswap(bytes, dtype.itemsize);
  if (dtype.name === 'bool') for (let i = 0; i < bytes.length; i++) bytes[i] = bytes[i] ? 1 : 0;
  if (!fortran || shape.length < 2) return new Tensor(data, shape, dtype);
  const strides: number[] = [];
  let s = 1;
  for (const n of shape) {
    strides.push(s);
    s *= n;
  }
  return new Tensor(data, shape, dtype, strides);
}

function headerTooLarge(n: number): string {
  return `Header info length (${n}) is large and may not be safe to load securely.\nTo allow loading, adjust \`max_header_size\` or fully trust the \`.npy\` file using \`allow_pickle=True\`.\nFor safety against large resource use or crashes, sandboxing may be necessary.`;
}

function byteswap(b: Uint8Array, size: number): void {
  for (let i = 0; i < b.length; i += size) b.subarray(i, i + size).reverse();
}

/** True when the strides are column-major (dims of size 1 ignored), as numpy's F_CONTIGUOUS. */
function isFortran(t: Tensor): boolean {
  if (t.dim() < 2 || t.is_contiguous()) return false;
  const st = t.stride() as number[];
  let want = 1;
  for (let i = 0; i < t.dim(); i++) {
    if (t.shape[i] !== 1 && st[i] !== want) return false;
    want *= t.shape[i];
  }
  return true;
}

/** A value numpy.save would accept: a Tensor, or numbers/booleans (nested) as torch.tensor makes them. */
export function asTensor(x: unknown): Tensor {
  return x instanceof Tensor ? x : makeTensor(x as never);
}

/** The .npy image of a tensor, byte for byte what numpy.save writes for the same array. */
export function writeNpy(x: unknown): Uint8Array {
  const t = asTensor(x).detach();
  const descr = descrOf(t.dtype);
  if (!descr) throw new TypeError(`Got unsupported ScalarType ${t.dtype.scalarName}`);
  const fortran = isFortran(t);
  const data = fortran ? t.permute([...Array(t.dim()).keys()].reverse())._data : t._data;
  const head = writeHeader(descr, fortran, t.shape);
  const out = new Uint8Array(head.length + data.byteLength);
  out.set(head);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), head.length);
  return out;
}
