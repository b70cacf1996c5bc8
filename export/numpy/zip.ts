// A bounded zip reader for .npz: reads the central directory (zip64 included, as numpy writes
// with force_zip64), checks every offset and size against the file, inflates each member into a
// buffer of its declared size (deflate cannot expand more than 1032:1, so that bounds allocation).
import { inflateSync } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export class BadZipFile extends Error {
  override name = 'BadZipFile';
}
const fail = (m: string): never => {
  throw new BadZipFile(m);
};

const MAX_RATIO = 1032;
const MAX_ENTRIES = 65536;

/** The members of a zip archive, decompressed (stored and deflated members only). */
export function readZip(buf: Uint8Array, maxBytes = 2 ** 32): ZipEntry[] {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // end of central directory: last 22..(22 + 65535) bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail('File is not a zip file');
  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOff = dv.getUint32(eocd + 16, true);
  if (eocd >= 20 && dv.getUint32(eocd - 20, true) === 0x07064b50) {
    const loc = Number(dv.getBigUint64(eocd - 12, true));
    if (loc + 56 > buf.length || dv.getUint32(loc, true) !== 0x06064b50) fail('Corrupt zip64 end of central directory record');
    count = Number(dv.getBigUint64(loc + 32, true));
    cdSize = Number(dv.getBigUint64(loc + 40, true));
    cdOff = Number(dv.getBigUint64(loc + 48, true));
  }
  if (count > MAX_ENTRIES) fail(`too many members (${count})`);
  if (cdOff + cdSize > buf.length) fail('Truncated central directory');
  const out: ZipEntry[] = [];
  let p = cdOff;
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || dv.getUint32(p, true) !== 0x02014b50) fail('Bad magic number for central directory');
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    let csize = dv.getUint32(p + 20, true);
    let usize = dv.getUint32(p + 24, true);
    const nlen = dv.getUint16(p + 28, true);
    const xlen = dv.getUint16(p + 30, true);
    const clen = dv.getUint16(p + 32, true);
    let lho = dv.getUint32(p + 42, true);
    if (p + 46 + nlen + xlen + clen > buf.length) fail('Truncated central directory');
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(buf.subarray(p + 46, p + 46 + nlen));
    // zip64 extra field: the 0xFFFFFFFF fields, in order usize, csize, offset
    for (let x = p + 46 + nlen; x + 4 <= p + 46 + nlen + xlen;) {
      const id = dv.getUint16(x, true);
      const sz = dv.getUint16(x + 2, true);
      if (id === 1) {
        let q = x + 4;
        const next = (): number => {
          if (q + 8 > x + 4 + sz) fail('Corrupt extra field');
          const v = Number(dv.getBigUint64(q, true));
          q += 8;
          return v;
        };
        if (usize === 0xffffffff) usize = next();
        if (csize === 0xffffffff) csize = next();
        if (lho === 0xffffffff) lho = next();
      }
      x += 4 + sz;
    }
    p += 46 + nlen + xlen + clen;
    if (flags & 1) fail(`${name}: encrypted members are not supported`);
    if (lho + 30 > buf.length || dv.getUint32(lho, true) !== 0x04034b50) fail(`Bad magic number for file header of ${name}`);
    const dataStart = lho + 30 + dv.getUint16(lho + 26, true) + dv.getUint16(lho + 28, true);
    if (dataStart + csize > buf.length) fail(`${name}: member data runs past the end of the file`);
    const comp = buf.subarray(dataStart, dataStart + csize);
    total += usize;
    if (total > maxBytes) fail(`members decompress to more than ${maxBytes} bytes`);
    let data: Uint8Array;
    if (method === 0) {
      if (usize !== csize) fail(`${name}: stored member sizes disagree`);
      data = comp;
    } else if (method === 8) {
      if (usize > csize * MAX_RATIO + 64) fail(`${name}: declared size ${usize} is impossible for ${csize} deflated bytes`);
      const dst = new Uint8Array(usize);
      let got: Uint8Array;
      try {
        got = inflateSync(comp, { out: dst });
      } catch (e) {
        return fail(`${name}: Error -3 while decompressing data: ${(e as Error).message}`);
      }
      if (got.length !== usize) fail(`${name}: decompressed ${got.length} bytes, the directory says ${usize}`);
      data = got;
    } else return fail(`That compression method is not supported (${method})`);
    out.push({ name, data });
  }
  return out;
}
