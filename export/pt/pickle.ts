// A safe unpickler and a protocol-2 pickler for PyTorch checkpoints.
// The unpickler never executes anything from the file: GLOBAL may only name an allowlisted
// constructor (like torch.load(weights_only=True)), everything else is a clear error. It uses an
// explicit stack (no recursion), so deep nesting cannot overflow, and checks every length
// against the bytes that remain.

/** Marks arrays that were Python tuples, so they are written back as tuples. */
export const TUPLE = Symbol('torchlike.tuple');
export function tuple<T>(...items: T[]): T[] {
  const a = items.slice();
  Object.defineProperty(a, TUPLE, { value: true });
  return a;
}
export const isTuple = (x: unknown): boolean => Array.isArray(x) && (x as unknown as Record<symbol, boolean>)[TUPLE] === true;

/** A reference to a Python global, as named in the pickle. */
export class PyGlobal {
  constructor(readonly module: string, readonly name: string) {}
  toString(): string {
    return `${this.module}.${this.name}`;
  }
}

export class UnpicklingError extends Error {
  override name = 'UnpicklingError';
}

export interface UnpickleHooks {
  /** Resolves an allowlisted global (throw for anything else). */
  findClass(module: string, name: string): unknown;
  /** Calls a resolved global with args (REDUCE). */
  reduce(fn: unknown, args: unknown[]): unknown;
  /** BUILD: sets state on an object. */
  build?(obj: unknown, state: unknown): unknown;
  persistentLoad(pid: unknown): unknown;
}

const MARK = Symbol('mark');
const MAX_MEMO = 1 << 24;

/** Unpickles protocol 0-5 binary opcodes used by torch.save. */
export function unpickle(buf: Uint8Array, hooks: UnpickleHooks): unknown {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const dec = new TextDecoder('utf-8', { fatal: true });
  const latin = new TextDecoder('latin1');
  let pos = 0;
  const stack: unknown[] = [];
  const marks: number[] = [];
  const memo = new Map<number, unknown>();
  const need = (n: number): void => {
    if (n < 0 || pos + n > buf.length) throw new UnpicklingError(`pickle data was truncated (needs ${n} bytes at offset ${pos}, ${buf.length - pos} left)`);
  };
  const u8 = (): number => {
    need(1);
    return buf[pos++];
  };
  const u16 = (): number => {
    need(2);
    const v = dv.getUint16(pos, true);
    pos += 2;
    return v;
  };
  const u32 = (): number => {
    need(4);
    const v = dv.getUint32(pos, true);
    pos += 4;
    return v;
  };
  const bytes = (n: number): Uint8Array => {
    need(n);
    const b = buf.subarray(pos, pos + n);
    pos += n;
    return b;
  };
  const line = (): string => {
    const end = buf.indexOf(0x0a, pos);
    if (end < 0) throw new UnpicklingError('pickle data was truncated (unterminated line)');
    const s = latin.decode(buf.subarray(pos, end));
    pos = end + 1;
    return s;
  };
  const pop = (): unknown => {
    if (stack.length === 0 || (marks.length && stack.length <= marks[marks.length - 1])) throw new UnpicklingError('unpickling stack underflow');
    return stack.pop();
  };
  const popMark = (): unknown[] => {
    const m = marks.pop();
    if (m === undefined) throw new UnpicklingError('could not find MARK');
    return stack.splice(m);
  };
  const top = (): unknown => {
    if (!stack.length) throw new UnpicklingError('unpickling stack underflow');
    return stack[stack.length - 1];
  };
  const setItems = (d: unknown, kv: unknown[]): void => {
    if (d instanceof Map) for (let i = 0; i + 1 < kv.length; i += 2) d.set(kv[i], kv[i + 1]);
    else if (d && typeof d === 'object') for (let i = 0; i + 1 < kv.length; i += 2) (d as Record<string, unknown>)[String(kv[i])] = kv[i + 1];
    else throw new UnpicklingError('SETITEMS on a non-dict');
  };
  const long = (b: Uint8Array): number => {
    if (b.length === 0) return 0;
    let v = 0n;
    for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    if (b[b.length - 1] & 0x80) v -= 1n << BigInt(8 * b.length);
    return Number(v);
  };
  const put = (i: number, v: unknown): void => {
    if (memo.size >= MAX_MEMO && !memo.has(i)) throw new UnpicklingError('pickle memo too large');
    memo.set(i, v);
  };
  const get = (i: number): unknown => {
    if (!memo.has(i)) throw new UnpicklingError(`memo key ${i} not found`);
    return memo.get(i);
  };
  for (;;) {
    const op = u8();
    switch (op) {
      case 0x80: u8(); break; // PROTO
      case 0x95: bytes(8); break; // FRAME
      case 0x2e: { // STOP
        if (stack.length !== 1 || marks.length) throw new UnpicklingError('malformed pickle: stack not empty at STOP');
        return stack[0];
      }
      case 0x28: marks.push(stack.length); break; // MARK
      case 0x7d: stack.push({}); break; // EMPTY_DICT
      case 0x5d: stack.push([]); break; // EMPTY_LIST
      case 0x29: stack.push(tuple()); break; // EMPTY_TUPLE
      case 0x74: stack.push(tuple(...popMark())); break; // TUPLE
      case 0x85: stack.push(tuple(pop())); break; // TUPLE1
      case 0x86: { const b = pop(); const a = pop(); stack.push(tuple(a, b)); break; }
      case 0x87: { const c = pop(); const b = pop(); const a = pop(); stack.push(tuple(a, b, c)); break; }
      case 0x71: put(u8(), top()); break; // BINPUT
      case 0x72: put(u32(), top()); break; // LONG_BINPUT
      case 0x94: put(memo.size, top()); break; // MEMOIZE
      case 0x68: stack.push(get(u8())); break; // BINGET
      case 0x6a: stack.push(get(u32())); break; // LONG_BINGET
      case 0x4a: { need(4); stack.push(dv.getInt32(pos, true)); pos += 4; break; } // BININT
      case 0x4b: stack.push(u8()); break; // BININT1
      case 0x4d: stack.push(u16()); break; // BININT2
      case 0x8a: stack.push(long(bytes(u8()))); break; // LONG1
      case 0x8b: { const n = u32(); stack.push(long(bytes(n))); break; } // LONG4
      case 0x47: { need(8); stack.push(dv.getFloat64(pos, false)); pos += 8; break; } // BINFLOAT
      case 0x4e: stack.push(null); break; // NONE
      case 0x88: stack.push(true); break; // NEWTRUE
      case 0x89: stack.push(false); break; // NEWFALSE
      case 0x58: { const n = u32(); stack.push(dec.decode(bytes(n))); break; } // BINUNICODE
      case 0x8c: { const n = u8(); stack.push(dec.decode(bytes(n))); break; } // SHORT_BINUNICODE
      case 0x8d: { need(8); const n = Number(dv.getBigUint64(pos, true)); pos += 8; stack.push(dec.decode(bytes(n))); break; } // BINUNICODE8
      case 0x55: { const n = u8(); stack.push(latin.decode(bytes(n))); break; } // SHORT_BINSTRING
      case 0x54: { const n = u32(); stack.push(latin.decode(bytes(n))); break; } // BINSTRING
      case 0x43: { const n = u8(); stack.push(bytes(n).slice()); break; } // SHORT_BINBYTES
      case 0x42: { const n = u32(); stack.push(bytes(n).slice()); break; } // BINBYTES
      case 0x63: { const mod = line(); const name = line(); stack.push(hooks.findClass(mod, name)); break; } // GLOBAL
      case 0x93: { const name = pop(); const mod = pop(); stack.push(hooks.findClass(String(mod), String(name))); break; } // STACK_GLOBAL
      case 0x52: { const args = pop(); const fn = pop(); if (!Array.isArray(args)) throw new UnpicklingError('REDUCE arguments are not a tuple'); stack.push(hooks.reduce(fn, args)); break; }
      case 0x62: { const state = pop(); const obj = pop(); stack.push(hooks.build ? hooks.build(obj, state) : obj); break; } // BUILD
      case 0x73: { const v = pop(); const k = pop(); setItems(top(), [k, v]); break; } // SETITEM
      case 0x75: { const kv = popMark(); setItems(top(), kv); break; } // SETITEMS
      case 0x61: { const v = pop(); const l = top(); if (!Array.isArray(l)) throw new UnpicklingError('APPEND on a non-list'); l.push(v); break; }
      case 0x65: { const vs = popMark(); const l = top(); if (!Array.isArray(l)) throw new UnpicklingError('APPENDS on a non-list'); for (const v of vs) l.push(v); break; }
      case 0x51: stack.push(hooks.persistentLoad(pop())); break; // BINPERSID
      case 0x8f: stack.push(new Set()); break; // EMPTY_SET
      case 0x90: { const vs = popMark(); const s = top(); if (!(s instanceof Set)) throw new UnpicklingError('ADDITEMS on a non-set'); for (const v of vs) s.add(v); break; }
      case 0x91: stack.push(new Set(popMark())); break; // FROZENSET
      default:
        throw new UnpicklingError(`unsupported pickle opcode 0x${op.toString(16)} at offset ${pos - 1}`);
    }
    void MARK;
  }
}

