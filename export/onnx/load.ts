// torch.onnx.load: any standard .onnx file as a callable that runs on onnxruntime.
import { readFileSync, statSync } from 'node:fs';
import { float32, toDType } from '../../src/dtype.js';
import { RuntimeError } from '../../src/errors.js';
import { get_num_threads, Session } from '../../src/ort/runtime.js';
import { onnx } from '../../src/graph/builder.js';
import { Tensor } from '../../src/tensor.js';
import { inlineExternal } from './external.js';

export interface OnnxModule {
  /** Positional inputs, or one object of inputs by name. One output → a Tensor, else an array. */
  (...inputs: Tensor[] | [Record<string, Tensor>]): Tensor | Tensor[];
  readonly input_names: readonly string[];
  readonly output_names: readonly string[];
  /** Releases the onnxruntime session. */
  dispose(): void;
}

/**
 * Loads an .onnx file (path or bytes) for inference on onnxruntime's CPU kernels. Weights stored
 * as external data (`<file>.data` next to the model) are read from the model's folder.
 * @example
 * const m = torch.onnx.load('mlp.onnx');
 * const y = m(torch.randn(8, 784));        // or m({ x: torch.randn(8, 784) })
 */
export function load(pathOrBytes: string | Uint8Array): OnnxModule {
  const what = typeof pathOrBytes === 'string' ? pathOrBytes : '<bytes>';
  let session: Session;
  if (typeof pathOrBytes === 'string' && sessionFromPath !== null) {
    // onnxruntime reads the file (and its external data, relative to the model's folder) itself:
    // no copy in JS, and models over 2 GB load.
    try {
      if (!statSync(pathOrBytes).isFile()) throw new Error('not a file');
    } catch (e) {
      throw new RuntimeError(`torch.onnx.load: cannot read ${what}: ${(e as Error).message}`);
    }
    try {
      session = sessionFromPath(pathOrBytes, { threads: get_num_threads() });
    } catch (e) {
      throw new RuntimeError(`torch.onnx.load: ${what} is not a loadable ONNX model: ${(e as Error).message}`);
    }
  } else {
    let bytes: Uint8Array;
    try {
      bytes = typeof pathOrBytes === 'string' ? readFileSync(pathOrBytes) : pathOrBytes;
    } catch (e) {
      throw new RuntimeError(`torch.onnx.load: cannot read ${what}: ${(e as Error).message}`);
    }
    if (typeof pathOrBytes === 'string') bytes = withExternalData(bytes, pathOrBytes);
    try {
      session = new Session(bytes, { threads: get_num_threads() });
    } catch (e) {
      throw new RuntimeError(`torch.onnx.load: ${what} is not a loadable ONNX model: ${(e as Error).message}`);
    }
  }
  const call = (...args: unknown[]): Tensor | Tensor[] => {
    const byName = args.length === 1 && !(args[0] instanceof Tensor) ? (args[0] as Record<string, Tensor>) : null;
    const feeds = session.inputNames.map((n, i) => {
      const t = byName ? byName[n] : (args[i] as Tensor);
      if (!(t instanceof Tensor)) throw new RuntimeError(`torch.onnx.load: missing input '${n}' (expected ${session.inputNames.length} inputs: ${session.inputNames.join(', ')})`);
      if (t.dtype.name === 'bfloat16') throw new RuntimeError(`torch.onnx.load: input '${n}' is bfloat16, which onnxruntime-node cannot take (its JS tensors have no bfloat16)`);
      return t._ortValue();
    });
    let res;
    try {
      res = session.run(feeds);
    } catch (e) {
      throw new RuntimeError(`running ${what} failed in onnxruntime: ${(e as Error).message}`);
    }
    const outs = res.map((o) => Tensor._fromOrt(o, o.dims.slice(), toDType(o.type, float32)));
    return outs.length === 1 ? outs[0] : outs;
  };
  return Object.assign(call, {
    input_names: session.inputNames,
    output_names: session.outputNames,
    dispose: () => session.dispose(),
  }) as OnnxModule;
}

/**
 * A Session built from a file path, when src/ort/runtime.ts offers it: a constructor accepting a
 * path (`new Session(path, opts)`), announced by `static readonly acceptsPath = true`. Until then
 * null, and the file's bytes are read here (with external data inlined, so ≤ 2 GB in total).
 */
const sessionFromPath: ((path: string, opts: { threads: number }) => Session) | null = (Session as unknown as { acceptsPath?: boolean }).acceptsPath === true
  ? (path, opts) => new (Session as unknown as new (model: string, o: { threads: number }) => Session)(path, opts)
  : null;

/** The model with its external-data initializers read in (onnxruntime gets bytes, not a path). */
function withExternalData(bytes: Uint8Array, path: string): Uint8Array {
  // Only models that mention a location can hold external data: skip the decode otherwise.
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('location') < 0) return bytes;
  let model;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw new RuntimeError(`torch.onnx.load: ${path} is not a loadable ONNX model: ${(e as Error).message}`);
  }
  if (!inlineExternal(model.graph?.initializer ?? [], path)) return bytes;
  return onnx.ModelProto.encode(model).finish();
}
