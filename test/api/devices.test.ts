// Porting slips from pytorch/examples (issue 7): callable classes, devices, Parameter's requires_grad.
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import { nn } from '../../torchlike/index.js';

const cudaError = (f: () => unknown) => {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(Error);
  expect((err as Error).name).toBe('AssertionError');
  expect((err as Error).message).toBe('Torch not compiled with CUDA enabled');
};

describe('classes Python calls like functions (API.md rule 3)', () => {
  it('torch.device with and without new', () => {
    const a = torch.device('cpu');
    const b = new torch.device('cpu');
    expect(a).toBeInstanceOf(torch.device);
    expect(b).toBeInstanceOf(torch.device);
    expect([a.type, a.index, String(a)]).toEqual(['cpu', null, 'cpu']);
    expect(String(torch.device('cuda:1'))).toBe('cuda:1');
    expect(String(torch.device('cpu', 0))).toBe('cpu:0');
    expect(() => torch.device('')).toThrow('Device string must not be empty');
    expect(() => torch.device('cpu:x')).toThrow("Invalid device string: 'cpu:x'");
    expect(() => torch.device('CPU')).toThrow(/^Expected one of cpu, cuda, .* device type at start of device string: CPU$/);
  });
  it('torch.Size with and without new is an array shape', () => {
    const s = torch.Size([2, 3]);
    expect(s).toBeInstanceOf(torch.Size);
    expect(new torch.Size([2, 3])).toBeInstanceOf(torch.Size);
    expect(Array.isArray(s)).toBe(true);
    expect([...s]).toEqual([2, 3]);
    expect(s.numel()).toBe(6);
    expect(String(s)).toBe('torch.Size([2, 3])');
    expect(torch.zeros(s).shape).toEqual([2, 3]);
    expect(s.map((v) => v * 2)).toEqual([4, 6]);
    expect(() => torch.Size([1.5])).toThrow("torch.Size() takes an iterable of 'int' (item 0 is 'float')");
  });
  it('torch.Generator with and without new', () => {
    const g = torch.Generator().manual_seed(3);
    const h = new torch.Generator().manual_seed(3);
    expect(g).toBeInstanceOf(torch.Generator);
    expect(torch.rand(4, { generator: g }).tolist()).toEqual(torch.rand(4, { generator: h }).tolist());
    expect(torch.default_generator).toBeInstanceOf(torch.Generator);
  });
});

describe('devices', () => {
  it('x.cpu() is x; cuda raises PyTorch\'s AssertionError', () => {
    const x = torch.ones(2);
    expect(x.cpu()).toBe(x);
    cudaError(() => x.cuda());
    cudaError(() => x.cuda(0));
    expect(torch.cuda.is_available()).toBe(false);
    expect(torch.cuda.device_count()).toBe(0);
    cudaError(() => torch.cuda.current_device());
  });
  it("x.to(<cuda>), { device: 'cuda' } in factories and layers raise; the CPU passes", () => {
    const x = torch.ones(2);
    cudaError(() => x.to('cuda'));
    cudaError(() => x.to('cuda:0'));
    cudaError(() => x.to(torch.device('cuda')));
    cudaError(() => x.to({ device: 'cuda' }));
    expect(x.to(torch.device('cpu'))).toBe(x);
    expect(x.to('cpu')).toBe(x);
    expect(x.to({ dtype: torch.float64 }).dtype).toBe(torch.float64);
    cudaError(() => torch.zeros(2, { device: 'cuda' }));
    cudaError(() => torch.tensor([1], { device: torch.device('cuda') }));
    cudaError(() => torch.randn(2, { device: 'cuda' }));
    cudaError(() => torch.zeros_like(x, { device: 'cuda' }));
    cudaError(() => new nn.Linear(2, 2, { device: 'cuda' }));
    expect(torch.zeros(2, { device: torch.device('cpu') }).tolist()).toEqual([0, 0]);
    expect(() => torch.zeros(2, { device: 'mps' })).toThrow("Could not run 'aten::empty.memory_format' with arguments from the 'MPS' backend.");
  });
  it('model.to(<cuda>) and model.cuda() raise for a module with tensors, return a module without any', () => {
    // Module.to's declared parameter type (module.ts) does not list torch.device yet
    const dev = (s: string) => torch.device(s) as unknown as string;
    cudaError(() => new nn.Linear(2, 2).to('cuda'));
    cudaError(() => new nn.Linear(2, 2).to(dev('cuda')));
    const m = new nn.Linear(2, 2);
    expect(m.to(dev('cpu'))).toBe(m);
    expect(m.to('cpu')).toBe(m);
    const relu = new nn.ReLU();
    expect(relu.to('cuda')).toBe(relu);
  });
  it('model.cuda() raises for a module with tensors, returns a module without any', () => {
    cudaError(() => new nn.Linear(2, 2).cuda());
    const r = new nn.ReLU();
    expect(r.cuda()).toBe(r);
    const m = new nn.Linear(2, 2);
    expect(m.cpu()).toBe(m);
  });
});

