// Containers: Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict
// (torch/nn/modules/container.py). Children are keyed '0', '1', ... so state_dict keys read
// `layers.0.weight`; `seq[0]` and `seq[-1]` work through Module's proxy and __getitem__.
import { isOpts } from '../../../src/args.js';
import { IndexError } from '../../../src/errors.js';
import { Tensor } from '../../../src/tensor.js';
import { Parameter } from '../parameter.js';
import { KeyError, Module, typename } from './module.js';

/** Python's index normalisation with its IndexError. */
function normIndex(idx: number, n: number, what: string): number {
  if (!Number.isInteger(idx)) throw new TypeError(`${what} indices must be integers, not ${typename(idx)}`);
  if (idx < -n || idx >= n) throw new IndexError(`index ${idx} is out of range`);
  return idx < 0 ? idx + n : idx;
}

/** Entries of a Map, a plain {name: value} object or an iterable of [name, value] pairs. */
function entriesOf<T>(x: Map<string, T> | Record<string, T> | Iterable<[string, T]>): [string, T][] {
  if (x instanceof Map) return [...x];
  if (isOpts(x)) return Object.entries(x as Record<string, T>);
  return [...(x as Iterable<[string, T]>)];
}

/** Clears a list container's registry and re-registers values under '0', '1', ... */
function renumber<V>(store: Map<string, V | null>, values: (V | null)[]): void {
  store.clear();
  values.forEach((v, i) => store.set(String(i), v));
}

/** What Sequential and ModuleList share: Python list indexing over `_modules`. */
abstract class ModuleSequence extends Module {
  /** seq[i] (via the module proxy; negative i counts from the end). */
  [index: number]: Module;
  /** The `_modules` key at index idx (Python index rules, with the container's IndexError). */
  protected abstract _key(idx: number): string;

  /** seq[idx] (negative counts from the end). */
  __getitem__(idx: number): Module {
    return this._modules.get(this._key(idx))!;
  }
  get(idx: number): Module {
    return this.__getitem__(idx);
  }
  __setitem__(idx: number, module: Module): void {
    this.add_module(this._key(idx), module);
  }
  /** del seq[idx]; the remaining modules are renumbered. */
  __delitem__(idx: number): void {
    this._modules.delete(this._key(idx));
    renumber(this._modules, [...this._modules.values()]);
  }
  __len__(): number {
    return this._modules.size;
  }
  override get length(): number {
    return this._modules.size;
  }
  [Symbol.iterator](): Iterator<Module> {
    return ([...this._modules.values()] as Module[])[Symbol.iterator]();
  }
  /** Appends a module at the end. */
  append(module: Module): this {
    this.add_module(String(this._modules.size), module);
    return this;
  }
  /** Removes and returns the module at index. */
  pop(index = -1): Module {
    const m = this.__getitem__(index);
    this.__delitem__(index);
    return m;
  }
}

/**
 * Chains modules: forward feeds each module's output to the next. Built from modules
 * (keys '0', '1', ...) or from a Map / plain object of named modules.
 * @example
 * const model = new nn.Sequential(new nn.Linear(4, 8), new nn.ReLU(), new nn.Linear(8, 2));
 * model(x); model[0]; model.get(-1); model.__len__(); // 3
 */
export class Sequential extends ModuleSequence {
  constructor(...args: (Module | Map<string, Module> | Record<string, Module>)[]) {
    super();
    if (args.length === 1 && !(args[0] instanceof Module)) for (const [k, m] of entriesOf(args[0] as Map<string, Module>)) this.add_module(k, m);
    else args.forEach((m, i) => this.add_module(String(i), m as Module));
  }
  // Keys may be names (built from a Map), so index into the key order.
  protected _key(idx: number): string {
    const keys = [...this._modules.keys()];
    return keys[normIndex(idx, keys.length, 'Sequential')];
  }
  /** seq[start:stop] as a new Sequential keeping the original keys. */
  slice(start = 0, stop?: number): Sequential {
    const items = [...this._modules].slice(start, stop) as [string, Module][];
    return new (this.constructor as typeof Sequential)(new Map(items));
  }
  /** Appends every module of an iterable. */
  extend(modules: Iterable<Module>): this {
    for (const m of modules) this.append(m);
    return this;
  }
  /** Inserts a module before index (renumbering). */
  insert(index: number, module: Module): this {
    const mods = [...this._modules.values()];
    const n = mods.length;
    if (!(index >= -n && index <= n)) throw new IndexError(`Index out of range: ${index}`);
    mods.splice(index < 0 ? index + n : index, 0, module);
    renumber(this._modules, mods);
    return this;
  }

  override forward(input: any): any {
    for (const m of this) input = m(input);
    return input;
  }
}

/**
 * Holds submodules in a list (registered, so their parameters are the parent's).
 * @example
 * this.layers = new nn.ModuleList([new nn.Linear(4, 4), new nn.Linear(4, 4)]);
 * for (const layer of this.layers) x = layer(x);
 */
