// Hostile .npy/.npz files: each is refused with numpy's wording (or a clear message) before any
// large allocation; mutated files never crash or hang the loader.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { mutants } from '../helpers/mutants.js';
import * as torch from '../../torchlike/index.js';

const fixture = (p: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/numpy/${p}`, import.meta.url))));
const load = (b: Uint8Array) => torch.numpy.load(b);

/** An .npy image with the given header text and data bytes. */
function npy(header: string, data = new Uint8Array(0), version = 1): Uint8Array {
  const h = new TextEncoder().encode(header + '\n');
  const pre = version === 1 ? 10 : 12;
  const out = new Uint8Array(pre + h.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const dv = new DataView(out.buffer);
  if (version === 1) dv.setUint16(8, h.length, true);
  else dv.setUint32(8, h.length, true);
  out.set(h, pre);
  out.set(data, pre + h.length);
  return out;
}

describe('hostile .npy', () => {
  it("object arrays are refused with numpy's message, with or without allow_pickle", () => {
    expect(() => load(fixture('object.npy'))).toThrow(/^Object arrays cannot be loaded when allow_pickle=False$/);
    expect(() => torch.numpy.load(fixture('object.npy'), { allow_pickle: true })).toThrow('torchlike never unpickles');
    expect(() => load(fixture('object.npz'))).toThrow('o.npy: Object arrays cannot be loaded when allow_pickle=False');
    expect(() => load(new Uint8Array([0x80, 2, 0x7d, 0x71]))).toThrow('Cannot load file containing pickled data when allow_pickle=False');
  });
  it("numpy's header errors", () => {
    expect(() => load(npy("{'descr': '<f4', 'shape': (2,), }"))).toThrow("Header does not contain the correct keys: ['descr', 'shape']");
    expect(() => load(npy("{'descr': '<f4', 'fortran_order': False, 'shape': [2], }"))).toThrow('shape is not valid: [2]');
    expect(() => load(npy("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,), }"))).toThrow('fortran_order is not a valid bool: 0');
    expect(() => load(npy("{'descr': 'zz', 'fortran_order': False, 'shape': (2,), }"))).toThrow("descr is not a valid dtype descriptor: 'zz'");
    expect(() => load(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), } + __import__('os')"))).toThrow(/^Cannot parse header: /);
    expect(() => load(npy('[1, 2]'))).toThrow('Header is not a dictionary: [1, 2]');
    expect(() => load(npy("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", new Uint8Array(16)))).toThrow("can't convert np.ndarray of type numpy.complex64");
    expect(() => load(new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 4, 0, 0, 0]))).toThrow('we only support format version (1,0), (2,0), and (3,0), not (4, 0)');
    expect(() => load(new Uint8Array([0x93, 0x4e]))).toThrow('Cannot load file containing pickled data');
  });
  it('header length is bounded (numpy: 10000 characters) and checked against the file', () => {
    const long = npy(`{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }${' '.repeat(20000)}`, new Uint8Array(4), 2);
    expect(() => load(long)).toThrow('Header info length (20058) is large and may not be safe to load securely.');
    expect(torch.numpy.load(long, { max_header_size: 30000 })).toBeInstanceOf(torch.Tensor);
    const lying = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(4), 2);
    new DataView(lying.buffer).setUint32(8, 0xfffffff0, true);
    expect(() => load(lying)).toThrow(/^EOF: reading array header, expected 4294967280 bytes got \d+$/);
  });
  it('the data size is checked against the file before allocating', () => {
    expect(() => load(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000000000, 100000), }", new Uint8Array(8))))
      .toThrow('EOF: reading array data, expected 80000000000000000 bytes got 8');
    expect(() => load(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, -1), }"))).toThrow('negative dimensions are not allowed');
    expect(() => load(npy(`{'descr': '<f4', 'fortran_order': False, 'shape': ${'('.repeat(100)}1${')'.repeat(100)}, }`))).toThrow(/^Cannot parse header/);
  });
});

describe('hostile .npz', () => {
  it('a member claiming an impossible decompressed size is refused before allocating', () => {
    const good = torch.numpy.savez_compressed(null, { a: torch.zeros(1000) });
    const bad = Uint8Array.from(good);
    const dv = new DataView(bad.buffer);
    // central directory entry: patch the uncompressed size to 4 GB - 2
    for (let i = bad.length - 22; i >= 0; i--) {
      if (dv.getUint32(i, true) === 0x02014b50) {
        dv.setUint32(i + 24, 0xfffffffe, true);
        break;
      }
    }
    expect(() => load(bad)).toThrow(/impossible for \d+ deflated bytes/);
  });
  it('non-npy members and truncated archives give errors', () => {
    expect(() => load(zipSync({ 'a.npy': new TextEncoder().encode('hello') }))).toThrow("a.npy: EOF: reading magic string, expected 8 bytes got 5");
    const good = torch.numpy.savez(null, { a: torch.ones(3) });
    expect(() => load(good.subarray(0, 40))).toThrow('File is not a zip file');
  });
});


describe('numpy loaders survive mutated files', () => {
  for (const f of ['float32.npy', 'fortran.npy', 'big_endian_i8.npy', 'stored.npz', 'deflated.npz']) {
    it(f, () => {
      let rejected = 0;
      let loaded = 0;
      for (const b of mutants(fixture(f), 400, 99)) {
        try {
          load(b);
          loaded++;
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          expect((e as Error).message.length).toBeGreaterThan(0);
          rejected++;
        }
      }
      expect(loaded + rejected).toBe(400);
      expect(rejected).toBeGreaterThan(0);
    });
  }
});
