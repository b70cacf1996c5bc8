import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';

const enc = (header: object, data: Uint8Array, pad = true) => {
  let json = JSON.stringify(header);
  if (pad) json += ' '.repeat((8 - ((8 + json.length) % 8)) % 8);
  const hb = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + hb.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(hb.length), true);
  out.set(hb, 8);
  out.set(data, 8 + hb.length);
  return out;
};

describe('safetensors', () => {
  it('round-trips every dtype with the reference layout (8-byte aligned header, sorted by alignment)', () => {
    const sd = {
      b: torch.tensor([true, false]),
      w: torch.tensor([[1.5, -2.25]], { dtype: torch.float32 }),
      d: torch.tensor([Math.PI], { dtype: torch.float64 }),
      i: torch.tensor([1, -2, 3], { dtype: torch.int32 }),
      l: torch.tensor([2 ** 40]),
    };
    const bytes = torch.safetensors.save_file(sd, null, { format: 'pt' });
    const n = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect((8 + n) % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
    expect(header.__metadata__).toEqual({ format: 'pt' });
    expect(header.w).toEqual({ dtype: 'F32', shape: [1, 2], data_offsets: expect.any(Array) });
    expect(Object.keys(header).filter((k) => k !== '__metadata__')).toEqual(['d', 'l', 'i', 'w', 'b']);
    const back = torch.safetensors.load_file(bytes);
    for (const [k, t] of Object.entries(sd)) {
      expect(back[k].dtype).toBe(t.dtype);
      expect(back[k].tolist()).toEqual(t.tolist());
    }
  });
  it('reads a file laid out by hand as the spec describes', () => {
    const data = new Uint8Array(new Float32Array([1, 2, 3, 4]).buffer);
    const sd = torch.safetensors.load_file(enc({ x: { dtype: 'F32', shape: [2, 2], data_offsets: [0, 16] } }, data));
    expect(sd.x.tolist()).toEqual([[1, 2], [3, 4]]);
  });
  it('rejects hostile headers with a clear error', () => {
    const data = new Uint8Array(16);
    const bad: [object | Uint8Array, RegExp][] = [
      [new Uint8Array(4), /too small/],
      [(() => { const b = new Uint8Array(16); new DataView(b.buffer).setBigUint64(0, 1n << 40n, true); return b; })(), /header too large/],
      [(() => { const b = new Uint8Array(16); new DataView(b.buffer).setBigUint64(0, 1000n, true); return b; })(), /points past the end/],
      [{ x: { dtype: 'F32', shape: [2, 2], data_offsets: [0, 1 << 30] } }, /outside the data/],
      [{ x: { dtype: 'F32', shape: [1 << 20], data_offsets: [0, 16] } }, /does not fit/],
      [{ x: { dtype: 'F32', shape: [2], data_offsets: [0, 8] }, y: { dtype: 'F32', shape: [2], data_offsets: [4, 12] } }, /overlap/],
      [{ x: { dtype: 'Q8', shape: [2], data_offsets: [0, 8] } }, /unsupported dtype/],
    ];
    for (const [h, re] of bad) expect(() => torch.safetensors.load_file(h instanceof Uint8Array ? h : enc(h, data))).toThrow(re);
    const dupJson = '{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"x":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}';
    const hb = new TextEncoder().encode(dupJson);
    const b = new Uint8Array(8 + hb.length + 8);
    new DataView(b.buffer).setBigUint64(0, BigInt(hb.length), true);
    b.set(hb, 8);
    expect(() => torch.safetensors.load_file(b)).toThrow(/duplicate tensor name 'x'/);
  });
});
