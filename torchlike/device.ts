// torch.device: a device name; tensors live on 'cpu' only (using 'cuda' raises PyTorch's error).
import { callable } from '../src/callable.js';
import { Device } from '../src/device.js';

/**
 * torch.device(type, index?): callable with or without `new`, as in Python.
 * @example
 * const device = torch.device('cpu');
 * x.to(device); model.to(device);
 */
export const device = callable(Device);
export type device = Device;
