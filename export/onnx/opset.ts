// Which opsets torch.onnx.export honours, and the first opset at which each op's lowering exists.
// Ops absent from MIN_OPSET_BY_OP lower at every supported opset (lowerings branch on g.opset
// where a node's signature changed, e.g. lowerReduce; legalize.ts rewrites the rest).

export const MIN_OPSET = 13;
export const MAX_OPSET = 18;
export const DEFAULT_OPSET = 17;

/** Minimum opset of an op, when above MIN_OPSET: a number, or a rule on the op's attrs. */
type MinOpset = number | ((attrs: never) => number);

/** op name (OpDef.name) → minimum opset, with the ONNX node that needs it. */
export const MIN_OPSET_BY_OP: Readonly<Record<string, MinOpset>> = {
  tril: 14, // Trilu
  triu: 14, // Trilu
  scatter_add: 16, // ScatterElements reduction='add'
  scatter: (a: { reduction: string }) => (a.reduction === 'none' ? MIN_OPSET : 16), // reduction='mul'
  index_put: (a: { accumulate: boolean }) => (a.accumulate ? 16 : MIN_OPSET), // ScatterND reduction='add'
  embedding_dense_backward: 16, // ScatterND reduction='add'
};

/** The minimum opset at which `op` with `attrs` can be exported. */
export function minOpset(op: string, attrs: unknown): number {
  const m = MIN_OPSET_BY_OP[op];
  if (m === undefined) return MIN_OPSET;
  return typeof m === 'number' ? m : (m as (a: unknown) => number)(attrs);
}

/**
 * One error for every op the trace met that needs a newer opset, in PyTorch's words for one op
 * ("Exporting the operator 'aten::tril' to ONNX opset version 13 is not supported...").
 */
export function unsupportedOpsetMessage(opset: number, needs: ReadonlyMap<string, number>): string {
  const list = [...needs].map(([op, v]) => `'${op}' (added in opset ${v})`).join(', ');
  const need = Math.max(...needs.values());
  return (
    `Exporting the operator${needs.size > 1 ? 's' : ''} ${list} to ONNX opset version ${opset} is not supported. ` +
    `Support for ${needs.size > 1 ? 'these operators' : 'this operator'} was added in version ${need}, try exporting with this version.`
  );
}
