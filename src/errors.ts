// PyTorch raises RuntimeError / IndexError / TypeError / ValueError; ported tests match on
// both the class name and the message, so we keep Python's names.
export class RuntimeError extends Error {
  override name = 'RuntimeError';
}
export class IndexError extends Error {
  override name = 'IndexError';
}
export class ValueError extends Error {
  override name = 'ValueError';
}
export class TorchTypeError extends TypeError {
  override name = 'TypeError';
}
export class NotImplementedError extends Error {
  override name = 'NotImplementedError';
}
export class KeyError extends Error {
  override name = 'KeyError';
}
/** Python's AssertionError (PyTorch raises it for an absent CUDA). */
export class AssertionError extends Error {
  override name = 'AssertionError';
}
