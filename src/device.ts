// Devices: tensors live on the CPU. Naming CUDA where a tensor would be placed raises PyTorch's
// error for a build without CUDA; other device types raise what PyTorch's CPU build raises.
import { AssertionError, NotImplementedError, RuntimeError } from './errors.js';

/** PyTorch 1.13's device types, in the order its error message lists them. */
export const DEVICE_TYPES = ['cpu', 'cuda', 'ipu', 'xpu', 'mkldnn', 'opengl', 'opencl', 'ideep', 'hip', 've', 'fpga', 'ort', 'xla', 'lazy', 'vulkan', 'mps', 'meta', 'hpu', 'privateuseone'];

/** A device as PyTorch accepts it: 'cpu', 'cuda:0', torch.device(...), a CUDA ordinal. */
export type DeviceLike = string | number | { type: string; index?: number | null } | null | undefined;

/** Whether `s` names a device ('cpu', 'cuda:1'), as opposed to a dtype name ('float64'). */
export const isDeviceString = (s: unknown): s is string => typeof s === 'string' && DEVICE_TYPES.includes(s.split(':')[0]);

/** The device an argument of x.to()/model.to() names, if any: a device string, torch.device or { device }. */
export function deviceIn(arg: unknown): DeviceLike {
  if (isDeviceString(arg)) return arg;
  if (arg && typeof arg === 'object') {
    const o = arg as { type?: unknown; device?: DeviceLike; index?: unknown };
    if (typeof o.type === 'string' && 'index' in o) return o as DeviceLike;
    if ('device' in o) return o.device;
  }
  return undefined;
}

/** Throws PyTorch's error unless `device` is the CPU (null/undefined mean the default, the CPU). */
export function checkDevice(device: DeviceLike): void {
  if (device === null || device === undefined) return;
  const type = typeof device === 'number' ? 'cuda' : typeof device === 'string' ? device.split(':')[0] : device.type;
  if (type === 'cpu') return;
  if (type === 'cuda') throw new AssertionError('Torch not compiled with CUDA enabled');
  if (typeof device === 'string' && !/^[a-z]+(:\d+)?$/.test(device)) throw new RuntimeError(`Invalid device string: '${device}'`);
  throw new NotImplementedError(`Could not run 'aten::empty.memory_format' with arguments from the '${type.toUpperCase()}' backend.`);
}

/** torch.device (torchlike/device.ts makes it callable without `new`); x.device is one. */
export class Device {
  readonly type: string;
  readonly index: number | null;
  constructor(spec: string | Device | { type: string; index?: number | null }, index?: number) {
    if (typeof spec !== 'string') {
      this.type = spec.type;
      this.index = spec.index ?? null;
      return;
    }
    if (spec === '') throw new RuntimeError('Device string must not be empty');
    const m = /^([a-z]+)(?::(\d+))?$/.exec(spec);
    const type = /^[a-z]+/.exec(spec)?.[0] ?? '';
    if (!DEVICE_TYPES.includes(type))
      throw new RuntimeError(`Expected one of ${DEVICE_TYPES.join(', ')} device type at start of device string: ${spec}`);
    if (!m) throw new RuntimeError(`Invalid device string: '${spec}'`);
    this.type = type;
    this.index = m[2] !== undefined ? Number(m[2]) : (index ?? null);
  }
  toString(): string {
    return this.index === null ? this.type : `${this.type}:${this.index}`;
  }
}


/** The device of every tensor. */
export const CPU = new Device('cpu');
