// nn.Module: the base class of every layer. Instances are callable (`model(x)` runs hooks and
// forward, as __call__ does), and one attribute setter (a Proxy's set/defineProperty traps, so
// that subclass class fields are caught too) routes Parameters, Modules and buffers into
// _parameters/_modules/_buffers in insertion order, as torch/nn/modules/module.py's __setattr__.
import { isOpts } from '../../../src/args.js';
import { inspect } from 'node:util';
import { no_grad } from '../../../src/autograd/grad_mode.js';
import { copyInto, fillData } from '../../../src/creation.js';
import { DType } from '../../../src/dtype.js';
import { KeyError, NotImplementedError, RuntimeError, TorchTypeError, ValueError } from '../../../src/errors.js';
import { sameShape } from '../../../src/shape.js';
import { Tensor } from '../../../src/tensor.js';
import '../../../src/ops/index.js';
import { Parameter } from '../parameter.js';

export { Parameter };

/** Python's KeyError (registration name clashes). */
export { KeyError };

/** torch.typename: 'torch.FloatTensor', 'int', 'str', or the class name. */
export function typename(v: unknown): string {
  if (v instanceof Tensor) return v.type() as string;
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (v === null || v === undefined) return 'NoneType';
  return (v as object).constructor?.name ?? typeof v;
}

/** What hook registration returns: handle.remove() unregisters the hook. */
export class RemovableHandle {
  private static nextId = 0;
  readonly id = RemovableHandle.nextId++;
  constructor(private readonly dict: Map<number, unknown>) {}
  remove(): void {
    this.dict.delete(this.id);
  }
}

export type ForwardPreHook = (module: Module, args: unknown[]) => unknown;
export type ForwardHook = (module: Module, args: unknown[], output: any) => unknown;

/** load_state_dict's result: the keys it did not match. */
export interface IncompatibleKeys {
  missing_keys: string[];
  unexpected_keys: string[];
}

/** A state_dict: PyTorch's keys in PyTorch's order (`sd['fc1.weight']`). */
export type StateDict = Record<string, Tensor>;

/** Prefixes all lines but the first with n spaces (PyTorch's _addindent). */
export function addindent(s: string, n: number): string {
  const lines = s.split('\n');
  if (lines.length === 1) return s;
  return lines.map((l, i) => (i === 0 ? l : ' '.repeat(n) + l)).join('\n');
}

/** Python's `True`/`False` in reprs. */
export const pyBool = (b: boolean): string => (b ? 'True' : 'False');

/** A number as Python's repr of a float prints it: 1.0, 0.01, 1e-05, inf. */
export function pyFloat(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const [m, e] = v.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 16) return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const s = String(v);
  return s.includes('.') ? s : s + '.0';
}

/** A tuple as Python prints it: (2, 5), (3,). */
export const pyTuple = (xs: readonly unknown[]): string => (xs.length === 1 ? `(${String(xs[0])},)` : `(${xs.map(String).join(', ')})`);

const INTEGER_KEY = /^-?\d+$/;

/** Routes an assignment as Module.__setattr__ does; false when it is a plain attribute. */
function route(t: Module, name: string, value: unknown): boolean {
  if (value instanceof Parameter) {
    t._modules.delete(name);
    t._buffers.delete(name);
    t._non_persistent_buffers_set.delete(name);
    Reflect.deleteProperty(t, name);
    t.register_parameter(name, value);
    return true;
  }
  if (t._parameters.has(name)) {
    if (value != null) throw new TorchTypeError(`cannot assign '${typename(value)}' as parameter '${name}' (torch.nn.Parameter or None expected)`);
    t._parameters.set(name, null);
    return true;
  }
  if (value instanceof Module) {
    t._parameters.delete(name);
    t._buffers.delete(name);
    t._non_persistent_buffers_set.delete(name);
    Reflect.deleteProperty(t, name);
    t._modules.set(name, value);
    return true;
  }
  if (t._modules.has(name)) {
    if (value != null) throw new TorchTypeError(`cannot assign '${typename(value)}' as child module '${name}' (torch.nn.Module or None expected)`);
    t._modules.set(name, null);
    return true;
  }
  if (t._buffers.has(name)) {
    if (value != null && !(value instanceof Tensor)) throw new TorchTypeError(`cannot assign '${typename(value)}' as buffer '${name}' (torch.Tensor or None expected)`);
    t._buffers.set(name, (value ?? null) as Tensor | null);
    return true;
  }
  return false;
}

