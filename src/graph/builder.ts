// Builds ONNX graphs, shaped like onnx/helper.py (make_node, make_graph, make_model).
// Shared by eager execution (one-op models), torch.onnx.export and whole-step capture: every
// op's `lower` writes into a GraphBuilder and never knows which of the three it serves.
import onnxProto from 'onnx-proto';
import { int64 as INT64, type DType, type TypedArray } from '../dtype.js';
import { halfCodec } from '../half.js';

export const { onnx } = onnxProto;
type AttrProto = onnxProto.onnx.IAttributeProto;
type TensorProto = onnxProto.onnx.ITensorProto;

/** A float attribute (plain numbers are written as INT). */
export class FloatAttr {
  constructor(readonly value: number) {}
}
export class FloatsAttr {
  constructor(readonly value: readonly number[]) {}
}
/** A tensor attribute (ConstantOfShape's value, Constant's value). */
export class TensorAttr {
  constructor(readonly dtype: DType, readonly shape: readonly number[], readonly data: TypedArray) {}
}
export const f = (v: number): FloatAttr => new FloatAttr(v);
export const fs = (v: readonly number[]): FloatsAttr => new FloatsAttr(v);
export type AttrValue = number | readonly number[] | string | FloatAttr | FloatsAttr | TensorAttr | undefined;

export function tensorProto(name: string, dtype: DType, shape: readonly number[], data: TypedArray): TensorProto {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return { name, dataType: dtype.onnx, dims: shape.slice(), rawData: bytes.slice() };
}

function attr(name: string, v: Exclude<AttrValue, undefined>): AttrProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof v === 'number') return { name, type: T.INT, i: v };
  if (typeof v === 'string') return { name, type: T.STRING, s: new TextEncoder().encode(v) };
  if (v instanceof FloatAttr) return { name, type: T.FLOAT, f: v.value };
  if (v instanceof FloatsAttr) return { name, type: T.FLOATS, floats: v.value.slice() };
  if (v instanceof TensorAttr) return { name, type: T.TENSOR, t: tensorProto('', v.dtype, v.shape, v.data) };
  return { name, type: T.INTS, ints: (v as number[]).slice() };
}

/** One dimension of a graph input/output: a number, or a symbolic name. */
export type Dim = number | string;

export function valueInfo(name: string, dtype: DType, dims: readonly Dim[]) {
  return {
    name,
    type: {
      tensorType: {
        elemType: dtype.onnx,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

export class GraphBuilder {
  readonly nodes: onnxProto.onnx.INodeProto[] = [];
  readonly initializers: TensorProto[] = [];
  readonly inputs: ReturnType<typeof valueInfo>[] = [];
  readonly outputs: ReturnType<typeof valueInfo>[] = [];
  private counter = 0;
  private readonly constCache = new Map<string, string>();

  constructor(readonly opset = 17) {}

  fresh(prefix = 'v'): string {
    return `${prefix}_${this.counter++}`;
  }

  /** Appends a node; returns its output names. */
  op(opType: string, inputs: readonly string[], attrs: Record<string, AttrValue> = {}, nOutputs = 1, domain = ''): string[] {
    const outputs = Array.from({ length: nOutputs }, () => this.fresh(opType));
    const attribute: AttrProto[] = [];
    for (const k of Object.keys(attrs)) {
      const v = attrs[k];
      if (v !== undefined) attribute.push(attr(k, v));
    }
    this.nodes.push({ opType, input: inputs.slice(), output: outputs, attribute, domain, name: outputs[0].replace(/_\d+$/, '') + `_${this.nodes.length}` });
    return outputs;
  }

  /** Single-output shorthand. */
  op1(opType: string, inputs: readonly string[], attrs: Record<string, AttrValue> = {}): string {
    return this.op(opType, inputs, attrs, 1)[0];
  }

  /** An initializer holding a constant; identical small constants are shared. */
  constant(dtype: DType, shape: readonly number[], data: TypedArray): string {
    const small = data.length <= 16;
    const key = small ? `${dtype.name}|${shape.join(',')}|${Array.from(data as ArrayLike<number | bigint>, String).join(',')}` : '';
    if (small) {
      const hit = this.constCache.get(key);
      if (hit) return hit;
    }
    const name = this.fresh('const');
    this.initializers.push(tensorProto(name, dtype, shape, data));
    if (small) this.constCache.set(key, name);
    return name;
  }

  /** A named initializer (parameters in exported models). */
  initializer(name: string, dtype: DType, shape: readonly number[], data: TypedArray): string {
    this.initializers.push(tensorProto(name, dtype, shape, data));
    return name;
  }

  /** int64 1-D constant: axes, shapes, starts/ends. */
  ints(values: readonly number[]): string {
    return this.constant(INT64, [values.length], BigInt64Array.from(values, (v) => BigInt(v)));
  }

  /** int64 0-d constant. */
  int(value: number): string {
    return this.constant(INT64, [], BigInt64Array.of(BigInt(value)));
  }

  /** A 0-d constant of a dtype. */
  scalar(dtype: DType, value: number): string {
    const data = new dtype.array(1);
    data[0] = (dtype.name === 'int64' ? BigInt(value) : dtype.isHalf ? halfCodec(dtype).enc(value) : value) as never;
    return this.constant(dtype, [], data);
  }

  addInput(name: string, dtype: DType, dims: readonly Dim[]): string {
    this.inputs.push(valueInfo(name, dtype, dims));
    return name;
  }

  addOutput(name: string, dtype: DType, dims: readonly Dim[]): void {
    this.outputs.push(valueInfo(name, dtype, dims));
  }

  toModel(meta: { producerName?: string; producerVersion?: string; docString?: string; graphName?: string } = {}): onnxProto.onnx.IModelProto {
    return {
      irVersion: 8,
      opsetImport: [{ domain: '', version: this.opset }],
      producerName: meta.producerName ?? 'torchlike',
      producerVersion: meta.producerVersion ?? '',
      docString: meta.docString ?? '',
      graph: {
        name: meta.graphName ?? 'torchlike_graph',
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    };
  }

  encode(meta?: Parameters<GraphBuilder['toModel']>[0]): Uint8Array {
    return onnx.ModelProto.encode(onnx.ModelProto.create(this.toModel(meta))).finish();
  }
}
