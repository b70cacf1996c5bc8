// torch.autograd
export { backward, grad } from './engine.js';
export { no_grad, enable_grad, set_grad_enabled, is_grad_enabled } from './grad_mode.js';
