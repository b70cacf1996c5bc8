// `torchlike convert in.pt out.safetensors` (and any other pair of .pt/.safetensors/.npz/.npy).
import { readTensorFile } from './files.js';
import { writeTensors } from './write.js';

export interface ConvertReport {
  input: string;
  output: string;
  tensors: number;
  /** non-tensor entries of a .pt file that the output format cannot hold */
  skipped: string[];
}

export function convert(input: string, output: string): ConvertReport {
  const f = readTensorFile(input);
  writeTensors(output, f.tensors);
  return { input, output, tensors: f.tensors.size, skipped: [...f.other.keys()] };
}
