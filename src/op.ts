// What an op is. Each op is defined once, in src/ops/<name>.ts, as an OpDef: its shape/dtype
// rule, its ONNX lowering and its gradient written with other ops. Eager execution
// (dispatch.ts), ONNX export and whole-step capture all use this one definition.
import type { DType } from './dtype.js';
import type { GraphBuilder } from './graph/builder.js';
import type { Tensor } from './tensor.js';

/** What an op's shape/dtype rule produces for each output. */
export interface Meta {
  readonly dtype: DType;
  readonly shape: readonly number[];
}

/** What a lowering may look at: dtypes and ranks only, so one ONNX graph serves every shape. */
export interface LowerMeta {
  readonly dtype: DType;
  readonly rank: number;
}

export interface GradCtx<A> {
  /** Inputs the op declared in `saves.inputs` (others are undefined). */
  readonly inputs: readonly Tensor[];
  /** Outputs the op declared in `saves.outputs` (others are undefined). */
  readonly outputs: readonly Tensor[];
  readonly attrs: A;
  /** Input shapes and dtypes (always available). */
  readonly inputMeta: readonly Meta[];
  /** needs[i]: does input i need a gradient? Rules return null where not. */
  readonly needs: readonly boolean[];
}

export interface OpDef<A = void> {
  /** The op's name: the PyTorch function it implements (or `_name` for internal primitives). */
  readonly name: string;
  /** Name shown as grad_fn (PyTorch's, e.g. 'AddBackward0'); a function when it depends on how the op was called (t vs permute). */
  readonly backwardName?: string | ((attrs: A) => string);
  /** Shape and dtype of each output; throws PyTorch's errors for bad input. */
  infer(inputs: readonly Tensor[], attrs: A): Meta[];
  /** Writes the op into an ONNX graph; returns the output value names. Must not depend on shapes. */
  lower(g: GraphBuilder, x: readonly string[], attrs: A, io: { inputs: readonly LowerMeta[]; outputs: readonly LowerMeta[] }): string[];
  /** Gradient w.r.t. each input, written with public ops. Missing float output grads arrive as zeros. */
  grad?(ctx: GradCtx<A>, gy: readonly (Tensor | null)[]): (Tensor | null | undefined)[];
  /** Which inputs/outputs backward reads (kept alive and version-checked). Default: all inputs. */
  readonly saves?: { readonly inputs?: readonly number[]; readonly outputs?: readonly number[] };
  /**
   * The outputs are views of input 0 (same storage; the eager rule makes them with makeView).
   * A view remembers the call, so positions of its elements can be recomputed by replaying it.
   * 'multi': several views (unbind, split), which PyTorch forbids writing into in place.
   */
  readonly view?: boolean | 'multi';
  /**
   * Each output element depends only on the input elements at the same position: inputs that
   * share one permuted dense layout (x.t()) run uncopied and the outputs keep that layout, as
   * PyTorch's TensorIterator does.
   */
  readonly elementwise?: boolean;
  /** A pure-JS evaluation used instead of ORT (metadata-only ops such as views). */
  eager?(inputs: readonly Tensor[], attrs: A, out: readonly Meta[]): Tensor[];
  /** Worth running on a multi-threaded session for these inputs? (matmul, conv when big) */
  parallel?(inputs: readonly Tensor[], out: readonly Meta[], attrs: A): boolean;
  /** Cache key for attrs; default JSON.stringify. Return '' when attrs don't affect the graph. */
  attrKey?(attrs: A): string;
}

const registry = new Map<string, OpDef<never>>();

/** Declares an op. Names are unique: one definition per op. */
export function defineOp<A = void>(def: OpDef<A>): OpDef<A> {
  if (registry.has(def.name)) throw new Error(`op ${def.name} is defined twice`);
  registry.set(def.name, def as unknown as OpDef<never>);
  return def;
}

/** Every registered op, by name (for tests and docs). */
export function registeredOps(): ReadonlyMap<string, OpDef<never>> {
  return registry;
}
