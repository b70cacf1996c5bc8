// torch.optim.Optimizer: param_groups with defaults, per-parameter state, zero_grad, state_dict in
// PyTorch's layout (integer parameter indices). Subclasses compute each group's update as a pure
// function of (params, grads, state) on one fused op per dtype, and step() commits every write
// only after all groups computed, so a step that throws changes nothing.
import { enable_grad, no_grad } from '../../src/autograd/grad_mode.js';
import { fillData, writeElem } from '../../src/creation.js';
import { type DType, float32 } from '../../src/dtype.js';
import { TorchTypeError, ValueError } from '../../src/errors.js';
import { clone } from '../../src/ops/clone.js';
import { to_dtype } from '../../src/ops/to_dtype.js';
import { Tensor } from '../../src/tensor.js';

/** Marks a hyper-parameter every group must give (torch.optim.optimizer.required). */
export const required: unique symbol = Symbol('required');

export type Hyper = Record<string, unknown>;
/** A parameter group: its params plus one value per hyper-parameter (defaults filled in). */
export interface ParamGroup extends Hyper {
  params: Tensor[];
  lr: number;
}
export type ParamGroupInput = Hyper & { params: Tensor | Iterable<Tensor> };
export type Params = Iterable<Tensor> | Iterable<ParamGroupInput>;
/** Per-parameter state (exp_avg, momentum_buffer, step...). */
export type ParamState = Record<string, unknown>;

export interface OptimizerStateDict {
  state: Record<number, ParamState>;
  param_groups: Hyper[];
}

/** What a group's update hands back: the writes step() commits once every group has computed. */
export type Commit = () => void;

const typeName = (v: unknown): string =>
  v instanceof Tensor ? (v.type() as string) : v === null ? 'NoneType' : typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float') : ((v as object)?.constructor?.name ?? typeof v);

export abstract class Optimizer {
  defaults: Hyper;
  /** state.get(p): the state of parameter p (PyTorch's optimizer.state[p]). */
  state = new Map<Tensor, ParamState>();
  param_groups: ParamGroup[] = [];

  constructor(params: Params, defaults: Hyper) {
    this.defaults = defaults;
    if (params instanceof Tensor)
      throw new TorchTypeError(`params argument given to the optimizer should be an iterable of Tensors or dicts, but got ${params.type()}`);
    const list = [...(params as Iterable<Tensor | ParamGroupInput>)];
    if (list.length === 0) throw new ValueError('optimizer got an empty parameter list');
    const groups = list[0] instanceof Tensor || !isDict(list[0]) ? [{ params: list as Tensor[] }] : (list as ParamGroupInput[]);
    for (const g of groups) this.add_param_group(g);
  }

  /**
   * Adds a parameter group (fine-tuning: unfreeze layers as training goes), with PyTorch's checks.
   * @example
   * opt.add_param_group({ params: model.head.parameters(), lr: 1e-4 });
   */
  add_param_group(param_group: ParamGroupInput): void {
    if (!isDict(param_group)) throw new Error('param group must be a dict');
    const raw = param_group.params;
    if (raw instanceof Set)
      throw new TorchTypeError(
        'optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets will change between runs. Please use a list instead.',
      );
    const params = raw instanceof Tensor ? [raw] : [...(raw as Iterable<Tensor>)];
    for (const p of params) {
      if (!(p instanceof Tensor)) throw new TorchTypeError(`optimizer can only optimize Tensors, but one of the params is ${typeName(p)}`);
      if (!this.defaults.differentiable && !(p.is_leaf || p.retains_grad)) throw new ValueError("can't optimize a non-leaf Tensor");
    }
    const group: Hyper = { ...param_group, params };
    for (const [name, def] of Object.entries(this.defaults)) {
      if (def === required && !(name in param_group))
        throw new ValueError(`parameter group didn't specify a value of required optimization parameter ${name}`);
      if (!(name in group)) group[name] = def;
    }
    if (new Set(params).size !== params.length)
      console.warn(
        'optimizer contains a parameter group with duplicate parameters; in future, this will cause an error; see github.com/pytorch/pytorch/issues/40967 for more information',
      );
    const seen = new Set<Tensor>();
    for (const g of this.param_groups) for (const p of g.params) seen.add(p);
    if (params.some((p) => seen.has(p))) throw new ValueError('some parameters appear in more than one parameter group');
    this.param_groups.push(group as ParamGroup);
  }

