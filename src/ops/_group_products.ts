// Ops of the products-and-distances group: one export line per op file.
export * from './tensordot.js';
export * from './inner.js';
export * from './kron.js';
export * from './vdot.js';
export * from './addmv.js';
export * from './addr.js';
export * from './addbmm.js';
export * from './cross.js';
export * from './cdist.js';
export * from './chain_matmul.js';
