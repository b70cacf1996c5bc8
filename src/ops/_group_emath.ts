// Ops of the emath group (elementwise math): one export line per op file.
export * from './asin.js';
export * from './acos.js';
export * from './atan.js';
export * from './atan2.js';
export * from './sinh.js';
export * from './cosh.js';
export * from './asinh.js';
export * from './acosh.js';
export * from './atanh.js';
export * from './expm1.js';
export * from './exp2.js';
export * from './log10.js';
