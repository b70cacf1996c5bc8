// Narrow dtypes in one-op sessions (dispatch.ts buildSession). onnxruntime's CPU EP lacks most
// float16/int8/uint8/int16 kernels (and has no bfloat16 tensors in its JS binding), and PyTorch CPU
// computes float16/bfloat16 elementwise math in float32, rounding once per op. So every op that
// touches a narrow dtype runs in the wide type:
//   float16, bfloat16 -> float32: converted in JS at the session boundary (src/ort/runtime.ts,
//     src/half.ts: c10's round-to-nearest-even), the graph sees float32;
//   uint8, int8, int16 -> int32: Cast nodes at the graph inputs and outputs (Cast int32 -> int8
//     wraps modulo 2^8, as C and PyTorch do).
import { type DType, float32, int32 } from './dtype.js';
import type { Dim, GraphBuilder } from './graph/builder.js';

const WIDE: Partial<Record<string, DType>> = { float16: float32, bfloat16: float32, uint8: int32, int8: int32, int16: int32 };

/** The dtype a narrow dtype computes in (itself for the others). */
export function wideOf(d: DType): DType {
  return WIDE[d.name] ?? d;
}

/** Does any input or output have a narrow dtype? */
export function hasNarrow(inputs: readonly { dtype: DType }[], outputs: readonly { dtype: DType }[]): boolean {
  for (const t of inputs) if (WIDE[t.dtype.name] !== undefined) return true;
  for (const t of outputs) if (WIDE[t.dtype.name] !== undefined) return true;
  return false;
}

/** Declares graph input `name` of dtype `d` and returns the value the lowering reads (wide dtype). */
export function widenInput(g: GraphBuilder, name: string, d: DType, dims: readonly Dim[]): string {
  if (d.isHalf) return g.addInput(name, float32, dims); // fed as float32 by the session
  const x = g.addInput(name, d, dims);
  const w = wideOf(d);
  return w === d ? x : g.op1('Cast', [x], { to: w.onnx });
}

/** Declares graph output for value `y` (computed wide) of narrow dtype `d`. */
export function narrowOutput(g: GraphBuilder, y: string, d: DType, dims: readonly Dim[]): void {
  const t = d.isHalf ? float32 : d; // half outputs leave as float32, rounded in JS by the session
  g.addOutput(g.op1('Cast', [y], { to: t.onnx }), t, dims);
}
