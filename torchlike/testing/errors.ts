// Python's AssertionError, so failures read (and match in ported tests) as PyTorch's.
export class AssertionError extends Error {
  override name = 'AssertionError';
}
