// torch.testing: assert_close, make_tensor (the vitest matcher lives in ./vitest.ts, its own subpath).
export { assert_close, type AssertCloseOptions } from './assert_close.js';
export { make_tensor, type MakeTensorOptions } from './make_tensor.js';
export { default_tolerances } from './tolerances.js';
export { AssertionError } from './errors.js';
export { find_divergence, type DivergenceReport, type DivergenceRow, type DivergenceOptions } from './divergence.js';
