// torch.nn.functional (also exported as F).
export * from './activation.js';
export * from './linear.js';
export * from './dropout.js';
export * from './embedding.js';
export * from './conv.js';
export * from './pooling.js';
export * from './normalization.js';
export * from './loss.js';
