// Ops used by training: losses and fused optimizer steps.
export * from './cross_entropy_loss.js';
export * from './nll_loss.js';
export * from './binary_cross_entropy.js';
