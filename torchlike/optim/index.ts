// torch.optim: optimizers (one fused onnxruntime call per group and dtype per step) and lr_scheduler.
export { Optimizer, required, type ParamGroup, type ParamState, type OptimizerStateDict } from './optimizer.js';
export { SGD } from './sgd.js';
export { Adam } from './adam.js';
export { AdamW } from './adamw.js';
export { RMSprop } from './rmsprop.js';
export { Adagrad } from './adagrad.js';
export { Adadelta } from './adadelta.js';
export * as lr_scheduler from './lr_scheduler.js';
