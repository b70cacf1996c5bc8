// Ops used by training: losses and fused optimizer steps.
export * from './cross_entropy_loss.js';
export * from './nll_loss.js';
export * from './binary_cross_entropy.js';
export * from './_sgd_step.js';
export * from './_adam_step.js';
export * from './_rmsprop_step.js';
export * from './_adagrad_step.js';
export * from './_adadelta_step.js';
