// trapezoid, trapz, cumulative_trapezoid: the trapezoidal rule along a dim, with sample points x
// or a constant spacing dx. Composites written as PyTorch's (aten/native/Integration.cpp).
import { bind } from '../args.js';
import { RuntimeError } from '../errors.js';
import { normDim } from '../shape.js';
import { Tensor } from '../tensor.js';
import { add } from './add.js';
import { cumsum } from './cumsum.js';
import { diff } from './diff.js';
import { div } from './div.js';
import { mul } from './mul.js';
import { narrow } from './narrow.js';
import { reshape } from './reshape.js';
import { select } from './select.js';
import { sub } from './sub.js';
import { sum } from './sum.js';
import { zeros } from '../creation.js';
import { reducedShape } from './_reduce.js';

interface TrapArgs {
  y: Tensor;
  x: Tensor | null;
  dx: number;
  dim: number;
}

function trapArgs(name: string, y: Tensor, args: readonly unknown[]): TrapArgs {
  const o = bind<{ x?: Tensor | number; dx?: number; dim?: number }>(['x'], args);
  const dim = normDim(o.dim ?? -1, y._shape.length);
  if (typeof o.x === 'number') return { y, x: null, dx: o.x, dim };
  const x = o.x ?? null;
  if (x !== null && x._shape.length === 1 && x._shape[0] !== y._shape[dim])
    throw new RuntimeError(`${name}: There must be one \`x\` value for each sample point`);
  return { y, x, dx: o.dx ?? 1, dim };
}

/** The spacings along dim as a tensor that broadcasts against y's pairs. */
function spacing(a: TrapArgs): Tensor {
  let x = a.x!;
  if (x._shape.length === 1) {
    const s = a.y._shape.map(() => 1);
    s[a.dim] = x._shape[0];
    x = reshape(x, s);
    return diff(x, 1, a.dim);
  }
  // fewer dims than y: leading dims of size 1, as PyTorch pads the shape
  if (x._shape.length < a.y._shape.length) x = reshape(x, [...a.y._shape.slice(x._shape.length).map(() => 1), ...x._shape]);
  return diff(x, 1, a.dim);
}

function trap(name: string, y: Tensor, args: readonly unknown[]): Tensor {
  const a = trapArgs(name, y, args);
  const n = y._shape[a.dim];
  if (n === 0) return zeros(reducedShape(y._shape, [a.dim], false), { dtype: y.dtype.is_floating_point ? y.dtype : undefined });
  if (a.x === null) {
    // (Σ y − (y_0 + y_{n−1}) / 2)·dx
    const ends = add(select(y, a.dim, 0), select(y, a.dim, -1));
    return mul(sub(sum(y, a.dim), mul(ends, 0.5)), a.dx);
  }
  const pairs = add(narrow(y, a.dim, 1, n - 1), narrow(y, a.dim, 0, n - 1));
  return div(sum(mul(spacing(a), pairs), a.dim), 2);
}

/**
 * torch.trapezoid(y, x?, { dx, dim }): ∫ y along dim by the trapezoidal rule.
 * @example
 * torch.trapezoid(torch.tensor([1, 2, 3])); // 4
 * torch.trapezoid(y, x); torch.trapezoid(y, { dx: 0.5, dim: 0 });
 */
export function trapezoid(y: Tensor, ...args: unknown[]): Tensor {
  return trap('trapezoid', y, args);
}

/** torch.trapz(y, x?, { dx, dim }): the older name of trapezoid. */
export function trapz(y: Tensor, ...args: unknown[]): Tensor {
  return trap('trapezoid', y, args);
}

/**
 * torch.cumulative_trapezoid(y, x?, { dx, dim }): the running trapezoidal integral (one fewer
 * element along dim).
 * @example
 * torch.cumulative_trapezoid(torch.tensor([1, 2, 3])); // [1.5, 4]
 */
export function cumulative_trapezoid(y: Tensor, ...args: unknown[]): Tensor {
  const a = trapArgs('cumulative_trapezoid', y, args);
  const n = y._shape[a.dim];
  if (n === 0) return zeros(y._shape, { dtype: y.dtype.is_floating_point ? y.dtype : undefined });
  const pairs = add(narrow(y, a.dim, 1, n - 1), narrow(y, a.dim, 0, n - 1));
  if (a.x === null) return cumsum(mul(pairs, a.dx / 2), a.dim);
  return div(cumsum(mul(spacing(a), pairs), a.dim), 2);
}
