// Random steps of the view-script language (helpers/view_script.ts) for the property tests: view
// ops with random valid (and a few invalid) arguments and in-place writes, chosen by looking at the
// strided reference model's tensor (helpers/strided_ref.ts).
import type { Step } from './view_script.js';
import type { Item, RefEnv, RefTensor } from './strided_ref.js';

export const prod = (xs: number[]) => xs.reduce((a, b) => a * b, 1);

/** mulberry32 */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const chance = (p: number) => next() < p;
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = int(0, i);
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  };
  return { next, int, pick, chance, shuffle };
}
export type Rng = ReturnType<typeof rng>;

/** A random shape with n elements (1-4 dims), sometimes with a -1. */
export function shapeOf(R: Rng, n: number): number[] {
  const rank = R.int(1, 4);
  const out: number[] = [];
  let rest = n;
  for (let i = 0; i < rank - 1; i++) {
    const divs = rest === 0 ? [0, 1, 2] : Array.from({ length: rest }, (_, k) => k + 1).filter((d) => rest % d === 0);
    const d = R.pick(divs);
    out.push(d);
    rest = d === 0 ? 0 : rest / d;
    if (d === 0) rest = R.int(0, 3);
  }
  out.push(rest);
  R.shuffle(out);
  if (prod(out) !== n) return [n];
  if (n > 0 && R.chance(0.3)) out[R.int(0, out.length - 1)] = -1;
  return out;
}

const dimOf = (R: Rng, nd: number) => R.int(-nd, nd - 1);

/** A random basic subscript for x (ints, slices with steps and clamping, None, one Ellipsis). */
export function itemsFor(R: Rng, x: RefTensor): Item[] {
  const items: Item[] = [];
  let d = 0;
  let ell = false;
  const n = R.int(1, x.ndim + 1);
  for (let k = 0; k < n; k++) {
    const r = R.next();
    if (r < 0.12) items.push(null);
    else if (r < 0.2 && !ell) {
      ell = true;
      items.push('...');
      d = x.ndim; // the ellipsis swallows the rest unless later items take dims back
    } else if (d < x.ndim) {
      const size = x.sizes[d];
      if (r < 0.45 && size > 0) items.push(R.int(-size, size - 1));
      else {
        const part = () => (R.chance(0.35) ? '' : String(R.int(-size - 1, size + 1)));
        items.push(`${part()}:${part()}${R.chance(0.4) ? `:${R.int(1, 3)}` : ''}`);
      }
      d++;
    }
  }
  // an ellipsis followed by dim-consuming items needs enough dims
  const consumed = items.filter((it) => it !== null && it !== '...').length;
  if (consumed > x.ndim) return [':'];
  return items.length ? items : [null];
}