/** Builds protocol-2 pickles. */
export class Pickler {
  private parts: number[] = [];
  private readonly enc = new TextEncoder();
  constructor() {
    this.parts.push(0x80, 2);
  }
  private u32(v: number): void {
    this.parts.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  }
  str(s: string): void {
    const b = this.enc.encode(s);
    this.parts.push(0x58);
    this.u32(b.length);
    for (const x of b) this.parts.push(x);
  }
  int(v: number): void {
    if (!Number.isInteger(v)) throw new Error(`not an integer: ${v}`);
    if (v >= 0 && v < 256) this.parts.push(0x4b, v);
    else if (v >= 0 && v < 65536) this.parts.push(0x4d, v & 0xff, v >> 8);
    else if (v >= -(2 ** 31) && v < 2 ** 31) {
      this.parts.push(0x4a);
      this.u32(v >>> 0);
    } else {
      // LONG1: little-endian two's complement
      let b = BigInt(v);
      const out: number[] = [];
      for (let i = 0; i < 9; i++) {
        out.push(Number(b & 0xffn));
        b >>= 8n;
      }
      while (out.length > 1 && ((out[out.length - 1] === 0 && !(out[out.length - 2] & 0x80)) || (out[out.length - 1] === 0xff && out[out.length - 2] & 0x80))) out.pop();
      this.parts.push(0x8a, out.length, ...out);
    }
  }
  float(v: number): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, false);
    this.parts.push(0x47, ...b);
  }
  op(...codes: number[]): void {
    this.parts.push(...codes);
  }
  global(module: string, name: string): void {
    this.parts.push(0x63, ...this.enc.encode(`${module}\n${name}\n`));
  }
  mark(): void {
    this.parts.push(0x28);
  }
  finish(): Uint8Array {
    this.parts.push(0x2e);
    return Uint8Array.from(this.parts);
  }
}
