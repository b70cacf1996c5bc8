// PyTorch's own checkpoint format.
export { load, save, LoadError } from './serialization.js';
export { tuple } from './pickle.js';
