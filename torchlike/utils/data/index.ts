// torch.utils.data: functions and constructors take positional parameters by keyword too:
// new DataLoader({ dataset, batch_size: 4, shuffle: true }).
import { keywordsAll } from '../../../src/args.js';
import { SIGNATURES } from '../../signatures.js';
import * as R from './_all.js';
export type { DataLoaderOptions } from './dataloader.js';

export const {
  Dataset, IterableDataset, TensorDataset, Subset, ConcatDataset, random_split, len, Sampler, SequentialSampler, RandomSampler, SubsetRandomSampler, BatchSampler, default_collate, default_convert, DataLoader,
} = keywordsAll(SIGNATURES.data, R);
export type Dataset<T = unknown> = R.Dataset<T>;
export type IterableDataset<T = unknown> = R.IterableDataset<T>;
export type TensorDataset = R.TensorDataset;
export type Subset<T = unknown> = R.Subset<T>;
export type ConcatDataset<T = unknown> = R.ConcatDataset<T>;
export type Sampler<T = number> = R.Sampler<T>;
export type SequentialSampler = R.SequentialSampler;
export type RandomSampler = R.RandomSampler;
export type SubsetRandomSampler = R.SubsetRandomSampler;
export type BatchSampler = R.BatchSampler;
export type DataLoader<T = unknown> = R.DataLoader<T>;
