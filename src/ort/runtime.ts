// The one module that touches onnxruntime-node. Everything else goes through these functions.
//
// We use the package's native binding (dist/binding) because its InferenceSession.run is
// synchronous; the public `InferenceSession.run` is async. The binding is not public API, so the
// exact onnxruntime-node version is pinned and test/ort/runtime.test.ts fails loudly if an upgrade
// removes every synchronous path. A future `runSync` is preferred when it exists.
import { createRequire } from 'node:module';
import { bfloat16, float16, type TypedArray } from '../dtype.js';
import { float32ToHalf, halfToFloat32 } from '../half.js';

const require = createRequire(import.meta.url);

export interface OrtTensor {
  readonly type: string;
  readonly dims: readonly number[];
  readonly data: TypedArray;
}
interface NativeSession {
  loadModel(buffer: ArrayBuffer, byteOffset: number, byteLength: number, options: object): void;
  loadModel(modelPath: string, options: object): void;
  readonly inputMetadata: { name: string }[];
  readonly outputMetadata: { name: string }[];
  run(feeds: Record<string, OrtTensor>, fetches: Record<string, OrtTensor | null>, options: object): Record<string, OrtTensor>;
  runSync?(feeds: Record<string, OrtTensor>, fetches: Record<string, OrtTensor | null>, options: object): Record<string, OrtTensor>;
  dispose(): void;
}

const common = require('onnxruntime-common') as {
  Tensor: new (type: string, data: TypedArray, dims: readonly number[]) => OrtTensor;
  env: { logLevel?: string };
};
// Failed runs otherwise print `[E:onnxruntime…]` on stderr; we rethrow them with context instead.
common.env.logLevel = 'fatal';
const bindingModule = require('onnxruntime-node/dist/binding') as {
  binding: { InferenceSession: new () => NativeSession };
  initOrt: () => void;
};
bindingModule.initOrt();
const NativeInferenceSession = bindingModule.binding.InferenceSession;

/** Which synchronous entry point this onnxruntime-node exposes ('runSync' preferred). */
export const syncRunMethod: 'runSync' | 'run' | null = (() => {
  const p = NativeInferenceSession.prototype as unknown as Record<string, unknown>;
  if (typeof p.runSync === 'function') return 'runSync';
  if (typeof p.run === 'function') return 'run';
  return null;
})();

export const OrtTensorCtor = common.Tensor;

export function ortTensor(type: string, data: TypedArray, dims: readonly number[]): OrtTensor {
  // onnxruntime-node has no bfloat16 tensors: a plain record that widened sessions convert.
  if (type === 'bfloat16') return { type, data, dims };
  return new common.Tensor(type, data, dims);
}

let numThreads = Math.max(1, (() => {
  try {
    return require('node:os').availableParallelism() as number;
  } catch {
    return 1;
  }
})());
/** torch.set_num_threads: threads used by sessions of ops that parallelise (matmul, conv). */
export function set_num_threads(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error('set_num_threads expects a positive number of threads');
  numThreads = n;
}
export function get_num_threads(): number {
  return numThreads;
}

/** A loaded model with fixed positional input/output names. */
export class Session {
  /** Models can be loaded from a path (external data is then found next to the file; > 2 GB works). */
  static readonly acceptsPath = true;
  private readonly native: NativeSession;
  readonly inputNames: string[];
  readonly outputNames: string[];
  private readonly feeds: Record<string, OrtTensor> = {};
  private readonly fetches: Record<string, null> = {};
  private disposed = false;

  /** Widened session: float16/bfloat16 inputs are fed as float32; outputs listed here come back as half bits. */
  private readonly halfIn: boolean;
  private readonly halfOut: readonly (string | undefined)[] | undefined;

  constructor(model: Uint8Array | string, opts: { threads: number; optimize?: boolean; halfOutputs?: readonly (string | undefined)[] }) {
    if (!syncRunMethod) throw new Error('onnxruntime-node exposes no synchronous run: torchlike needs its pinned version');
    this.native = new NativeInferenceSession();
    const options: Record<string, unknown> = {
      intraOpNumThreads: opts.threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: opts.optimize === false ? 'disabled' : 'all',
      logSeverityLevel: 4,
    };
    // Spinning workers burn the other core between our ops (ORT-FACTS §3); multi-thread sessions don't spin.
    if (opts.threads > 1) options.extra = { session: { intra_op: { allow_spinning: '0' } } };
    if (typeof model === 'string') this.native.loadModel(model, options);
    else this.native.loadModel(model.buffer as ArrayBuffer, model.byteOffset, model.byteLength, options);
    this.inputNames = this.native.inputMetadata.map((m) => m.name);
    this.outputNames = this.native.outputMetadata.map((m) => m.name);
    for (const n of this.outputNames) this.fetches[n] = null;
    this.halfIn = opts.halfOutputs !== undefined;
    this.halfOut = opts.halfOutputs;
  }

  /** Runs synchronously; inputs positional, outputs positional. */
  run(inputs: readonly OrtTensor[]): OrtTensor[] {
    const names = this.inputNames;
    const feeds = this.feeds;
    for (let i = 0; i < names.length; i++) {
      const x = inputs[i];
      if (this.halfIn && (x.type === 'float16' || x.type === 'bfloat16'))
        feeds[names[i]] = new common.Tensor('float32', halfToFloat32(x.data as Uint16Array, x.type === 'float16' ? float16 : bfloat16), x.dims);
      else feeds[names[i]] = x;
    }
    const res = syncRunMethod === 'runSync' ? this.native.runSync!(feeds, this.fetches, {}) : this.native.run(feeds, this.fetches, {});
    const outNames = this.outputNames;
    const out = new Array<OrtTensor>(outNames.length);
    for (let i = 0; i < outNames.length; i++) {
      const r = res[outNames[i]];
      const h = this.halfOut?.[i];
      out[i] = h === undefined ? r : ortTensor(h, float32ToHalf(r.data as Float32Array, h === 'float16' ? float16 : bfloat16), r.dims);
    }
    return out;
  }

  dispose(): void {
    if (!this.disposed) {
      this.disposed = true;
      this.native.dispose();
    }
  }
}