/** Looks a name up in the registries (Module.__getattr__); undefined when not registered. */
function lookup(t: Module, name: string): Parameter | Tensor | Module | null | undefined {
  const p = t._parameters;
  if (p.size && p.has(name)) return p.get(name);
  const b = t._buffers;
  if (b.size && b.has(name)) return b.get(name);
  const m = t._modules;
  if (m.size && m.has(name)) return m.get(name);
  return undefined;
}

const handler: ProxyHandler<Module> = {
  apply: (t, _this, args) => (t as unknown as { _self: Module })._self._call_impl(...args),
  get(t, p, r) {
    if (typeof p === 'string') {
      const v = lookup(t, p);
      if (v !== undefined) return v;
      // seq[-1], list[2]: containers with __getitem__ index like Python.
      if (INTEGER_KEY.test(p) && typeof (t as any).__getitem__ === 'function') return (r as any).__getitem__(Number(p));
    }
    return Reflect.get(t, p, r);
  },
  set(t, p, v, r) {
    if (typeof p === 'string') {
      if (INTEGER_KEY.test(p) && typeof (t as any).__setitem__ === 'function' && !lookup(t, p)) {
        (r as any).__setitem__(Number(p), v);
        return true;
      }
      if (route(t, p, v)) return true;
    }
    return Reflect.set(t, p, v, r);
  },
  // Class fields (`fc = new nn.Linear(2, 3)`) are defined, not assigned.
  defineProperty(t, p, d) {
    if (typeof p === 'string' && 'value' in d) {
      // A TS field declared without initializer (`weight: Parameter;`) must not wipe a registration.
      if (d.value === undefined && lookup(t, p) !== undefined) return true;
      if (route(t, p, d.value)) return true;
    }
    return Reflect.defineProperty(t, p, d);
  },
  has: (t, p) => (typeof p === 'string' && lookup(t, p) !== undefined) || Reflect.has(t, p),
  deleteProperty(t, p) {
    if (typeof p === 'string') {
      if (t._parameters.delete(p) || t._modules.delete(p)) return true;
      if (t._buffers.delete(p)) {
        t._non_persistent_buffers_set.delete(p);
        return true;
      }
    }
    return Reflect.deleteProperty(t, p);
  },
};

export interface Module {
  /** model(...inputs): forward pre-hooks, forward, forward hooks (Python's __call__). */
  (...args: any[]): any;
}

/**
 * Base class for all neural network modules. Subclass it, assign layers and parameters as
 * properties (class fields or in the constructor), and define `forward`.
 * @example
 * class Net extends nn.Module {
 *   fc1 = new nn.Linear(4, 8);
 *   fc2 = new nn.Linear(8, 2);
 *   forward(x: Tensor) { return this.fc2(F.relu(this.fc1(x))); }
 * }
 * const net = new Net();
 * const y = net(torch.randn(3, 4));
 * Object.keys(net.state_dict()); // ['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']
 */
export class Module {
  declare training: boolean;
  declare _parameters: Map<string, Parameter | null>;
  declare _buffers: Map<string, Tensor | null>;
  declare _non_persistent_buffers_set: Set<string>;
  declare _modules: Map<string, Module | null>;
  declare _forward_hooks: Map<number, ForwardHook>;
  declare _forward_pre_hooks: Map<number, ForwardPreHook>;
  /** @internal the proxy (what `this` is in subclasses) */ declare _self: Module;

