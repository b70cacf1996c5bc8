// Reads any tensor file the CLI understands (.pt, .safetensors, .npy, .npz) into flat
// {key: Tensor}; nested .pt containers become dotted keys, non-tensor leaves are kept apart.
import { extname } from 'node:path';
import { load as loadPt } from '../export/pt/index.js';
import { load_file } from '../export/safetensors.js';
import { load as loadNumpy } from '../export/numpy/index.js';
import { Tensor } from '../src/tensor.js';

export type Format = 'pt' | 'safetensors' | 'npy' | 'npz' | 'onnx';
export const TENSOR_FORMATS: readonly Format[] = ['pt', 'safetensors', 'npy', 'npz'];

export interface TensorFile {
  format: Format;
  tensors: Map<string, Tensor>;
  /** non-tensor leaves of a .pt file (epoch numbers, strings...), by dotted key */
  other: Map<string, unknown>;
}

export class BadInput extends Error {
  override name = 'BadInput';
}

/** The format from the file extension (.pth and .bin count as .pt). */
export function formatOf(path: string): Format {
  const e = extname(path).toLowerCase();
  if (e === '.pt' || e === '.pth' || e === '.bin' || e === '.ckpt') return 'pt';
  if (e === '.safetensors') return 'safetensors';
  if (e === '.npy') return 'npy';
  if (e === '.npz') return 'npz';
  if (e === '.onnx') return 'onnx';
  throw new BadInput(`${path}: unknown file type '${e || '(none)'}' (expected .pt, .safetensors, .npy, .npz or .onnx)`);
}

function flatten(x: unknown, prefix: string, f: TensorFile, depth = 0): void {
  if (x instanceof Tensor) f.tensors.set(prefix, x);
  else if (depth < 64 && x !== null && typeof x === 'object' && !(x instanceof Uint8Array)) {
    const entries = x instanceof Map ? [...x.entries()] : Object.entries(x as object);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${String(k)}` : String(k), f, depth + 1);
  } else f.other.set(prefix, x);
}

/** Loads a tensor file; every loader error becomes a BadInput naming the file. */
export function readTensorFile(path: string): TensorFile {
  const format = formatOf(path);
  const f: TensorFile = { format, tensors: new Map(), other: new Map() };
  try {
    if (format === 'pt') flatten(loadPt(path), '', f);
    else if (format === 'safetensors') flatten(load_file(path), '', f);
    else if (format === 'npy') f.tensors.set('', loadNumpy(path) as Tensor);
    else if (format === 'npz') flatten(loadNumpy(path), '', f);
    else throw new BadInput(`${path}: an .onnx file holds a model, not tensors`);
  } catch (e) {
    if (e instanceof BadInput) throw e;
    throw new BadInput(`${path}: ${(e as Error).message}`);
  }
  return f;
}

export const numelOf = (t: Tensor): number => t.numel();
export const dtypeName = (t: Tensor): string => String(t.dtype).replace(/^torch\./, '');
export const shapeStr = (s: readonly number[]): string => `[${s.join(', ')}]`;
