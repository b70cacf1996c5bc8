// torch.optim: optimizers (one fused onnxruntime call per group and dtype per step) and lr_scheduler.
// Constructors take positional parameters by keyword too: new optim.SGD({ params, lr: 0.1 }).
import { keywordsAll } from '../../src/args.js';
import { SIGNATURES } from '../signatures.js';
import * as R from './_all.js';
export { required, type ParamGroup, type ParamState, type OptimizerStateDict } from './optimizer.js';
export * as lr_scheduler from './lr_scheduler.js';

export const {
  Optimizer, SGD, Adam, AdamW, RMSprop, Adagrad, Adadelta,
} = keywordsAll(SIGNATURES.optim, R);
export type Optimizer = R.Optimizer;
export type SGD = R.SGD;
export type Adam = R.Adam;
export type AdamW = R.AdamW;
export type RMSprop = R.RMSprop;
export type Adagrad = R.Adagrad;
export type Adadelta = R.Adadelta;
