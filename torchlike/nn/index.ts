// torch.nn: Module, Parameter, containers, layers, losses.
export * as functional from './functional/index.js';
export * as init from './init.js';
export { Parameter } from './parameter.js';
import './modules/module_device.js';
export { Module, RemovableHandle, type IncompatibleKeys, type StateDict } from './modules/module.js';
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
export * as utils from './utils.js';