  constructor() {
    // A callable object whose prototype chain is the subclass's: `model(x)` works and so does
    // `model instanceof Net`. An arrow function has no own `prototype`; name/length are removed
    // so subclasses may use those names.
    const fn = (() => undefined) as unknown as Module;
    delete (fn as { name?: string }).name;
    delete (fn as { length?: number }).length;
    Object.setPrototypeOf(fn, new.target.prototype);
    const init: Partial<Module> = {
      training: true,
      _parameters: new Map(),
      _buffers: new Map(),
      _non_persistent_buffers_set: new Set(),
      _modules: new Map(),
      _forward_hooks: new Map(),
      _forward_pre_hooks: new Map(),
    };
    for (const [k, v] of Object.entries(init)) Object.defineProperty(fn, k, { value: v, writable: true, configurable: true, enumerable: false });
    const proxy = new Proxy(fn, handler);
    Object.defineProperty(fn, '_self', { value: proxy, enumerable: false });
    return proxy;
  }

  /** Defines the computation; every subclass overrides it. */
  forward(..._args: any[]): any {
    throw new NotImplementedError(`Module [${this._get_name()}] is missing the required "forward" function`);
  }

  /** Runs pre-hooks, forward and hooks (what `model(x)` does). */
  _call_impl(...args: any[]): any {
    if (this._forward_pre_hooks.size)
      for (const hook of [...this._forward_pre_hooks.values()]) {
        const r = hook(this, args);
        if (r !== undefined && r !== null) args = Array.isArray(r) ? r : [r];
      }
    let out = this.forward(...args);
    if (this._forward_hooks.size)
      for (const hook of [...this._forward_hooks.values()]) {
        const r = hook(this, args, out);
        if (r !== undefined && r !== null) out = r;
      }
    return out;
  }
  /** Same as calling the module. */
  __call__(...args: any[]): any {
    return this._call_impl(...args);
  }

  // ---- registration ----

  private checkName(kind: 'parameter' | 'buffer', name: unknown, registry: Map<string, unknown>): asserts name is string {
    if (typeof name !== 'string') throw new TorchTypeError(`${kind} name should be a string. Got ${typename(name)}`);
    if (name.includes('.')) throw new KeyError(`${kind} name can't contain "."`);
    if (name === '') throw new KeyError(`${kind} name can't be empty string ""`);
    if (!registry.has(name) && this.hasAttr(name)) throw new KeyError(`attribute '${name}' already exists`);
  }
  private hasAttr(name: string): boolean {
    return lookup(this, name) !== undefined || Reflect.has(this._self ?? this, name);
  }

  /** Adds a parameter (or null) under `name`. */
  register_parameter(name: string, param: Parameter | null): void {
    this.checkName('parameter', name, this._parameters);
    if (param === null || param === undefined) {
      this._parameters.set(name, null);
      return;
    }
    if (!(param instanceof Parameter))
      throw new TorchTypeError(`cannot assign '${typename(param)}' object to parameter '${name}' (torch.nn.Parameter or None required)`);
    if (param.grad_fn)
      throw new ValueError(
        `Cannot assign non-leaf Tensor to parameter '${name}'. Model parameters must be created explicitly. To express '${name}' as a function of another Tensor, compute the value in the forward() method.`,
      );
    this._parameters.set(name, param);
  }

  /**
   * Adds a buffer: state that is not a parameter (BatchNorm's running_mean). Persistent buffers
   * are part of state_dict.
   * @example
   * this.register_buffer('running_mean', torch.zeros(4));
   */
  register_buffer(name: string, tensor: Tensor | null, persistent: boolean | { persistent?: boolean } = true): void {
    const keep = typeof persistent === 'boolean' ? persistent : (persistent.persistent ?? true);
    this.checkName('buffer', name, this._buffers);
    if (tensor != null && !(tensor instanceof Tensor))
      throw new TorchTypeError(`cannot assign '${typename(tensor)}' object to buffer '${name}' (torch Tensor or None required)`);
    this._buffers.set(name, tensor ?? null);
    if (keep) this._non_persistent_buffers_set.delete(name);
    else this._non_persistent_buffers_set.add(name);
  }