/** A random view op (or copy-making op) on tensor `src` named `name`, or null when none fits. */
export function viewStep(R: Rng, src: string, x: RefTensor, name: string, env: RefEnv): Step | null {
  const nd = x.ndim;
  const L = (op: string, ...args: unknown[]): Step => ({ let: name, of: src, op, args });
  const kind = R.pick([
    'view', 'view', 'reshape', 'flatten', 'unflatten', 'squeeze', 'unsqueeze', 'transpose', 'swapaxes', 't', 'T', 'mT', 'permute',
    'movedim', 'select', 'select', 'narrow', 'narrow', 'index', 'index', 'index', 'expand', 'expand', 'diagonal', 'unfold', 'as_strided',
    'as_strided', 'contiguous', 'detach', 'data', 'pieces',
  ]);
  switch (kind) {
    case 'view': return L('view', ...shapeOf(R, x.numel()));
    case 'reshape': return L('reshape', shapeOf(R, x.numel()));
    case 'flatten': {
      if (nd === 0 || R.chance(0.3)) return L('flatten');
      const a = R.int(0, nd - 1);
      const b = R.int(a, nd - 1);
      return L('flatten', R.chance(0.5) ? a - nd : a, b);
    }
    case 'unflatten': {
      if (nd === 0) return null;
      const d = R.int(0, nd - 1);
      const n = x.sizes[d];
      const divs = Array.from({ length: Math.max(n, 1) }, (_, k) => k + 1).filter((k) => n % k === 0);
      const a = n === 0 ? 0 : R.pick(divs);
      return L('unflatten', d, [a, n === 0 ? R.int(1, 2) : R.chance(0.3) ? -1 : n / a]);
    }
    case 'squeeze': return nd === 0 || R.chance(0.4) ? L('squeeze') : L('squeeze', dimOf(R, nd));
    case 'unsqueeze': return L('unsqueeze', R.int(-nd - 1, nd));
    case 'transpose': case 'swapaxes': return nd === 0 ? null : L(kind, dimOf(R, nd), dimOf(R, nd));
    case 't': return nd === 2 ? L('t') : null;
    case 'T': return nd === 2 ? { let: name, of: src, attr: 'T' } : null;
    case 'mT': return nd >= 2 ? { let: name, of: src, attr: 'mT' } : null;
    case 'data': return { let: name, of: src, attr: 'data' };
    case 'permute': return nd === 0 ? null : L('permute', ...R.shuffle(x.sizes.map((_, i) => i)).map((d) => (R.chance(0.3) ? d - nd : d)));
    case 'movedim': return nd === 0 ? null : L('movedim', dimOf(R, nd), dimOf(R, nd));
    case 'select': {
      if (nd === 0) return null;
      const d = dimOf(R, nd);
      const n = x.sizes[d < 0 ? d + nd : d];
      return n === 0 ? null : L('select', d, R.int(-n, n - 1));
    }
    case 'narrow': {
      if (nd === 0) return null;
      const d = dimOf(R, nd);
      const n = x.sizes[d < 0 ? d + nd : d];
      const start = R.int(0, n);
      const len = R.int(0, n - start);
      return L('narrow', d, start > 0 && R.chance(0.3) ? start - n : start, len);
    }
    case 'index': return L('index', ...itemsFor(R, x));
    case 'expand': {
      const lead = R.chance(0.4) ? R.int(1, 2) : 0;
      const sizes = [...Array.from({ length: lead }, () => R.int(1, 3)), ...x.sizes.map((n) => (n === 1 && R.chance(0.7) ? R.int(2, 3) : R.chance(0.5) ? -1 : n))];
      return sizes.length ? L('expand', ...sizes) : null;
    }
    case 'diagonal': {
      if (nd < 2) return null;
      const a = R.int(0, nd - 1);
      let b = R.int(0, nd - 2);
      if (b >= a) b++;
      return R.chance(0.2) ? L('diagonal') : L('diagonal', R.int(-2, 2), R.chance(0.3) ? a - nd : a, b);
    }
    case 'unfold': {
      if (nd === 0) return null;
      const d = R.int(0, nd - 1);
      const n = x.sizes[d];
      if (n === 0) return null;
      return L('unfold', R.chance(0.3) ? d - nd : d, R.int(1, n), R.int(1, 3));
    }
    case 'as_strided': {
      const total = x.st.data.length;
      const rank = R.int(1, 3);
      const sizes = Array.from({ length: rank }, () => R.int(1, 3));
      const strides = Array.from({ length: rank }, () => R.int(0, 4));
      const off = R.int(0, total);
      const args: unknown[] = [sizes, strides];
      if (R.chance(0.7)) args.push(off);
      return L('as_strided', ...args);
    }
    case 'contiguous': return L('contiguous');
    case 'detach': return L('detach');
    case 'pieces': {
      // unbind / split / chunk / tensor_split: every piece gets a name
      if (nd === 0) return null;
      const d = R.int(0, nd - 1);
      const n = x.sizes[d];
      if (n === 0) return null;
      const dd = R.chance(0.3) ? d - nd : d;
      const many = (op: string, count: number, ...args: unknown[]): Step => ({ let: Array.from({ length: count }, (_, i) => `${name}_${i}`), of: src, op, args });
      const how = R.pick(['unbind', 'split', 'split_sizes', 'chunk', 'tensor_split', 'tensor_split_idx']);
      if (how === 'unbind') return n <= 4 ? many('unbind', n, dd) : null;
      if (how === 'split') {
        const k = R.int(1, n);
        return many('split', Math.ceil(n / k), k, dd);
      }
      if (how === 'split_sizes') {
        const cut = R.int(0, n);
        return many('split', 2, [cut, n - cut], dd);
      }
      if (how === 'chunk') {
        const c = R.int(1, n);
        const k = Math.ceil(n / c);
        return many('chunk', Math.ceil(n / k), c, dd);
      }
      if (how === 'tensor_split') {
        const c = R.int(1, 3);
        return many('tensor_split', c, c, dd);
      }
      const a = R.int(0, n);
      const b = R.int(a, n);
      return many('tensor_split', 3, [a, b], dd);
    }
  }
  void env;
  return null;
}

/** A random in-place write into `src`, possibly preceded by the creation of its source tensor. */
export function writeSteps(R: Rng, src: string, x: RefTensor, k: number): Step[] | null {
  const ints = x.dtype === 'int64';
  const kind = R.pick(['add_', 'mul_', 'fill_', 'zero_', 'copy_', 'setIndex', 'setIndex']);
  // Writes that combine values into memory that overlaps undetectably (no 0 stride) are undefined in PyTorch.
  if ((kind === 'add_' || kind === 'mul_' || kind === 'copy_') && x.overlapsAtAll() && !x.overlapDetected()) return null;
  // Writes that PyTorch rejects (expanded memory): sometimes, as an error case.
  if ((kind === 'add_' || kind === 'mul_' || kind === 'copy_') && x.overlapDetected() && !R.chance(0.3)) return null;
  switch (kind) {
    case 'add_': return [{ do: 'add_', on: src, args: [R.int(1, 9) * (R.chance(0.5) ? 100 : 1)] }];
    case 'mul_': return [{ do: 'mul_', on: src, args: [R.pick([-1, 2, 3])] }];
    case 'fill_': return [{ do: 'fill_', on: src, args: [R.int(-50, -1)] }];
    case 'zero_': return [{ do: 'zero_', on: src, args: [] }];
    case 'copy_': {
      const n = x.numel();
      const make: Step = { let: `src${k}`, make: 'arange', args: [1000 * (k + 1), 1000 * (k + 1) + n], dtype: x.dtype, reshape: x.sizes.slice() };
      return [make, { do: 'copy_', on: src, args: [{ ref: `src${k}` }] }];
    }
    case 'setIndex': return [{ do: 'setIndex', on: src, args: [itemsFor(R, x), ints ? R.int(-90, -60) : R.int(-90, -60) + 0.5] }];
  }
  return null;
}
