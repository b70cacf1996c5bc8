// PyTorch's TracerWarning: tracing records tensor ops only, so a value read out of a tensor
// (item(), tolist(), numpy()) is frozen into the trace. Warned once per call site, as Python's
// default warnings filter does.

export const TRACER_WARNING =
  "Converting a tensor to a Python number might cause the trace to be incorrect. We can't record the data flow of Python values, so this value will be treated as a constant in the future. This means that the trace might not generalize to other inputs!";

const warned = new Set<string>();

/** The first stack frame outside torchlike's own tensor/export code: the user's call site. */
function callSite(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  const own = /[/\\](src[/\\]tensor|export[/\\]onnx[/\\]warnings)\.[jt]s/;
  const f = frames.find((l) => !own.test(l)) ?? '';
  return f.trim().replace(/^at /, '').replace(/^.*\((.*)\)$/, '$1');
}

/** Tensor._onRead hook installed while tracing. */
export function onTensorRead(): void {
  const site = callSite();
  if (warned.has(site)) return;
  warned.add(site);
  console.warn(`${site}: TracerWarning: ${TRACER_WARNING}`);
}
