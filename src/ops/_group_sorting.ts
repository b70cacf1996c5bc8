// Ops of the sorting group (sorting, selection, comparison): one export line per op file.
export * from './sort.js';
export * from './argsort.js';
export * from './msort.js';
export * from './topk.js';
export * from './equal.js';
export * from './isclose.js';
export * from './allclose.js';
export * from './isposinf.js';
export * from './isneginf.js';
export * from './isreal.js';
export * from './kthvalue.js';
export * from './isin.js';
export * from './unique.js';
export * from './quantile.js';
