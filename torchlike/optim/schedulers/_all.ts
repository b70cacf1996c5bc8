// Every scheduler, before keyword binding (../lr_scheduler.ts).
export { LRScheduler, LRScheduler as _LRScheduler } from './base.js';
export { LambdaLR, MultiplicativeLR, StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR, PolynomialLR } from './step.js';
export { CosineAnnealingLR, CosineAnnealingWarmRestarts } from './cosine.js';
export { OneCycleLR } from './one_cycle.js';
export { ReduceLROnPlateau } from './plateau.js';
export { SequentialLR } from './sequential.js';
