// torchlike.numpy: numpy.load / save / savez / savez_compressed for .npy and .npz files.
import { readFileSync } from 'node:fs';
import { Tensor } from '../../src/tensor.js';
import { atomicWrite } from '../atomic.js';
import { NumpyFormatError, readNpy, writeNpy, type NpyLoadOptions } from './npy.js';
import { readNpz, writeNpz } from './npz.js';

export { NumpyFormatError, type NpyLoadOptions };
export { BadZipFile } from './zip.js';

const isNpz = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
const isNpy = (b: Uint8Array) => b.length >= 6 && b[0] === 0x93 && String.fromCharCode(...b.subarray(1, 6)) === 'NUMPY';

/**
 * numpy.load(file): a Tensor for an .npy file, a {name: Tensor} object for an .npz file.
 * Every dtype torchlike has; C and Fortran order (Fortran files keep column-major strides, as
 * torch.from_numpy); big-endian data converted. Object (pickled) arrays are refused: nothing in
 * a file runs.
 * @example
 * const x = torchlike.numpy.load('ref.npy');           // np.load('ref.npy')
 * const { logits } = torchlike.numpy.load('out.npz');  // np.load('out.npz')['logits']
 */
export function load(file: string | Uint8Array, opts: NpyLoadOptions = {}): Tensor | Record<string, Tensor> {
  const buf = typeof file === 'string' ? readFileSync(file) : file;
  if (isNpz(buf)) return readNpz(buf, opts);
  if (isNpy(buf)) return readNpy(buf, opts);
  if (!opts.allow_pickle) throw new NumpyFormatError('Cannot load file containing pickled data when allow_pickle=False');
  throw new NumpyFormatError(`Failed to interpret file ${JSON.stringify(typeof file === 'string' ? file : '<bytes>')} as a pickle`);
}

const withExt = (file: string, ext: string) => (file.endsWith(ext) ? file : file + ext);

/**
 * numpy.save(file, arr): writes one tensor as .npy ('.npy' is appended when missing), byte for
 * byte what numpy writes. Fortran-contiguous tensors are saved with fortran_order=True.
 * Returns the file's bytes (`file` null: only the bytes).
 * @example
 * torchlike.numpy.save('x.npy', torch.arange(6).reshape(2, 3));
 */
export function save(file: string | null, arr: unknown): Uint8Array {
  const bytes = writeNpy(arr);
  if (file) atomicWrite(withExt(file, '.npy'), bytes);
  return bytes;
}

type Arrays = (Tensor | unknown[] | number | boolean | Record<string, unknown>)[];
/** numpy's naming: positional arrays are arr_0, arr_1...; a trailing plain object gives names. */
function named(args: Arrays): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let i = 0;
  for (const a of args) {
    if (a !== null && typeof a === 'object' && !(a instanceof Tensor) && !Array.isArray(a)) {
      for (const [k, v] of Object.entries(a)) {
        if (k in out) throw new TypeError(`Cannot use un-named variables and keyword ${k}`);
        out[k] = v;
      }
    } else out[`arr_${i++}`] = a;
  }
  return out;
}

/**
 * numpy.savez(file, *args, **kwds): several tensors in one uncompressed .npz ('.npz' appended).
 * @example
 * torchlike.numpy.savez('refs.npz', { input: x, logits: y });   // np.savez('refs.npz', input=x, logits=y)
 */
export function savez(file: string | null, ...args: Arrays): Uint8Array {
  const bytes = writeNpz(named(args), false);
  if (file) atomicWrite(withExt(file, '.npz'), bytes);
  return bytes;
}

/**
 * numpy.savez_compressed(file, *args, **kwds): as savez, each member deflated.
 * @example
 * torchlike.numpy.savez_compressed('refs.npz', model.state_dict());
 */
export function savez_compressed(file: string | null, ...args: Arrays): Uint8Array {
  const bytes = writeNpz(named(args), true);
  if (file) atomicWrite(withExt(file, '.npz'), bytes);
  return bytes;
}
