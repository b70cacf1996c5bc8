// safetensors (https://huggingface.co/docs/safetensors): an 8-byte little-endian header length,
// a JSON header {name: {dtype, shape, data_offsets}, __metadata__?}, then the raw bytes.
import { readFileSync } from 'node:fs';
import { bfloat16, bool, type DType, float16, float32, float64, int16, int32, int64, int8, uint8 } from '../src/dtype.js';
import { numel } from '../src/shape.js';
import { Tensor } from '../src/tensor.js';
import { atomicWrite } from './atomic.js';

const CODES: Record<string, DType> = { F32: float32, F64: float64, I32: int32, I64: int64, BOOL: bool, F16: float16, BF16: bfloat16, U8: uint8, I8: int8, I16: int16 };
const CODE_OF = new Map<DType, string>(Object.entries(CODES).map(([k, v]) => [v, k]));
const MAX_HEADER = 100_000_000; // the reference implementation's limit

export class SafetensorError extends Error {
  override name = 'SafetensorError';
}

/**
 * Writes tensors to a .safetensors file (atomically), in the reference layout: keys sorted by
 * dtype alignment then name, header padded to 8 bytes.
 * @example
 * torch.safetensors.save_file(model.state_dict(), 'model.safetensors');
 */
export function save_file(tensors: Record<string, Tensor>, filename?: string | null, metadata?: Record<string, string>): Uint8Array {
  const names = Object.keys(tensors).sort((a, b) => tensors[b].dtype.itemsize - tensors[a].dtype.itemsize || (a < b ? -1 : a > b ? 1 : 0));
  const header: Record<string, unknown> = {};
  if (metadata) header.__metadata__ = metadata;
  let off = 0;
  for (const n of names) {
    const t = tensors[n];
    if (!(t instanceof Tensor)) throw new SafetensorError(`${n} is not a tensor`);
    const code = CODE_OF.get(t.dtype);
    if (!code) throw new SafetensorError(`unsupported dtype ${t.dtype}`);
    const len = t._data.byteLength;
    header[n] = { dtype: code, shape: t._shape, data_offsets: [off, off + len] };
    off += len;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((8 + Buffer.byteLength(json)) % 8)) % 8);
  const hb = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + hb.length + off);
  new DataView(out.buffer).setBigUint64(0, BigInt(hb.length), true);
  out.set(hb, 8);
  let p = 8 + hb.length;
  for (const n of names) {
    const d = tensors[n]._data;
    out.set(new Uint8Array(d.buffer, d.byteOffset, d.byteLength), p);
    p += d.byteLength;
  }
  if (filename) atomicWrite(filename, out);
  return out;
}

/** Top-level keys of a JSON object, in order, including duplicates (JSON.parse hides them). */
function topLevelKeys(json: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      let j = i + 1;
      while (j < json.length && json[j] !== '"') j += json[j] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) keys.push(JSON.parse(json.slice(i, j + 1)));
      expectKey = false;
      i = j;
    } else if (c === '{' || c === '[') {
      depth++;
      expectKey = c === '{' && depth === 1;
    } else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 1) expectKey = true;
  }
  return keys;
}

/**
 * Reads a .safetensors file (or bytes) into a {name: Tensor} object. Every length and offset is
 * checked against the file before anything is allocated.
 * @example
 * const sd = torch.safetensors.load_file('model.safetensors');
 */
export function load_file(filename: string | Uint8Array): Record<string, Tensor> {
  const what = typeof filename === 'string' ? filename : '<bytes>';
  const fail = (m: string): never => {
    throw new SafetensorError(`${what}: ${m}`);
  };
  let buf: Uint8Array;
  try {
    buf = typeof filename === 'string' ? readFileSync(filename) : filename;
  } catch (e) {
    return fail((e as Error).message);
  }
  if (buf.length < 8) fail('file too small for a safetensors header');
  const n = Number(new DataView(buf.buffer, buf.byteOffset, 8).getBigUint64(0, true));
  if (n > MAX_HEADER) fail(`header too large (${n} bytes)`);
  if (8 + n > buf.length) fail(`header length ${n} points past the end of the file (${buf.length} bytes)`);
  let json: string;
  let header: Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(8, 8 + n));
    header = JSON.parse(json);
  } catch (e) {
    return fail(`invalid header JSON: ${(e as Error).message}`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) fail('header is not a JSON object');
  const keys = topLevelKeys(json);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup !== undefined) fail(`duplicate tensor name '${dup}' in header`);
  const dataLen = buf.length - 8 - n;
  const ranges: [number, number, string][] = [];
  const out: Record<string, Tensor> = {};
  for (const name of Object.keys(header)) {
    if (name === '__metadata__') continue;
    const info = header[name];
    const dtype = CODES[info?.dtype];
    if (!dtype) fail(`tensor '${name}' has unsupported dtype ${JSON.stringify(info?.dtype)}`);
    const shape = info.shape;
    if (!Array.isArray(shape) || shape.some((s) => !Number.isSafeInteger(s) || s < 0)) fail(`tensor '${name}' has an invalid shape`);
    const [s, e] = Array.isArray(info.data_offsets) ? info.data_offsets : [NaN, NaN];
    if (!Number.isSafeInteger(s) || !Number.isSafeInteger(e) || s < 0 || e < s || e > dataLen) fail(`tensor '${name}' has data offsets [${s}, ${e}] outside the data (${dataLen} bytes)`);
    if (numel(shape) * dtype.itemsize !== e - s) fail(`tensor '${name}' of shape [${shape.join(', ')}] does not fit its ${e - s} bytes`);
    ranges.push([s, e, name]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ranges.length; i++) if (ranges[i][0] < ranges[i - 1][1]) fail(`tensors '${ranges[i - 1][2]}' and '${ranges[i][2]}' overlap`);
  for (const [s, e, name] of ranges) {
    const info = header[name];
    const dtype = CODES[info.dtype];
    const data = new dtype.array((e - s) / dtype.itemsize);
    new Uint8Array(data.buffer).set(buf.subarray(8 + n + s, 8 + n + e));
    out[name] = new Tensor(data, info.shape.slice(), dtype);
  }
  return out;
}
