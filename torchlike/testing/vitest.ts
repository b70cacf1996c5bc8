// `torchlike/testing/vitest`: expect(t).toBeCloseTensor(ref, opts), assert_close as a vitest matcher.
// Importing this file registers the matcher; vitest is only loaded by those who import it.
import { expect } from 'vitest';
import { assert_close, type AssertCloseOptions } from './assert_close.js';

interface CloseTensorMatchers<R = unknown> {
  /**
   * Passes when `torch.testing.assert_close(received, expected, opts)` does; fails with its message.
   * @example
   * import 'torchlike/testing/vitest';
   * expect(model(x)).toBeCloseTensor(ref, { rtol: 1e-4, atol: 1e-5 });
   */
  toBeCloseTensor(expected: unknown, opts?: AssertCloseOptions): R;
}
declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends CloseTensorMatchers<T> {}
}

expect.extend({
  toBeCloseTensor(received: unknown, expected: unknown, opts?: AssertCloseOptions) {
    try {
      assert_close(received, expected, opts);
    } catch (e) {
      const message = (e as Error).message;
      return { pass: false, message: () => message };
    }
    return { pass: true, message: () => 'expected the tensors not to be close, but torch.testing.assert_close passed' };
  },
});

export {};
