// Python's AssertionError, so failures read (and match in ported tests) as PyTorch's.

/**
 * Thrown by torch.testing.assert_close when values differ (name 'AssertionError', as in Python).
 * @example
 * try { torch.testing.assert_close(a, b); } catch (e) { if (e instanceof torch.testing.AssertionError) ... }
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}
