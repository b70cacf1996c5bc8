// torch.cuda: torchlike runs on the CPU, so CUDA is never available.
import { AssertionError } from '../src/errors.js';

/**
 * Whether CUDA is available: always false here.
 * @example
 * const device = torch.device(torch.cuda.is_available() ? 'cuda' : 'cpu');
 */
export function is_available(): boolean {
  return false;
}

/** The number of CUDA devices: 0. */
export function device_count(): number {
  return 0;
}

/** Seeding CUDA generators is a no-op without CUDA, as in PyTorch. */
export function manual_seed(_seed: number): void {}
/** Seeding CUDA generators is a no-op without CUDA, as in PyTorch. */
export function manual_seed_all(_seed: number): void {}

/** The current CUDA device: PyTorch's AssertionError without CUDA. */
export function current_device(): number {
  throw new AssertionError('Torch not compiled with CUDA enabled');
}