  /** Adds a child module (or null) under `name`. */
  add_module(name: string, module: Module | null): void {
    if (module != null && !(module instanceof Module)) throw new TorchTypeError(`${typename(module)} is not a Module subclass`);
    if (typeof name !== 'string') throw new TorchTypeError(`module name should be a string. Got ${typename(name)}`);
    if (!this._modules.has(name) && this.hasAttr(name)) throw new KeyError(`attribute '${name}' already exists`);
    if (name.includes('.')) throw new KeyError(`module name can't contain ".", got: ${name}`);
    if (name === '') throw new KeyError(`module name can't be empty string ""`);
    this._modules.set(name, module ?? null);
  }
  /** Alias of add_module. */
  register_module(name: string, module: Module | null): void {
    this.add_module(name, module);
  }

  /** The submodule at a dotted path ('layers.0'). */
  get_submodule(target: string): Module {
    if (target === '') return this._self;
    let mod: Module = this._self;
    for (const item of target.split('.')) {
      const next = mod._modules.get(item);
      if (!(next instanceof Module)) {
        if (!mod._modules.has(item) && !Reflect.has(mod, item)) throw new Error(`${mod._get_name()} has no attribute \`${item}\``);
        throw new Error(`\`${item}\` is not an nn.Module`);
      }
      mod = next;
    }
    return mod;
  }
  /** The parameter at a dotted path ('fc.weight'). */
  get_parameter(target: string): Parameter {
    const i = target.lastIndexOf('.');
    const mod = this.get_submodule(i < 0 ? '' : target.slice(0, i));
    const name = target.slice(i + 1);
    const p = mod._parameters.get(name);
    if (!(p instanceof Parameter)) throw new Error(mod._parameters.has(name) ? `\`${name}\` is not an nn.Parameter` : `${mod._get_name()} has no attribute \`${name}\``);
    return p;
  }

  // ---- traversal ----

  /** (name, module) for this module and all descendants, each once: ['', net], ['fc1', fc1], ... */
  named_modules(memo: Set<Module> | null = null, prefix = '', remove_duplicate = true): [string, Module][] {
    const out: [string, Module][] = [];
    const seen = memo ?? new Set<Module>();
    const walk = (m: Module, pre: string): void => {
      if (remove_duplicate) {
        if (seen.has(m)) return;
        seen.add(m);
      }
      out.push([pre, m]);
      for (const [name, child] of m._modules) if (child) walk(child, pre + (pre ? '.' : '') + name);
    };
    walk(this._self, prefix);
    return out;
  }
  /** This module and all descendants. */
  modules(): Module[] {
    return this.named_modules().map(([, m]) => m);
  }
  /** (name, child) for the direct children. */
  named_children(): [string, Module][] {
    const seen = new Set<Module>();
    const out: [string, Module][] = [];
    for (const [name, m] of this._modules)
      if (m && !seen.has(m)) {
        seen.add(m);
        out.push([name, m]);
      }
    return out;
  }
  /** The direct children. */
  children(): Module[] {
    return this.named_children().map(([, m]) => m);
  }

  private namedMembers<T>(get: (m: Module) => Iterable<[string, T | null]>, prefix: string, recurse: boolean, remove_duplicate = true): [string, T][] {
    const seen = new Set<T>();
    const out: [string, T][] = [];
    const mods = recurse ? this.named_modules(null, prefix, remove_duplicate) : [[prefix, this._self] as [string, Module]];
    for (const [pre, m] of mods)
      for (const [k, v] of get(m)) {
        if (v === null || v === undefined || (remove_duplicate && seen.has(v))) continue;
        seen.add(v);
        out.push([pre + (pre ? '.' : '') + k, v]);
      }
    return out;
  }

