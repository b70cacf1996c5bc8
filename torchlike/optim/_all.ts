// Every optimizer, before keyword binding (index.ts).
export { Optimizer } from './optimizer.js';
export { SGD } from './sgd.js';
export { Adam } from './adam.js';
export { AdamW } from './adamw.js';
export { RMSprop } from './rmsprop.js';
export { Adagrad } from './adagrad.js';
export { Adadelta } from './adadelta.js';
