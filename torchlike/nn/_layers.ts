// Every nn layer class, before keyword binding (index.ts).
export { Parameter } from './parameter.js';
export * from './modules/container.js';
export * from './modules/linear.js';
export * from './modules/activation.js';
export * from './modules/dropout.js';
export * from './modules/embedding.js';
export * from './modules/flatten.js';
export * from './modules/conv.js';
export * from './modules/pooling.js';
export * from './modules/normalization.js';
export * from './modules/loss.js';