  /**
   * (name, parameter) pairs, shared parameters once.
   * @example
   * for (const [name, p] of model.named_parameters()) console.log(name, p.shape);
   */
  named_parameters(prefix: string | { prefix?: string; recurse?: boolean; remove_duplicate?: boolean } = '', recurse = true, remove_duplicate = true): [string, Parameter][] {
    if (typeof prefix === 'object') ({ prefix = '', recurse = true, remove_duplicate = true } = prefix);
    return this.namedMembers((m) => m._parameters, prefix, recurse, remove_duplicate);
  }
  /**
   * The parameters (of descendants too when recurse), shared ones once.
   * @example
   * const opt = new optim.SGD(model.parameters(), { lr: 0.1 });
   */
  parameters(recurse: boolean | { recurse?: boolean } = true): Parameter[] {
    const r = typeof recurse === 'boolean' ? recurse : (recurse.recurse ?? true);
    return this.named_parameters('', r).map(([, p]) => p);
  }
  /** (name, buffer) pairs. */
  named_buffers(prefix: string | { prefix?: string; recurse?: boolean; remove_duplicate?: boolean } = '', recurse = true, remove_duplicate = true): [string, Tensor][] {
    if (typeof prefix === 'object') ({ prefix = '', recurse = true, remove_duplicate = true } = prefix);
    return this.namedMembers((m) => m._buffers, prefix, recurse, remove_duplicate);
  }
  /** The buffers (of descendants too when recurse). */
  buffers(recurse: boolean | { recurse?: boolean } = true): Tensor[] {
    const r = typeof recurse === 'boolean' ? recurse : (recurse.recurse ?? true);
    return this.named_buffers('', r).map(([, b]) => b);
  }

  // ---- state ----

  /** Writes this module's own parameters and persistent buffers (not descendants'). */
  _save_to_state_dict(destination: StateDict, prefix: string, keep_vars: boolean): void {
    for (const [name, p] of this._parameters) if (p) destination[prefix + name] = keep_vars ? p : p.detach();
    for (const [name, b] of this._buffers)
      if (b && !this._non_persistent_buffers_set.has(name)) destination[prefix + name] = keep_vars ? b : b.detach();
  }

  /**
   * Parameters and persistent buffers by dotted name, in PyTorch's order, detached (sharing memory).
   * @example
   * const sd = net.state_dict(); sd['fc1.weight'].shape; // [8, 4]
   */
  state_dict(opts: { destination?: StateDict; prefix?: string; keep_vars?: boolean } = {}): StateDict {
    const dest = opts.destination ?? {};
    const prefix = opts.prefix ?? '';
    const keep = opts.keep_vars ?? false;
    this._save_to_state_dict(dest, prefix, keep);
    for (const [name, m] of this._modules) if (m) m.state_dict({ destination: dest, prefix: prefix + name + '.', keep_vars: keep });
    return dest;
  }

  /** Copies this module's own entries from a state dict (subclasses may override, e.g. BatchNorm). */
  _load_from_state_dict(state_dict: Map<string, unknown>, prefix: string, _local_metadata: Record<string, unknown>, strict: boolean, missing_keys: string[], unexpected_keys: string[], error_msgs: string[]): void {
    const local = new Map<string, Tensor>();
    for (const [k, v] of this._parameters) if (v) local.set(k, v);
    for (const [k, v] of this._buffers) if (v && !this._non_persistent_buffers_set.has(k)) local.set(k, v);
    for (const [name, param] of local) {
      const key = prefix + name;
      if (state_dict.has(key)) {
        const raw = state_dict.get(key);
        if (!(raw instanceof Tensor)) {
          error_msgs.push(`While copying the parameter named "${key}", expected torch.Tensor or Tensor-like object from checkpoint but received ${typename(raw)}`);
          continue;
        }
        // Backward compatibility: a 1-element 1-D checkpoint entry loads into a 0-d parameter.
        const input = param.dim() === 0 && raw.dim() === 1 ? raw.reshape([]) : raw;
        if (!sameShape(input.shape, param.shape)) {
          error_msgs.push(`size mismatch for ${key}: copying a param with shape ${torchSize(input.shape)} from checkpoint, the shape in current model is ${torchSize(param.shape)}.`);
          continue;
        }
        no_grad(() => {
          copyInto(param, input);
          param._bump();
        });
      } else if (strict) missing_keys.push(key);
    }
    if (strict)
      for (const key of state_dict.keys())
        if (key.startsWith(prefix)) {
          const input_name = key.slice(prefix.length).split('.', 1)[0];
          if (!this._modules.has(input_name) && !local.has(input_name)) unexpected_keys.push(key);
        }
  }

