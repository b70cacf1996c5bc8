// Writes {key: Tensor} in the format the output path's extension names.
import { save as savePt } from '../export/pt/index.js';
import { save_file } from '../export/safetensors.js';
import { save as saveNpy, savez } from '../export/numpy/index.js';
import type { Tensor } from '../src/tensor.js';
import { BadInput, formatOf } from './files.js';

export function writeTensors(path: string, tensors: Map<string, Tensor>): void {
  const obj: Record<string, Tensor> = Object.fromEntries(tensors);
  const format = formatOf(path);
  if (format === 'pt') savePt(obj, path);
  else if (format === 'safetensors') save_file(obj, path);
  else if (format === 'npz') savez(path, obj);
  else if (format === 'npy') {
    if (tensors.size !== 1) throw new BadInput(`${path}: an .npy file holds one array, but there are ${tensors.size} tensors (use .npz)`);
    saveNpy(path, [...tensors.values()][0]);
  } else throw new BadInput(`${path}: cannot write tensors to an .onnx file`);
}
