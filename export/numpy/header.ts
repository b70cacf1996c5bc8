// The .npy header: a Python dict literal. Parsed by a small literal reader (never evaluated),
// written byte for byte as numpy 1.24 writes it.
import { pyStr } from '../../torchlike/testing/pyrepr.js';

export class Tuple {
  constructor(readonly items: PyValue[]) {}
}
export type PyValue = string | number | boolean | null | PyValue[] | Tuple | Map<PyValue, PyValue>;

/** repr() of a parsed literal, for numpy's error messages. */
export function pyRepr(v: PyValue): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return pyStr(v);
  if (typeof v === 'number') return String(v);
  if (v instanceof Tuple) return v.items.length === 1 ? `(${pyRepr(v.items[0])},)` : `(${v.items.map(pyRepr).join(', ')})`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  return `{${[...v].map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
}

const MAX_DEPTH = 32;

/** Parses a Python literal made of dicts, tuples, lists, strings, ints, True/False/None. */
export function parseLiteral(src: string): PyValue {
  let i = 0;
  const syntax = (): never => {
    throw new SyntaxError(`invalid syntax at offset ${i}`);
  };
  const ws = () => {
    while (i < src.length && ' \t\n\r'.includes(src[i])) i++;
  };
  const value = (depth: number): PyValue => {
    if (depth > MAX_DEPTH) syntax();
    ws();
    const c = src[i];
    if (c === '{' || c === '(' || c === '[') {
      const close = c === '{' ? '}' : c === '(' ? ')' : ']';
      i++;
      const items: PyValue[] = [];
      const map = new Map<PyValue, PyValue>();
      let commas = 0;
      for (;;) {
        ws();
        if (src[i] === close) {
          i++;
          break;
        }
        const k = value(depth + 1);
        if (c === '{') {
          ws();
          if (src[i++] !== ':') syntax();
          if (typeof k === 'object' && k !== null && !(k instanceof Tuple)) syntax(); // unhashable key
          map.set(k, value(depth + 1));
        } else items.push(k);
        ws();
        if (src[i] === ',') {
          i++;
          commas++;
        } else if (src[i] !== close) syntax();
      }
      if (c === '{') return map;
      if (c === '[') return items;
      return items.length === 1 && commas === 0 ? items[0] : new Tuple(items);
    }
    if (c === "'" || c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\') {
          const e = src[++i];
          s += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
        } else s += src[i];
        i++;
      }
      if (i >= src.length) syntax();
      i++;
      return s;
    }
    const m = /^(-?\d+)L?|^(True|False|None)\b/.exec(src.slice(i, i + 40));
    if (!m) return syntax();
    i += m[0].length;
    if (m[1] !== undefined) return Number(m[1]);
    return m[2] === 'True' ? true : m[2] === 'False' ? false : null;
  };
  const v = value(0);
  ws();
  if (i !== src.length) syntax();
  return v;
}

const ALIGN = 64;
const GROWTH_AXIS_MAX_DIGITS = 21;

/** numpy's header bytes (magic, version, length, dict, padding, newline) for one array. */
export function writeHeader(descr: string, fortran: boolean, shape: readonly number[]): Uint8Array {
  const shapeRepr = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let h = `{'descr': ${pyStr(descr)}, 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shapeRepr}, }`;
  if (shape.length) h += ' '.repeat(GROWTH_AXIS_MAX_DIGITS - String(shape[fortran ? shape.length - 1 : 0]).length);
  const body = new TextEncoder().encode(h);
  const hlen = body.length + 1;
  const v1 = hlen + ALIGN - ((10 + hlen) % ALIGN) <= 0xffff; // else format 2.0 (4-byte length)
  const pre = v1 ? 10 : 12;
  const pad = ALIGN - ((pre + hlen) % ALIGN);
  const out = new Uint8Array(pre + hlen + pad);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, v1 ? 1 : 2, 0]);
  const dv = new DataView(out.buffer);
  if (v1) dv.setUint16(8, hlen + pad, true);
  else dv.setUint32(8, hlen + pad, true);
  out.set(body, pre);
  out.fill(0x20, pre + body.length, out.length - 1);
  out[out.length - 1] = 0x0a;
  return out;
}
