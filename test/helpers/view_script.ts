// The interpreter of the view-script language of test/fixtures/gen_views.py (see its docstring),
// run on torchlike. Ops are called by name, so a method torchlike lacks fails its own cases with
// "torchlike has no Tensor.<name>" instead of failing the whole file.
import * as torch from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';

export type Step = Record<string, unknown>;
export type Env = Map<string, Tensor>;

const DTYPES: Record<string, unknown> = {
  float32: torch.float32,
  float64: torch.float64,
  int64: torch.int64,
  int32: torch.int32,
  bool: torch.bool,
};

type Callable = (...a: unknown[]) => unknown;

function method(obj: unknown, name: string, what = 'Tensor'): Callable {
  const f = (obj as Record<string, unknown>)[name];
  if (typeof f !== 'function') throw new MissingApi(`torchlike has no ${what}.${name}`);
  return (f as Callable).bind(obj);
}

/** Thrown when torchlike lacks a method/function the script calls. */
export class MissingApi extends Error {
  override name = 'MissingApi';
}

function arg(a: unknown, env: Env): unknown {
  if (Array.isArray(a)) return a.map((v) => arg(v, env));
  if (a !== null && typeof a === 'object') {
    const o = a as Record<string, unknown>;
    if ('ref' in o) {
      const t = env.get(o.ref as string);
      if (!t) throw new Error(`script: no tensor named ${String(o.ref)}`);
      return t;
    }
    if ('lit' in o) return torch.tensor(o.lit as number[], { dtype: DTYPES[(o.dtype as string) ?? 'float32'] as never });
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, arg(v, env)]));
  }
  return a;
}

/** Positional args plus the kwargs object (PyTorch keyword names) when the step has one. */
function args(s: Step, env: Env): unknown[] {
  const xs = arg(s.args ?? [], env) as unknown[];
  if (s.kwargs && Object.keys(s.kwargs).length) xs.push(arg(s.kwargs, env));
  return xs;
}

function bind(env: Env, names: unknown, out: unknown): void {
  if (Array.isArray(names)) {
    const outs = Array.from(out as Iterable<Tensor>);
    if (outs.length !== names.length) throw new Error(`script: expected ${names.length} outputs, got ${outs.length}`);
    names.forEach((n, i) => env.set(n as string, outs[i]));
  } else env.set(names as string, out as Tensor);
}

export function runStep(s: Step, env: Env): void {
  if ('make' in s) {
    const dtype = DTYPES[(s.dtype as string) ?? 'float32'];
    const a = (s.args ?? []) as unknown[];
    let t: Tensor;
    if (s.make === 'tensor') t = torch.tensor(a[0] as number[], { dtype: dtype as never });
    else t = method(torch, s.make as string, 'torch')(...a, { dtype }) as Tensor;
    if (s.reshape) t = t.reshape(s.reshape as number[]).clone();
    if (s.requires_grad) t.requires_grad_(true);
    env.set(s.let as string, t);
  } else if ('of' in s) {
    const src = env.get(s.of as string)!;
    let out: unknown;
    if ('attr' in s) {
      const attr = s.attr as string;
      if (!(attr in src)) throw new MissingApi(`torchlike has no Tensor.${attr}`);
      out = (src as unknown as Record<string, unknown>)[attr];
    } else out = method(src, s.op as string)(...args(s, env));
    bind(env, s.let, out);
  } else if ('fn' in s) {
    bind(env, s.let, method(torch, s.fn as string, 'torch')(...args(s, env)));
  } else if ('do' in s) {
    const src = env.get(s.on as string)!;
    if (s.do === 'setIndex') {
      const [items, value] = s.args as [unknown[], unknown];
      method(src, 'setIndex')(arg(items, env), arg(value, env));
    } else method(src, s.do as string)(...args(s, env));
  } else if ('backward' in s) {
    env.get(s.backward as string)!.backward();
  } else throw new Error(`script: bad step ${JSON.stringify(s)}`);
}

/** One-line rendering of a step, for failure messages. */
export function showStep(s: Step): string {
  const a = (v: unknown): string => JSON.stringify(v);
  if ('make' in s) return `${s.let} = torch.${s.make}(${((s.args ?? []) as unknown[]).map(a).join(', ')}, dtype=${s.dtype ?? 'float32'})${s.reshape ? `.reshape(${a(s.reshape)})` : ''}${s.requires_grad ? '.requires_grad_()' : ''}`;
  if ('of' in s) return `${Array.isArray(s.let) ? s.let.join(', ') : s.let} = ${s.of}.${'attr' in s ? s.attr : `${s.op}(${((s.args ?? []) as unknown[]).map(a).join(', ')})`}`;
  if ('fn' in s) return `${s.let} = torch.${s.fn}(${((s.args ?? []) as unknown[]).map(a).join(', ')})`;
  if ('do' in s) return `${s.on}.${s.do}(${((s.args ?? []) as unknown[]).map(a).join(', ')})`;
  if ('backward' in s) return `${s.backward}.backward()`;
  return a(s);
}
