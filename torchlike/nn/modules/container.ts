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

/**
 * Chains modules: forward feeds each module's output to the next. Built from modules
 * (keys '0', '1', ...) or from a Map / plain object of named modules.
 * @example
 * const model = new nn.Sequential(new nn.Linear(4, 8), new nn.ReLU(), new nn.Linear(8, 2));
 * model(x); model[0]; model.get(-1); model.__len__(); // 3
 */
export class Sequential extends Module {
  /** seq[i] (via the module proxy; negative i counts from the end). */
  [index: number]: Module;
  constructor(...args: (Module | Map<string, Module> | Record<string, Module>)[]) {
    super();
    if (args.length === 1 && !(args[0] instanceof Module)) for (const [k, m] of entriesOf(args[0] as Map<string, Module>)) this.add_module(k, m);
    else args.forEach((m, i) => this.add_module(String(i), m as Module));
  }

  /** seq[idx] (negative counts from the end). */
  __getitem__(idx: number): Module {
    const keys = [...this._modules.keys()];
    return this._modules.get(keys[normIndex(idx, keys.length, 'Sequential')])!;
  }
  get(idx: number): Module {
    return this.__getitem__(idx);
  }
  /** seq[start:stop] as a new Sequential keeping the original keys. */
  slice(start = 0, stop?: number): Sequential {
    const items = [...this._modules].slice(start, stop) as [string, Module][];
    return new (this.constructor as typeof Sequential)(new Map(items));
  }
  __setitem__(idx: number, module: Module): void {
    const keys = [...this._modules.keys()];
    this.add_module(keys[normIndex(idx, keys.length, 'Sequential')], module);
  }
  /** del seq[idx]; the remaining modules are renumbered. */
  __delitem__(idx: number): void {
    const keys = [...this._modules.keys()];
    this._modules.delete(keys[normIndex(idx, keys.length, 'Sequential')]);
    const rest = [...this._modules.values()];
    this._modules.clear();
    rest.forEach((m, i) => this._modules.set(String(i), m));
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
    this._modules.clear();
    mods.forEach((m, i) => this._modules.set(String(i), m));
    return this;
  }
  /** Removes and returns the module at index. */
  pop(index = -1): Module {
    const m = this.__getitem__(index);
    this.__delitem__(index);
    return m;
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
export class ModuleList extends Module {
  /** list[i] (via the module proxy; negative i counts from the end). */
  [index: number]: Module;
  constructor(modules?: Iterable<Module> | null) {
    super();
    if (modules) this.extend(modules);
  }
  private offset(idx: number): string {
    return String(normIndex(idx, this._modules.size, 'ModuleList'));
  }
  /** list[idx] (negative counts from the end). */
  __getitem__(idx: number): Module {
    return this._modules.get(this.offset(idx))!;
  }
  get(idx: number): Module {
    return this.__getitem__(idx);
  }
  /** list[start:stop] as a new ModuleList. */
  slice(start = 0, stop?: number): ModuleList {
    return new (this.constructor as typeof ModuleList)(([...this._modules.values()] as Module[]).slice(start, stop));
  }
  __setitem__(idx: number, module: Module): void {
    this.add_module(this.offset(idx), module);
  }
  /** del list[idx]; the rest are renumbered. */
  __delitem__(idx: number): void {
    this._modules.delete(this.offset(idx));
    const rest = [...this._modules.values()];
    this._modules.clear();
    rest.forEach((m, i) => this._modules.set(String(i), m));
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
  append(module: Module): this {
    this.add_module(String(this._modules.size), module);
    return this;
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
    this._modules.clear();
    mods.forEach((m, i) => this._modules.set(String(i), m));
  }
  pop(index = -1): Module {
    const m = this.__getitem__(index);
    this.__delitem__(index);
    return m;
  }
}

/**
 * Holds submodules by name, in insertion order.
 * @example
 * this.heads = new nn.ModuleDict({ cls: new nn.Linear(8, 3), box: new nn.Linear(8, 4) });
 * this.heads.get('cls')(x); this.heads['box'];
 */
export class ModuleDict extends Module {
  constructor(modules?: Map<string, Module> | Record<string, Module> | Iterable<[string, Module]> | null) {
    super();
    if (modules) this.update(modules);
  }
  __getitem__(key: string): Module {
    if (!this._modules.has(key)) throw new KeyError(`'${key}'`);
    return this._modules.get(key)!;
  }
  get(key: string): Module {
    return this.__getitem__(key);
  }
  __setitem__(key: string, module: Module): void {
    this.add_module(key, module);
  }
  set(key: string, module: Module): void {
    this.add_module(key, module);
  }
  __delitem__(key: string): void {
    this._modules.delete(key);
  }
  __len__(): number {
    return this._modules.size;
  }
  override get length(): number {
    return this._modules.size;
  }
  __contains__(key: string): boolean {
    return this._modules.has(key);
  }
  has(key: string): boolean {
    return this._modules.has(key);
  }
  /** Iterates over keys, like a Python dict. */
  [Symbol.iterator](): Iterator<string> {
    return [...this._modules.keys()][Symbol.iterator]();
  }
  keys(): string[] {
    return [...this._modules.keys()];
  }
  values(): Module[] {
    return [...this._modules.values()] as Module[];
  }
  items(): [string, Module][] {
    return [...this._modules] as [string, Module][];
  }
  clear(): void {
    this._modules.clear();
  }
  pop(key: string): Module {
    const m = this.__getitem__(key);
    this._modules.delete(key);
    return m;
  }
  update(modules: Map<string, Module> | Record<string, Module> | Iterable<[string, Module]>): void {
    for (const [k, m] of entriesOf(modules)) this.add_module(k, m);
  }
}

const paramRepr = (p: Tensor): string =>
  `Parameter containing: [${p.type()} of size ${p.shape.join('x')}]`;

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
    return [...this._parameters].map(([k, p]) => `(${k}): ${paramRepr(p!)}`).join('\n');
  }
}

/**
 * Holds parameters by name.
 * @example
 * this.p = new nn.ParameterDict({ a: new nn.Parameter(torch.ones(2)) });
 */
export class ParameterDict extends Module {
  constructor(values?: Map<string, Tensor> | Record<string, Tensor> | Iterable<[string, Tensor]> | null) {
    super();
    if (values) this.update(values);
  }
  __getitem__(key: string): Parameter {
    if (!this._parameters.has(key)) throw new KeyError(`'${key}'`);
    return this._parameters.get(key)!;
  }
  get(key: string): Parameter {
    return this.__getitem__(key);
  }
  __setitem__(key: string, value: Tensor): void {
    this.register_parameter(key, asParam(value));
  }
  set(key: string, value: Tensor): void {
    this.__setitem__(key, value);
  }
  __delitem__(key: string): void {
    this._parameters.delete(key);
  }
  __len__(): number {
    return this._parameters.size;
  }
  override get length(): number {
    return this._parameters.size;
  }
  __contains__(key: string): boolean {
    return this._parameters.has(key);
  }
  has(key: string): boolean {
    return this._parameters.has(key);
  }
  [Symbol.iterator](): Iterator<string> {
    return [...this._parameters.keys()][Symbol.iterator]();
  }
  keys(): string[] {
    return [...this._parameters.keys()];
  }
  values(): Parameter[] {
    return [...this._parameters.values()] as Parameter[];
  }
  items(): [string, Parameter][] {
    return [...this._parameters] as [string, Parameter][];
  }
  update(values: Map<string, Tensor> | Record<string, Tensor> | Iterable<[string, Tensor]>): void {
    for (const [k, v] of entriesOf(values)) this.__setitem__(k, v);
  }
  override extra_repr(): string {
    return [...this._parameters].map(([k, p]) => `(${k}): ${paramRepr(p!)}`).join('\n');
  }
}