  /**
   * Clears every parameter's .grad: to null (default, as PyTorch 2) or zeros in place.
   * @example
   * opt.zero_grad(); opt.zero_grad(false);
   */
  zero_grad(set_to_none: boolean | { set_to_none?: boolean } = true): void {
    const none = typeof set_to_none === 'boolean' ? set_to_none : (set_to_none.set_to_none ?? true);
    for (const g of this.param_groups)
      for (const p of g.params) {
        const gr = p.grad;
        if (gr === null) continue;
        if (none) p.grad = null;
        else {
          if (gr.grad_fn !== null) gr.detach_();
          else gr.requires_grad_(false);
          gr._mutate((d) => (d as Float32Array).fill(0));
          gr._bump();
        }
      }
  }

  /**
   * One update of every parameter that has a gradient. With a closure, re-evaluates the loss
   * first (grad mode on) and returns it.
   * @example
   * loss.backward(); opt.step();
   */
  step(closure?: () => Tensor | number): Tensor | number | undefined {
    const loss = closure ? enable_grad(closure) : undefined;
    const commits: Commit[] = [];
    no_grad(() => {
      for (const g of this.param_groups) commits.push(...this._update(g));
    });
    for (const c of commits) c();
    return loss;
  }

  /** A group's update, computed without writing anything: returns the writes to commit. */
  protected abstract _update(group: ParamGroup): Commit[];

  /**
   * {state: {index: {...}}, param_groups: [{...hyper, params: [indices]}]}, PyTorch's layout;
   * state tensors are the live ones (as in PyTorch).
   */
  state_dict(): OptimizerStateDict {
    const index = new Map<Tensor, number>();
    let next = 0;
    const param_groups = this.param_groups.map((g) => {
      const packed: Hyper = {};
      for (const [k, v] of Object.entries(g)) if (k !== 'params') packed[k] = v;
      packed.params = g.params.map((p) => {
        if (!index.has(p)) index.set(p, next++);
        return index.get(p)!;
      });
      return packed;
    });
    const state: Record<number, ParamState> = {};
    for (const [p, s] of this.state) {
      const i = index.get(p);
      if (i !== undefined) state[i] = s;
    }
    return { state, param_groups };
  }

  /**
   * Loads a state_dict (copies; tensors cast to each parameter's dtype, except 'step').
   * @example
   * opt.load_state_dict(saved);
   */
  load_state_dict(state_dict: OptimizerStateDict): void {
    const saved = state_dict.param_groups;
    const groups = this.param_groups;
    if (groups.length !== saved.length) throw new ValueError('loaded state dict has a different number of parameter groups');
    if (groups.some((g, i) => g.params.length !== (saved[i].params as unknown[]).length))
      throw new ValueError("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
    const idMap = new Map<number, Tensor>();
    saved.forEach((sg, i) => (sg.params as number[]).forEach((id, j) => idMap.set(id, groups[i].params[j])));
    const state = new Map<Tensor, ParamState>();
    for (const [k, v] of Object.entries(state_dict.state)) {
      const p = idMap.get(Number(k));
      if (p) state.set(p, castState(p.dtype, v));
    }
    this.state = state;
    this.param_groups = saved.map((sg, i) => ({ ...deepCopy(sg), params: groups[i].params }) as ParamGroup);
  }

  toString(): string {
    let s = `${this.constructor.name} (`;
    this.param_groups.forEach((g, i) => {
      s += `\nParameter Group ${i}\n`;
      for (const k of Object.keys(g).sort()) if (k !== 'params') s += `    ${k}: ${pyRepr(g[k])}\n`;
    });
    return s + ')';
  }

  // ---- helpers for subclasses ----

  /** The group's parameters that have a gradient, split by dtype (one fused call per dtype). */
  protected withGrads(group: ParamGroup): Map<DType, Tensor[]> {
    const out = new Map<DType, Tensor[]>();
    for (const p of group.params) {
      if (p.grad === null) continue;
      const list = out.get(p.dtype) ?? [];
      list.push(p);
      out.set(p.dtype, list);
    }
    return out;
  }

  /** Each named state of ps as a fused step's inputs (states[k][i]), zeros where p has none yet. */
  protected statesOf(ps: Tensor[], keys: readonly string[]): Tensor[][] {
    return keys.map((k) => ps.map((p) => (this.state.get(p)?.[k] as Tensor | undefined) ?? zerosLike(p)));
  }

  /**
   * The commit of a fused step whose outputs are [params'[n], then each of keys' states[n]]:
   * writes the parameters, stores the states and lets `step` update the counter.
   */
  protected commitStates(ps: Tensor[], out: Tensor[], keys: readonly string[], step: (s: ParamState, i: number) => void): Commit {
    const n = ps.length;
    return () =>
      ps.forEach((p, i) => {
        writeInto(p, out[i]);
        const s = this.stateOf(p);
        step(s, i);
        keys.forEach((k, j) => (s[k] = out[(j + 1) * n + i]));
      });
  }

  /** The state of p, created empty on first use (PyTorch's defaultdict). */
  protected stateOf(p: Tensor): ParamState {
    let s = this.state.get(p);
    if (s === undefined) {
      s = {};
      this.state.set(p, s);
    }
    return s;
  }
}

const isDict = (x: unknown): x is ParamGroupInput => typeof x === 'object' && x !== null && !(x instanceof Tensor) && 'params' in x;

function deepCopy(v: unknown): any {
  if (v instanceof Tensor) return clone(v.detach());
  if (Array.isArray(v)) return v.map(deepCopy);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepCopy(x)]));
  return v;
}

