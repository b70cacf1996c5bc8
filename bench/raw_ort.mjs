// The floor torchlike's eager dispatch is measured against: onnxruntime-node's native binding
// called directly on single-node sessions built here with onnx-proto, with the session options
// torchlike's runtime uses (src/ort/runtime.ts), so the ratio isolates torchlike's own overhead.
import { createRequire } from 'node:module';
import onnxProto from 'onnx-proto';

const require = createRequire(import.meta.url);
const ortRequire = createRequire(require.resolve('onnxruntime-node'));
const { binding, initOrt } = ortRequire('./binding');
const { Tensor } = ortRequire('onnxruntime-common');
const { onnx } = onnxProto;

initOrt();
export const ortVersion = require('onnxruntime-node/package.json').version;
const FLOAT = onnx.TensorProto.DataType.FLOAT;

const valueInfo = (name, rank) => ({
  name,
  type: { tensorType: { elemType: FLOAT, shape: { dim: Array.from({ length: rank }, (_, j) => ({ dimParam: `${name}_${j}` })) } } },
});

/** Model bytes of one float32 node `opType` with `nInputs` inputs of `rank` (symbolic dims) and one output. */
export function singleNodeModel(opType, nInputs, rank, outRank = rank, attribute = []) {
  const inputs = Array.from({ length: nInputs }, (_, i) => `x${i}`);
  const model = {
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    producerName: 'torchlike-bench',
    graph: {
      name: opType,
      node: [{ opType, input: inputs, output: ['y'], attribute }],
      input: inputs.map((n) => valueInfo(n, rank)),
      output: [valueInfo('y', outRank)],
    },
  };
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}

/**
 * A loaded session whose run(...inputs) returns output 0, synchronously.
 * threads/spin mirror src/ort/runtime.ts: multi-thread sessions there don't spin.
 */
export function rawSession(bytes, { threads = 1, spin = threads === 1 } = {}) {
  const s = new binding.InferenceSession();
  const options = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    logSeverityLevel: 4,
  };
  if (!spin) options.extra = { session: { intra_op: { allow_spinning: '0' } } };
  s.loadModel(bytes.buffer, bytes.byteOffset, bytes.byteLength, options);
  const names = s.inputMetadata.map((m) => m.name);
  const out = s.outputMetadata[0].name;
  const fetches = { [out]: null };
  const feeds = {};
  const runSync = typeof s.runSync === 'function' ? s.runSync.bind(s) : s.run.bind(s);
  return {
    run(...xs) {
      for (let i = 0; i < names.length; i++) feeds[names[i]] = xs[i];
      return runSync(feeds, fetches, {})[out];
    },
    dispose: () => s.dispose(),
  };
}

export const f32 = (data, dims) => new Tensor('float32', data, dims);
