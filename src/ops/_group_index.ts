// Ops of the index group: one export line per op file.
export * from './index_select.js';
export * from './gather.js';
export * from './scatter.js';
export * from './scatter_add.js';
export * from './masked_fill.js';
export * from './masked_select.js';
export * from './nonzero.js';
export * from './subscript.js';
export * from './index_put.js';
export * from './fill_.js';
export * from './zero_.js';
export * from './copy_.js';
export * from './take.js';
