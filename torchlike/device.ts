// torch.device: a device name; tensors live on 'cpu' only (using 'cuda' raises PyTorch's error).
import { callable } from '../src/callable.js';
import { DEVICE_TYPES as TYPES } from '../src/device.js';
import { RuntimeError } from '../src/errors.js';

class DeviceImpl {
  readonly type: string;
  readonly index: number | null;
  constructor(spec: string | DeviceImpl | { type: string; index?: number | null }, index?: number) {
    if (typeof spec !== 'string') {
      this.type = spec.type;
      this.index = spec.index ?? null;
      return;
    }
    if (spec === '') throw new RuntimeError('Device string must not be empty');
    const m = /^([a-z]+)(?::(\d+))?$/.exec(spec);
    const type = /^[a-z]+/.exec(spec)?.[0] ?? '';
    if (!TYPES.includes(type))
      throw new RuntimeError(`Expected one of ${TYPES.join(', ')} device type at start of device string: ${spec}`);
    if (!m) throw new RuntimeError(`Invalid device string: '${spec}'`);
    this.type = type;
    this.index = m[2] !== undefined ? Number(m[2]) : (index ?? null);
  }
  toString(): string {
    return this.index === null ? this.type : `${this.type}:${this.index}`;
  }
}

/**
 * torch.device(type, index?): callable with or without `new`, as in Python.
 * @example
 * const device = torch.device('cpu');
 * x.to(device); model.to(device);
 */
export const device = callable(DeviceImpl);
export type device = DeviceImpl;
