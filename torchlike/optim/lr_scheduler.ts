// torch.optim.lr_scheduler
export { LRScheduler, LRScheduler as _LRScheduler } from './schedulers/base.js';
export { LambdaLR, MultiplicativeLR, StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR, PolynomialLR } from './schedulers/step.js';
export { CosineAnnealingLR, CosineAnnealingWarmRestarts } from './schedulers/cosine.js';
export { OneCycleLR, type OneCycleOptions } from './schedulers/one_cycle.js';
export { ReduceLROnPlateau, type PlateauOptions } from './schedulers/plateau.js';
export { SequentialLR } from './schedulers/sequential.js';
