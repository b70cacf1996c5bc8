// Everything torch.utils.data exports, before keyword binding (index.ts).
export { Dataset, IterableDataset, TensorDataset, Subset, ConcatDataset, random_split, len } from './dataset.js';
export { Sampler, SequentialSampler, RandomSampler, SubsetRandomSampler, BatchSampler } from './sampler.js';
export { default_collate, default_convert } from './collate.js';
export { DataLoader } from './dataloader.js';
