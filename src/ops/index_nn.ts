// Ops of the nn group: one export line per op file.
export * from './convolution.js';
export * from './conv_transpose.js';
