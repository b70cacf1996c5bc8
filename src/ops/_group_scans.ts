// Ops of the scans group (scans and statistics): one export line per op file.
export * from './scan.js';
export * from './cumprod.js';
export * from './cummax.js';
export * from './cummin.js';
export * from './logcumsumexp.js';
export * from './nansum.js';
export * from './nanmean.js';
export * from './aminmax.js';
export * from './diff.js';
export * from './trapezoid.js';
export * from './cov.js';
export * from './corrcoef.js';
export * from './searchsorted.js';
export * from './bucketize.js';
export * from './histc.js';
export * from './bincount.js';
