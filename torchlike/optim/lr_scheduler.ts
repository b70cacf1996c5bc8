// torch.optim.lr_scheduler: constructors take positional parameters by keyword too.
import { keywordsAll } from '../../src/args.js';
import { SIGNATURES } from '../signatures.js';
import * as R from './schedulers/_all.js';
export type { OneCycleOptions } from './schedulers/one_cycle.js';
export type { PlateauOptions } from './schedulers/plateau.js';

export const {
  LRScheduler, _LRScheduler, LambdaLR, MultiplicativeLR, StepLR, MultiStepLR, ConstantLR, LinearLR, ExponentialLR, PolynomialLR, CosineAnnealingLR, CosineAnnealingWarmRestarts, OneCycleLR, ReduceLROnPlateau, SequentialLR,
} = keywordsAll(SIGNATURES.lr_scheduler, R);
export type LRScheduler = R.LRScheduler;
export type LambdaLR = R.LambdaLR;
export type MultiplicativeLR = R.MultiplicativeLR;
export type StepLR = R.StepLR;
export type MultiStepLR = R.MultiStepLR;
export type ConstantLR = R.ConstantLR;
export type LinearLR = R.LinearLR;
export type ExponentialLR = R.ExponentialLR;
export type PolynomialLR = R.PolynomialLR;
export type CosineAnnealingLR = R.CosineAnnealingLR;
export type CosineAnnealingWarmRestarts = R.CosineAnnealingWarmRestarts;
export type OneCycleLR = R.OneCycleLR;
export type ReduceLROnPlateau = R.ReduceLROnPlateau;
export type SequentialLR = R.SequentialLR;
