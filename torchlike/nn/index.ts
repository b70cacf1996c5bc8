// torch.nn: Module, Parameter, containers, layers, losses.
export * as functional from './functional/index.js';
export * as init from './init.js';