/** A copy of one parameter's state, float tensors cast to its dtype (PyTorch's cast, 'step' kept). */
function castState(dtype: DType, s: ParamState): ParamState {
  const out: ParamState = {};
  for (const [k, v] of Object.entries(s)) {
    if (v instanceof Tensor && k !== 'step') out[k] = clone(v.is_floating_point() ? to_dtype(v.detach(), dtype) : v.detach());
    else out[k] = deepCopy(v);
  }
  return out;
}

function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (Array.isArray(v)) return `(${v.map(pyRepr).join(', ')})`;
  return String(v);
}

/** Writes an update's result into a parameter's own memory (modules keep the same tensor). */
export function writeInto(p: Tensor, value: Tensor): void {
  const st = p._st;
  // The fresh result buffer becomes the parameter's memory (views share the Storage, so they follow);
  // memory someone else holds a typed array of is written in place instead.
  if (!st.exposed && value._st !== st && p._contig && p._offset === 0 && value._data.length === st.data.length && value.dtype === p.dtype) st.data = value._data;
  else p._writeDense(value._data);
  p._bump();
}

/** A 1-D tensor of hyper-parameters in a dtype (inputs of the fused step ops, never attrs). */
export function hyper(dtype: DType, values: readonly number[]): Tensor {
  const a = new dtype.array(values.length) as Float32Array;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as unknown;
    // Python fails on arithmetic with a non-number hyper-parameter; a typed array would store NaN.
    if (typeof v !== 'number') throw new TypeError(`unsupported operand type(s) for *: 'float' and '${v === null ? 'NoneType' : typeof v === 'string' ? 'str' : typeof v}'`);
    writeElem(a, i, v, dtype); // float16/bfloat16 hold bits
  }
  return new Tensor(a, [values.length], dtype);
}

/** A zero tensor shaped like p (fresh optimizer state). */
export function zerosLike(p: Tensor, fill = 0): Tensor {
  const t = new Tensor(new p.dtype.array(p.numel()), p.shape, p.dtype);
  if (fill !== 0) fillData(t._data, fill, p.dtype);
  return t;
}

/** The plain-number step counter PyTorch keeps for RMSprop and Adadelta (a commitStates step). */
export function countStep(s: ParamState): void {
  s.step = ((s.step as number | undefined) ?? 0) + 1;
}

/** The 0-d float32 step counter PyTorch keeps for Adam, AdamW and Adagrad (torch.tensor(0.)). */
export function stepTensor(v: number): Tensor {
  return new Tensor(Float32Array.of(v), [], float32);
}
