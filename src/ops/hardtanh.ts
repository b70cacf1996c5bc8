// hardtanh: clamp(x, min_val, max_val) with a zero gradient at and beyond the bounds
// (F.hardtanh, nn.Hardtanh; relu6 is hardtanh(x, 0, 6)).
import { bind } from '../args.js';
import type { Tensor } from '../tensor.js';
import { activate, defineActivation, nodes } from './_activation.js';

export const Hardtanh = defineActivation<{ min_val: number; max_val: number }>({
  name: 'hardtanh',
  backwardName: 'HardtanhBackward0',
  lower: (g, x, a, dt) => nodes(g, dt).clip(x, a.min_val, a.max_val),
  lowerGrad: (g, gy, x, a, dt) => {
    const n = nodes(g, dt);
    return n.where(n.and(n.gt(x, a.min_val), n.lt(x, a.max_val)), gy, 0);
  },
});

/**
 * hardtanh(input, min_val = -1, max_val = 1)
 * @example
 * F.hardtanh(x, -2, 2);
 */
export function hardtanh(input: Tensor, ...args: unknown[]): Tensor {
  const { min_val, max_val } = bind<{ min_val: number; max_val: number }>(['min_val', 'max_val'], args, { min_val: -1, max_val: 1 });
  return activate(Hardtanh, input, { min_val, max_val });
}
/** relu6(input): min(max(0, x), 6). */
export function relu6(input: Tensor): Tensor {
  return hardtanh(input, 0, 6);
}