describe('nn.Parameter', () => {
  it('requires_grad positional or by keyword', () => {
    const t = torch.ones(2);
    expect(new nn.Parameter(t).requires_grad).toBe(true);
    expect(new nn.Parameter(t, false).requires_grad).toBe(false);
    expect(new nn.Parameter(t, { requires_grad: false }).requires_grad).toBe(false);
    expect(new nn.Parameter({ data: t, requires_grad: false }).requires_grad).toBe(false);
    expect(new nn.Parameter({ data: t }).requires_grad).toBe(true);
    expect(new nn.Parameter({ data: t }).tolist()).toEqual([1, 1]);
  });
});

describe('Tensor.to: PyTorch\'s overloads', () => {
  it('(dtype, non_blocking, copy), (device, dtype, ...), (other), and an options object', () => {
    const x = torch.ones(2);
    expect(x.to('cpu', torch.float64).dtype).toBe(torch.float64);
    expect(x.to(torch.device('cpu'), torch.int64).dtype).toBe(torch.int64);
    expect(x.to(torch.float64, false, true).dtype).toBe(torch.float64);
    expect(x.to({ dtype: torch.float64 }).dtype).toBe(torch.float64);
    expect(x.to('float64').dtype).toBe(torch.float64);
    expect(x.to(torch.zeros(1, { dtype: torch.int32 })).dtype).toBe(torch.int32);
    expect(x.to(torch.float32) === x).toBe(true);
    expect(x.to(torch.float32, { copy: true }) === x).toBe(false);
    expect(x.to(torch.float32, false, true) === x).toBe(false);
    expect(() => x.to('cuda', torch.float64)).toThrow('Torch not compiled with CUDA enabled');
  });
  it('x.device is a torch.device', () => {
    const x = torch.ones(2);
    expect(x.device instanceof torch.device).toBe(true);
    expect([String(x.device), x.device.type]).toEqual(['cpu', 'cpu']);
  });
});

describe('Module.to: PyTorch\'s overloads', () => {
  it('(device, dtype), (dtype), (tensor), keywords, torch.device', () => {
    const m = new nn.Linear(2, 2);
    expect(m.to('cpu', torch.float64).weight.dtype).toBe(torch.float64);
    expect(m.to(torch.device('cpu')).weight.dtype).toBe(torch.float64);
    expect(m.to(torch.float32).weight.dtype).toBe(torch.float32);
    expect(m.to({ dtype: torch.float64 }).weight.dtype).toBe(torch.float64);
    expect(m.to(torch.zeros(1, { dtype: torch.float32 })).weight.dtype).toBe(torch.float32);
    expect(() => m.to(torch.device('cuda'))).toThrow('Torch not compiled with CUDA enabled');
  });
});
