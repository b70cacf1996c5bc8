// External data (onnx's convention for models over protobuf's 2 GB limit): large initializers
// move to a side file and keep only `location`/`offset`/`length` entries in the model.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { RuntimeError } from '../../src/errors.js';
import type { GraphBuilder } from '../../src/graph/builder.js';

type Init = GraphBuilder['initializers'][number];

const EXTERNAL = 1; // TensorProto.DataLocation.EXTERNAL
/** protobuf's hard limit on one message */
export const PROTOBUF_LIMIT = 2 ** 31;
/** Tensors smaller than this stay inline (onnx's convert_model_to_external_data default). */
const SIZE_THRESHOLD = 1024;

/** Bytes the initializers take in the encoded model (the rest of a model is small). */
export function initializerBytes(inits: readonly Init[]): number {
  return inits.reduce((s, t) => s + (t.rawData?.length ?? 0), 0);
}

/**
 * Moves every initializer of at least 1 KB out of the model into `<modelPath>.data` (the name
 * written in each tensor's `location`, relative to the model); returns the side file's chunks.
 */
export function externalize(inits: Init[], modelPath: string): { path: string; chunks: Uint8Array[] } {
  const location = `${basename(modelPath)}.data`;
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const t of inits) {
    const raw = t.rawData;
    if (!raw || raw.length < SIZE_THRESHOLD) continue;
    chunks.push(raw);
    t.externalData = [
      { key: 'location', value: location },
      { key: 'offset', value: String(offset) },
      { key: 'length', value: String(raw.length) },
    ];
    t.dataLocation = EXTERNAL;
    t.rawData = undefined;
    offset += raw.length;
  }
  return { path: join(dirname(modelPath), location), chunks };
}

/**
 * Reads external initializers back into the model (for onnxruntime, which gets the model as
 * bytes): locations must stay inside the model's folder and ranges inside the data file.
 */
export function inlineExternal(inits: Init[], modelPath: string): boolean {
  const dir = resolve(dirname(modelPath));
  const files = new Map<string, Uint8Array>();
  let any = false;
  for (const t of inits) {
    if (t.dataLocation !== EXTERNAL) continue;
    any = true;
    const kv = Object.fromEntries((t.externalData ?? []).map((e) => [e.key, e.value]));
    const file = resolve(dir, kv.location ?? '');
    if (!kv.location || !file.startsWith(dir + sep)) throw new RuntimeError(`${modelPath}: external data location '${kv.location}' of '${t.name}' is outside the model's folder`);
    let data = files.get(file);
    if (!data) {
      try {
        data = readFileSync(file);
      } catch (e) {
        throw new RuntimeError(`${modelPath}: cannot read external data file ${file}: ${(e as Error).message}`);
      }
      files.set(file, data);
    }
    const off = Number(kv.offset ?? 0);
    const len = kv.length === undefined ? data.length - off : Number(kv.length);
    if (!Number.isSafeInteger(off) || !Number.isSafeInteger(len) || off < 0 || len < 0 || off + len > data.length)
      throw new RuntimeError(`${modelPath}: external data of '${t.name}' (offset ${kv.offset}, length ${kv.length}) lies outside ${file} (${data.length} bytes)`);
    t.rawData = data.subarray(off, off + len);
    t.dataLocation = 0;
    t.externalData = [];
  }
  return any;
}
