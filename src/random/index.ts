// Random number generation, bit-for-bit like PyTorch 1.13's CPU generator: the same mt19937 stream,
// the same transformations (ATen's DistributionsHelper.h / TransformationHelper.h) and the same
// kernels (native/cpu/DistributionTemplates.h), so torch.manual_seed(0) gives PyTorch's numbers.
// Importing this module also installs the Tensor in-place fills (uniform_, normal_, ...).
import './tensor_methods.js';

export { Generator, default_generator, get_rng_state, initial_seed, manual_seed, seed, set_rng_state } from './generator.js';
export {
  type RandomOptions, bernoulli, normal, rand, rand_like, randint, randint_like, randn, randn_like, randperm,
} from './functions.js';
export { multinomial } from './multinomial.js';