export class ModuleList extends ModuleSequence {
  constructor(modules?: Iterable<Module> | null) {
    super();
    if (modules) this.extend(modules);
  }
  protected _key(idx: number): string {
    return String(normIndex(idx, this._modules.size, 'ModuleList'));
  }
  /** list[start:stop] as a new ModuleList. */
  slice(start = 0, stop?: number): ModuleList {
    return new (this.constructor as typeof ModuleList)(([...this._modules.values()] as Module[]).slice(start, stop));
  }
  extend(modules: Iterable<Module>): this {
    if (modules == null || typeof (modules as Iterable<Module>)[Symbol.iterator] !== 'function')
      throw new TypeError(`ModuleList.extend should be called with an iterable, but got ${typename(modules)}`);
    for (const m of [...modules]) this.append(m);
    return this;
  }
  /** Inserts a module before index (renumbering the rest). */
  insert(index: number, module: Module): void {
    const mods = [...this._modules.values()];
    const n = mods.length;
    mods.splice(index < 0 ? Math.max(0, index + n) : Math.min(index, n), 0, module);
    renumber(this._modules, mods);
  }
}

/**
 * What ModuleDict and ParameterDict share: a Python dict over one of Module's registries.
 * V is what is stored, In what __setitem__ accepts.
 */
abstract class DictContainer<V, In> extends Module {
  /** The registry the entries live in (`_modules` or `_parameters`). */
  protected abstract _store(): Map<string, V | null>;
  abstract __setitem__(key: string, value: In): void;

  __getitem__(key: string): V {
    if (!this._store().has(key)) throw new KeyError(`'${key}'`);
    return this._store().get(key)!;
  }
  get(key: string): V {
    return this.__getitem__(key);
  }
  set(key: string, value: In): void {
    this.__setitem__(key, value);
  }
  __delitem__(key: string): void {
    this._store().delete(key);
  }
  __len__(): number {
    return this._store().size;
  }
  override get length(): number {
    return this._store().size;
  }
  __contains__(key: string): boolean {
    return this._store().has(key);
  }
  has(key: string): boolean {
    return this._store().has(key);
  }
  /** Iterates over keys, like a Python dict. */
  [Symbol.iterator](): Iterator<string> {
    return [...this._store().keys()][Symbol.iterator]();
  }
  keys(): string[] {
    return [...this._store().keys()];
  }
  values(): V[] {
    return [...this._store().values()] as V[];
  }
  items(): [string, V][] {
    return [...this._store()] as [string, V][];
  }
  update(values: Map<string, In> | Record<string, In> | Iterable<[string, In]>): void {
    for (const [k, v] of entriesOf(values)) this.__setitem__(k, v);
  }
}

/**
 * Holds submodules by name, in insertion order.
 * @example
 * this.heads = new nn.ModuleDict({ cls: new nn.Linear(8, 3), box: new nn.Linear(8, 4) });
 * this.heads.get('cls')(x); this.heads['box'];
 */
export class ModuleDict extends DictContainer<Module, Module> {
  constructor(modules?: Map<string, Module> | Record<string, Module> | Iterable<[string, Module]> | null) {
    super();
    if (modules) this.update(modules);
  }
  protected _store(): Map<string, Module | null> {
    return this._modules;
  }
  __setitem__(key: string, module: Module): void {
    this.add_module(key, module);
  }
  clear(): void {
    this._modules.clear();
  }
  pop(key: string): Module {
    const m = this.__getitem__(key);
    this._modules.delete(key);
    return m;
  }
}

const paramRepr = (p: Tensor): string =>
  `Parameter containing: [${p.type()} of size ${p.shape.join('x')}]`;

/** extra_repr of ParameterList / ParameterDict: one `(key): Parameter containing: ...` line each. */
const paramsRepr = (params: Map<string, Parameter | null>): string =>
  [...params].map(([k, p]) => `(${k}): ${paramRepr(p!)}`).join('\n');

const asParam = (v: Tensor): Parameter => (v instanceof Parameter ? v : new Parameter(v));

/**
 * Holds parameters in a list (registered under '0', '1', ...).
 * @example
 * this.ws = new nn.ParameterList([new nn.Parameter(torch.randn(2, 2))]);
 */
export class ParameterList extends Module {
  /** list[i] (via the module proxy; negative i counts from the end). */
  [index: number]: Parameter;
  constructor(values?: Iterable<Tensor> | null) {
    super();
    if (values) this.extend(values);
  }
  __getitem__(idx: number): Parameter {
    return this._parameters.get(String(normIndex(idx, this._parameters.size, 'ParameterList')))!;
  }
  get(idx: number): Parameter {
    return this.__getitem__(idx);
  }
  __setitem__(idx: number, param: Tensor): void {
    this.register_parameter(String(normIndex(idx, this._parameters.size, 'ParameterList')), asParam(param));
  }
  __len__(): number {
    return this._parameters.size;
  }
  override get length(): number {
    return this._parameters.size;
  }
  [Symbol.iterator](): Iterator<Parameter> {
    return ([...this._parameters.values()] as Parameter[])[Symbol.iterator]();
  }
  append(value: Tensor): this {
    this.register_parameter(String(this._parameters.size), asParam(value));
    return this;
  }
  extend(values: Iterable<Tensor>): this {
    for (const v of [...values]) this.append(v);
    return this;
  }
  override extra_repr(): string {
    return paramsRepr(this._parameters);
  }
}

/**
 * Holds parameters by name.
 * @example
 * this.p = new nn.ParameterDict({ a: new nn.Parameter(torch.ones(2)) });
 */
export class ParameterDict extends DictContainer<Parameter, Tensor> {
  constructor(values?: Map<string, Tensor> | Record<string, Tensor> | Iterable<[string, Tensor]> | null) {
    super();
    if (values) this.update(values);
  }
  protected _store(): Map<string, Parameter | null> {
    return this._parameters;
  }
  __setitem__(key: string, value: Tensor): void {
    this.register_parameter(key, asParam(value));
  }
  override extra_repr(): string {
    return paramsRepr(this._parameters);
  }
}
