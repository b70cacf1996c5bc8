// chain_matmul: the product of a list of matrices, left to right (PyTorch's deprecated form of
// linalg.multi_dot).
import { RuntimeError } from '../errors.js';
import { Tensor } from '../tensor.js';
import { matmul } from './matmul.js';

/**
 * torch.chain_matmul(*matrices): A₁·A₂·…·Aₙ of 2-D tensors.
 * @example
 * torch.chain_matmul(a, b, c);
 */
export function chain_matmul(...matrices: (Tensor | Tensor[])[]): Tensor {
  const ms = matrices.length === 1 && Array.isArray(matrices[0]) ? (matrices[0] as Tensor[]) : (matrices as Tensor[]);
  if (ms.length === 0) throw new RuntimeError('chain_matmul(): Expected one or more matrices');
  for (const m of ms) if (m.dim() !== 2) throw new RuntimeError(`Tensor dimension is ${m.dim()}, expected 2 instead.`);
  return ms.slice(1).reduce((acc, m) => matmul(acc, m), ms[0]);
}
