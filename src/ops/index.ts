// Every op file, so that importing this registers all ops and Tensor methods.
// The op named `foo` is defined in src/ops/foo.ts (in-place and alias forms live with it).
export * from './to_dtype.js';
export * from './clone.js';
export * from './add.js';
export * from './mul.js';
export * from './sub.js';
export * from './neg.js';
export * from './pow.js';
export * from './relu.js';
export * from './matmul.js';
export * from './sum.js';
export * from './mean.js';
export * from './sum_to_size.js';
export * from './reshape.js';
export * from './expand.js';
export * from './permute.js';
export * from './_group_elementwise.js';
export * from './_group_reduce.js';
export * from './_group_shape.js';
export * from './_group_index.js';
export * from './_group_nn.js';
export * from './_group_train.js';
export * from './device.js';
export * from './_group_emath.js';
