// Ops of the nn group: one export line per op file.
export * from './convolution.js';
export * from './conv_transpose.js';
export * from './max_pool.js';
export * from './leaky_relu.js';
export * from './elu.js';
export * from './gelu.js';
export * from './softplus.js';
export * from './silu.js';
export * from './mish.js';
export * from './hardtanh.js';
export * from './hardswish.js';
export * from './hardsigmoid.js';
export * from './softmax.js';
export * from './log_softmax.js';
export * from './prelu.js';
export * from './embedding.js';