  /**
   * Copies parameters and buffers from a state dict (plain object or Map) in place. With strict,
   * missing and unexpected keys are errors, as in PyTorch.
   * @example
   * net.load_state_dict(other.state_dict());
   */
  load_state_dict(state_dict: StateDict | Map<string, unknown>, strict: boolean | { strict?: boolean } = true): IncompatibleKeys {
    const isStrict = typeof strict === 'boolean' ? strict : (strict.strict ?? true);
    if (state_dict === null || typeof state_dict !== 'object') throw new TorchTypeError(`Expected state_dict to be dict-like, got ${typename(state_dict)}.`);
    const sd = state_dict instanceof Map ? new Map(state_dict) : new Map(Object.entries(state_dict));
    const missing_keys: string[] = [];
    const unexpected_keys: string[] = [];
    const error_msgs: string[] = [];
    const load = (m: Module, local: Map<string, unknown>, prefix: string): void => {
      m._load_from_state_dict(local, prefix, {}, true, missing_keys, unexpected_keys, error_msgs);
      for (const [name, child] of m._modules) {
        if (!child) continue;
        const cp = prefix + name + '.';
        load(child, new Map([...local].filter(([k]) => k.startsWith(cp))), cp);
      }
    };
    load(this._self, sd, '');
    if (isStrict) {
      if (unexpected_keys.length) error_msgs.unshift(`Unexpected key(s) in state_dict: ${unexpected_keys.map((k) => `"${k}"`).join(', ')}. `);
      if (missing_keys.length) error_msgs.unshift(`Missing key(s) in state_dict: ${missing_keys.map((k) => `"${k}"`).join(', ')}. `);
    }
    if (error_msgs.length) throw new RuntimeError(`Error(s) in loading state_dict for ${this._get_name()}:\n\t${error_msgs.join('\n\t')}`);
    return { missing_keys, unexpected_keys };
  }

  // ---- modes and conversions ----

  /** Sets training mode on this module and its descendants. */
  train(mode = true): this {
    if (typeof mode !== 'boolean') throw new ValueError('training mode is expected to be boolean');
    this.training = mode;
    for (const m of this.children()) m.train(mode);
    return this;
  }
  /** train(false). */
  eval(): this {
    return this.train(false);
  }

  /** Sets requires_grad on every parameter. */
  requires_grad_(requires_grad = true): this {
    for (const p of this.parameters()) p.requires_grad_(requires_grad);
    return this;
  }

  /** Clears parameter gradients: sets them to null, or zeroes them with set_to_none=false. */
  zero_grad(set_to_none: boolean | { set_to_none?: boolean } = true): void {
    const none = typeof set_to_none === 'boolean' ? set_to_none : (set_to_none.set_to_none ?? true);
    for (const p of this.parameters()) {
      const g = p.grad;
      if (!g) continue;
      if (none) p.grad = null;
      else {
        if (g.grad_fn) g.detach_();
        else g.requires_grad_(false);
        g._mutate((d) => fillData(d, 0, g.dtype));
        g._bump();
      }
    }
  }

  /** Calls fn on every descendant, then on this module. */
  apply(fn: (m: Module) => void): this {
    for (const m of this.children()) m.apply(fn);
    fn(this._self);
    return this;
  }

