// .npz: a zip of <name>.npy members (numpy.savez stores, savez_compressed deflates).
import { zipSync, type Zippable } from 'fflate';
import type { Tensor } from '../../src/tensor.js';
import { readNpy, writeNpy, type NpyLoadOptions } from './npy.js';
import { readZip } from './zip.js';

/** {name: Tensor} of an .npz image; member names lose their '.npy' as numpy's NpzFile keys do. */
export function readNpz(buf: Uint8Array, opts: NpyLoadOptions = {}): Record<string, Tensor> {
  const out: Record<string, Tensor> = Object.create(null);
  for (const { name, data } of readZip(buf)) {
    const key = name.endsWith('.npy') ? name.slice(0, -4) : name;
    try {
      out[key] = readNpy(data, opts);
    } catch (e) {
      (e as Error).message = `${name}: ${(e as Error).message}`;
      throw e;
    }
  }
  return { ...out };
}

/** The .npz image of named arrays; `compressed` deflates each member (savez_compressed). */
export function writeNpz(arrays: Record<string, unknown>, compressed: boolean): Uint8Array {
  const files: Zippable = {};
  for (const [k, v] of Object.entries(arrays)) files[`${k}.npy`] = [writeNpy(v), { level: compressed ? 6 : 0 }];
  return zipSync(files);
}