  /** Replaces every parameter's (and its grad's) data and every buffer by fn(tensor). */
  _apply(fn: (t: Tensor) => Tensor): this {
    for (const m of this.children()) m._apply(fn);
    no_grad(() => {
      for (const p of this._parameters.values()) {
        if (!p) continue;
        p.data = fn(p);
        if (p.grad) p.grad.data = fn(p.grad);
      }
      for (const [k, b] of this._buffers) if (b) this._buffers.set(k, fn(b));
    });
    return this;
  }

  /**
   * Converts floating-point parameters and buffers to a dtype; devices other than 'cpu' are not
   * available. Returns this module.
   * @example
   * model.to(torch.float64); model.to('cpu'); model.to({ dtype: torch.float64 });
   */
  to(...args: (DType | string | Tensor | { type: string } | boolean | null | undefined | { dtype?: DType; device?: unknown; non_blocking?: boolean })[]): this {
    // PyTorch's overloads: to(device, dtype, non_blocking), to(dtype, non_blocking), to(tensor), and keywords.
    const o = isOpts(args[args.length - 1]) ? (args.pop() as { dtype?: DType }) : {};
    let dtype: DType | undefined = o.dtype;
    const [first, second] = args;
    if (first instanceof DType) dtype = first;
    else if (first instanceof Tensor) dtype = first.dtype;
    else if (second instanceof DType) dtype = second; // (device, dtype)
    if (dtype && !dtype.is_floating_point)
      throw new TorchTypeError(`nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=${dtype}`);
    if (!dtype) return this;
    const dt = dtype;
    return this._apply((t) => (t.is_floating_point() ? t.to(dt) : t));
  }
  /** Floating-point parameters and buffers to float32. */
  float(): this {
    return this._apply((t) => (t.is_floating_point() ? t.float() : t));
  }
  /** Floating-point parameters and buffers to float64. */
  double(): this {
    return this._apply((t) => (t.is_floating_point() ? t.double() : t));
  }
  /** Floating-point parameters and buffers to float16. */
  half(): this {
    return this._apply((t) => (t.is_floating_point() ? t.half() : t));
  }
  /** Floating-point parameters and buffers to bfloat16. */
  bfloat16(): this {
    return this._apply((t) => (t.is_floating_point() ? t.bfloat16() : t));
  }
  /** CPU only: returns this module. */
  cpu(): this {
    return this;
  }

  // ---- hooks ----

  /** hook(module, args) runs before forward; a non-null return replaces the inputs. */
  register_forward_pre_hook(hook: ForwardPreHook): RemovableHandle {
    const h = new RemovableHandle(this._forward_pre_hooks);
    this._forward_pre_hooks.set(h.id, hook);
    return h;
  }
  /** hook(module, args, output) runs after forward; a non-null return replaces the output. */
  register_forward_hook(hook: ForwardHook): RemovableHandle {
    const h = new RemovableHandle(this._forward_hooks);
    this._forward_hooks.set(h.id, hook);
    return h;
  }

  // ---- printing ----

  /** The class name (works for any subclass name). */
  _get_name(): string {
    return this.constructor.name;
  }
  /** Extra text inside the repr's parentheses; layers override it. */
  extra_repr(): string {
    return '';
  }
  /** The module tree as PyTorch prints it. */
  toString(): string {
    const extra = this.extra_repr();
    const extraLines = extra ? extra.split('\n') : [];
    const childLines: string[] = [];
    for (const [key, m] of this._modules) childLines.push(`(${key}): ${addindent(m ? m.toString() : 'None', 2)}`);
    const lines = [...extraLines, ...childLines];
    let s = this._get_name() + '(';
    if (lines.length) {
      if (extraLines.length === 1 && !childLines.length) s += extraLines[0];
      else s += '\n  ' + lines.join('\n  ') + '\n';
    }
    return s + ')';
  }
  /** console.log(model) prints the repr. */
  [inspect.custom](): string {
    return this.toString();
  }
}

/** torch.Size([3, 2]) as Python prints it. */
export function torchSize(s: readonly number[]): string {
  return `torch.Size([${s.join(', ')}])`;
}
