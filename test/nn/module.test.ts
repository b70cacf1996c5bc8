// nn.Module mechanics against PyTorch: registration through class fields and assignments,
// state_dict keys and order, load_state_dict errors, reprs, hooks, modes, containers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as torch from '../../torchlike/index.js';
import { nn } from '../../torchlike/index.js';
import type { Tensor } from '../../torchlike/index.js';

const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/nn_layers.json', import.meta.url)), 'utf8'));

/** Buffers like BatchNorm's, one non-persistent (same as the generator's BN). */
class BN extends nn.Module {
  weight: nn.Parameter;
  constructor(n: number) {
    super();
    this.weight = new nn.Parameter(torch.ones(n));
    this.register_buffer('running_mean', torch.zeros(n));
    this.register_buffer('num_batches_tracked', torch.tensor(0));
    this.register_buffer('scratch', torch.zeros(1), false);
  }
}

/** The generator's Net, written with class fields. */
class Net extends nn.Module {
  fc1 = new nn.Linear(4, 8);
  bn = new BN(8);
  layers = new nn.ModuleList([new nn.Linear(8, 8), new nn.ReLU(), new nn.Linear(8, 8)]);
  head = new nn.Sequential(new Map<string, nn.Module>([['conv', new nn.Linear(8, 3)], ['act', new nn.Tanh()]]));
  scale = new nn.Parameter(torch.ones(1));
  shared = this.fc1;
  override forward(x: Tensor): Tensor {
    return x;
  }
}

describe('registration and traversal', () => {
  const net = new Net();
  it('state_dict keys in PyTorch order', () => {
    expect(Object.keys(net.state_dict())).toEqual(fx.state_keys.state_dict);
  });
  it('named_parameters (shared once), named_buffers, named_modules, named_children', () => {
    expect(net.named_parameters().map(([n]) => n)).toEqual(fx.state_keys.named_parameters);
    expect(net.named_buffers().map(([n]) => n)).toEqual(fx.state_keys.named_buffers);
    expect(net.named_modules().map(([n]) => n)).toEqual(fx.state_keys.named_modules);
    expect(net.named_children().map(([n]) => n)).toEqual(fx.state_keys.named_children);
    expect(net.parameters().length).toBe(fx.state_keys.parameters_count);
    expect(net.children().length).toBe(4);
    expect(net.modules().length).toBe(fx.state_keys.named_modules.length);
  });
  it('registered members read back as properties; non-recursive listing', () => {
    expect(net.fc1).toBeInstanceOf(nn.Linear);
    expect(net.shared).toBe(net.fc1);
    expect((net.bn as any).running_mean.shape).toEqual([8]);
    expect(net.parameters(false)).toHaveLength(1);
    expect(net.parameters(false)[0]).toBe(net.scale);
    expect(net.named_parameters({ prefix: 'm', recurse: false }).map(([n]) => n)).toEqual(['m.scale']);
    expect('fc1' in net).toBe(true);
    expect(net.get_submodule('layers.2')).toBe(net.layers.get(2));
    expect(net.get_parameter('head.conv.bias')).toBe((net.head.get(0) as nn.Linear).bias);
  });
  it('state_dict values are detached and share memory', () => {
    const sd = net.state_dict();
    expect(sd['fc1.weight'].requires_grad).toBe(false);
    expect(sd['fc1.weight'].numpy()).toBe(net.fc1.weight.detach().numpy());
    expect(net.state_dict({ keep_vars: true })['fc1.weight']).toBe(net.fc1.weight);
  });
  it('reassigning and deleting route like __setattr__/__delattr__', () => {
    const m = new nn.Linear(2, 2);
    m.bias = null;
    expect(m.bias).toBe(null);
    expect(Object.keys(m.state_dict())).toEqual(['weight']);
    expect(() => ((m as any).weight = torch.zeros(2, 2))).toThrow(fx.errors.assign_param);
    const seq = new nn.Sequential(new nn.ReLU());
    (seq as any).extra = new nn.Tanh();
    expect(seq.named_children().map(([n]) => n)).toEqual(['0', 'extra']);
    delete (seq as any).extra;
    expect(seq.__len__()).toBe(1);
    // A plain tensor attribute is not a buffer (as in PyTorch); assigning to a buffer name replaces it.
    (m as any).plain = torch.zeros(1);
    expect(m.buffers()).toEqual([]);
    m.register_buffer('buf', torch.zeros(1));
    (m as any).buf = torch.ones(2);
    expect(m.buffers()[0].shape).toEqual([2]);
  });
  it('registration errors', () => {
    const m = new nn.Module();
    expect(() => m.register_parameter('a.b', new nn.Parameter(torch.ones(1)))).toThrow(`parameter name can't contain "."`);
    expect(() => m.register_buffer('', torch.ones(1))).toThrow(`buffer name can't be empty string ""`);
    expect(() => m.add_module('train', new nn.ReLU())).toThrow(`attribute 'train' already exists`);
    expect(() => m.register_parameter('w', torch.ones(1) as any)).toThrow(
      "cannot assign 'torch.FloatTensor' object to parameter 'w' (torch.nn.Parameter or None required)",
    );
  });
});

describe('callable modules and hooks', () => {
  it('model(x) runs forward; a module without forward raises PyTorch error', () => {
    const fc = new nn.Linear(4, 3);
    const x = torch.ones(2, 4);
    expect(fc(x).shape).toEqual([2, 3]);
    expect(fc.__call__(x).shape).toEqual([2, 3]);
    expect(typeof fc).toBe('function');
    expect(fc).toBeInstanceOf(nn.Module);
    expect(() => new nn.Module()(1)).toThrow(fx.errors.forward_missing);
  });
  it('forward pre-hooks replace inputs, forward hooks replace outputs, handles remove', () => {
    const id = new nn.Identity();
    const x = torch.tensor([1, 2], { dtype: torch.float32 });
    const calls: string[] = [];
    const h1 = id.register_forward_pre_hook((_m, args) => {
      calls.push('pre');
      return (args[0] as Tensor).mul(2);
    });
    const h2 = id.register_forward_hook((_m, _args, out) => {
      calls.push('post');
      return out.add(1);
    });
    expect(id(x).tolist()).toEqual([3, 5]);
    expect(calls).toEqual(['pre', 'post']);
    h1.remove();
    h2.remove();
    expect(id(x).tolist()).toEqual([1, 2]);
  });
});

describe('a renamed subclass works like any other', () => {
  it('any class name, class expressions, subclass of subclass, fields named like function props', () => {
    const Renamed = class Totally_Different_Name extends nn.Module {
      // `override`: the callable Module type carries Function's name/length.
      override name = 'a plain attribute';
      override length = 3;
      body = new nn.Sequential(new nn.Linear(2, 2));
      override forward(x: Tensor) {
        return this.body(x);
      }
    };
    class Deeper extends Renamed {
      extra = new nn.Linear(2, 1);
      override forward(x: Tensor) {
        return this.extra(super.forward(x));
      }
    }
    const m = new Deeper();
    expect(m._get_name()).toBe('Deeper');
    expect(new Renamed()._get_name()).toBe('Totally_Different_Name');
    expect(m.name).toBe('a plain attribute');
    expect(m.length).toBe(3);
    expect(Object.keys(m.state_dict())).toEqual(['body.0.weight', 'body.0.bias', 'extra.weight', 'extra.bias']);
    expect(m(torch.ones(4, 2)).shape).toEqual([4, 1]);
    expect(m.toString()).toBe(
      'Deeper(\n  (body): Sequential(\n    (0): Linear(in_features=2, out_features=2, bias=True)\n  )\n  (extra): Linear(in_features=2, out_features=1, bias=True)\n)',
    );
    // Private fields and accessors work on the callable proxy.
    class WithPrivate extends nn.Module {
      #calls = 0;
      fc = new nn.Linear(1, 1);
      get calls() {
        return this.#calls;
      }
      override forward(x: Tensor) {
        this.#calls++;
        return this.fc(x);
      }
    }
    const w = new WithPrivate();
    w(torch.ones(1, 1));
    expect(w.calls).toBe(1);
  });
});

describe('state loading', () => {
  it('load_state_dict copies in place and reports keys', () => {
    const a = new Net();
    const b = new Net();
    const w = b.fc1.weight;
    expect(b.load_state_dict(a.state_dict())).toEqual({ missing_keys: [], unexpected_keys: [] });
    expect(b.fc1.weight).toBe(w);
    expect(w.tolist()).toEqual(a.fc1.weight.tolist());
    expect(w.requires_grad).toBe(true);
    expect(w._version).toBeGreaterThan(0);
  });
  it("PyTorch's error text", () => {
    class Small extends nn.Module {
      fc = new nn.Linear(2, 2);
    }
    expect(() => new Small().load_state_dict({ 'fc.weight': torch.zeros(3, 2), x: torch.zeros(1) })).toThrow(fx.errors.load_state_dict);
    const r = new Small().load_state_dict(new Map([['fc.weight', torch.zeros(2, 2)], ['y.z', torch.zeros(1)]]), false);
    expect(r).toEqual({ missing_keys: fx.errors.load_nonstrict_keys.missing, unexpected_keys: fx.errors.load_nonstrict_keys.unexpected });
  });
});

describe('modes, grads, conversions', () => {
  it('train/eval reach every submodule', () => {
    const net = new Net();
    expect(net.training).toBe(true);
    net.eval();
    expect(net.modules().every((m) => !m.training)).toBe(true);
    net.train();
    expect(net.layers.get(1).training).toBe(true);
  });
  it('zero_grad sets to null by default, zeroes with set_to_none=false; requires_grad_', () => {
    const fc = new nn.Linear(3, 2);
    fc(torch.ones(1, 3)).sum().backward();
    expect(fc.weight.grad).not.toBe(null);
    fc.zero_grad(false);
    expect(fc.weight.grad!.tolist()).toEqual([[0, 0, 0], [0, 0, 0]]);
    fc.zero_grad();
    expect(fc.weight.grad).toBe(null);
    fc.requires_grad_(false);
    expect(fc.parameters().every((p) => !p.requires_grad)).toBe(true);
  });
  it('to(float64)/double()/float() keep Parameter objects; integer buffers stay integer', () => {
    const net = new Net();
    const w = net.fc1.weight;
    net.to(torch.float64);
    expect(net.fc1.weight).toBe(w);
    expect(w.dtype).toBe(torch.float64);
    expect(w).toBeInstanceOf(nn.Parameter);
    expect(net.state_dict()['bn.num_batches_tracked'].dtype).toBe(torch.int64);
    expect(net.state_dict()['bn.running_mean'].dtype).toBe(torch.float64);
    net.float();
    expect(w.dtype).toBe(torch.float32);
    net.double();
    expect(net.fc1(torch.ones(1, 4, { dtype: torch.float64 })).dtype).toBe(torch.float64);
    expect(net.to('cpu')).toBe(net);
  });
  it('apply visits children first, then the module', () => {
    const seen: string[] = [];
    new nn.Sequential(new nn.Linear(1, 1), new nn.ReLU()).apply((m) => seen.push(m._get_name()));
    expect(seen).toEqual(['Linear', 'ReLU', 'Sequential']);
  });
  it('Parameter: a Tensor sharing memory, requiring grad', () => {
    const t = torch.ones(2);
    const p = new nn.Parameter(t);
    expect(p).toBeInstanceOf(nn.Parameter);
    expect(p).toBeInstanceOf(torch.Tensor);
    expect(p.requires_grad).toBe(true);
    expect(p.numpy.call(p.detach())).toBe(t.numpy());
    expect(new nn.Parameter(t, false).requires_grad).toBe(false);
  });
});

describe('reprs match PyTorch', () => {
  it('module trees', () => {
    expect(new Net().toString()).toBe(fx.reprs.Net);
    expect(new nn.Linear(2, 3).toString()).toBe(fx.reprs.Linear);
    expect(new nn.Linear(2, 3, false).toString()).toBe(fx.reprs.Linear_nobias);
    expect(new nn.Bilinear(2, 3, 4).toString()).toBe(fx.reprs.Bilinear);
    expect(new nn.Sequential(new nn.Linear(2, 3), new nn.ReLU(), new nn.Dropout(0.25)).toString()).toBe(fx.reprs.Sequential);
    expect(new nn.ModuleDict({ a: new nn.Identity(), b: new nn.Sigmoid() }).toString()).toBe(fx.reprs.ModuleDict);
    expect(new nn.Sequential().toString()).toBe(fx.reprs.Empty);
    expect(inspect(new nn.Linear(2, 3))).toBe(fx.reprs.Linear); // console.log(model)
    expect(`${new nn.Linear(2, 3)}`).toBe(fx.reprs.Linear);
  });
  it('layers', () => {
    const ms = [
      new nn.ReLU(), new nn.ReLU(true), new nn.ReLU6(), new nn.LeakyReLU(), new nn.LeakyReLU(0.2, true), new nn.PReLU(), new nn.PReLU(3),
      new nn.ELU(), new nn.CELU(0.5), new nn.SELU(), new nn.GELU(), new nn.GELU({ approximate: 'tanh' }), new nn.SiLU(), new nn.Mish(), new nn.Softplus(),
      new nn.Softplus(2, 10), new nn.Hardtanh(), new nn.Hardtanh(-2.5, 2.5), new nn.Hardswish(), new nn.Hardsigmoid(), new nn.Tanh(), new nn.Sigmoid(),
      new nn.Softmax(1), new nn.Softmax(), new nn.LogSoftmax(-1), new nn.Softmin(0), new nn.Flatten(), new nn.Flatten(0, 2),
      new nn.Unflatten(1, [2, 5]), new nn.Dropout(), new nn.Dropout(0.1, true), new nn.Dropout2d(0.2), new nn.Identity(),
      new nn.Embedding(10, 3), new nn.Embedding(10, 3, { padding_idx: 0, max_norm: 1.5 }),
    ];
    expect(ms.map(String)).toEqual(fx.reprs.activations);
  });
});

describe('containers', () => {
  it('Sequential: indexing, negative indices, slicing keeps keys, append/insert/pop, iteration', () => {
    const a = new nn.Linear(2, 3);
    const b = new nn.ReLU();
    const c = new nn.Linear(3, 1);
    const seq = new nn.Sequential(a, b, c);
    expect(seq[0]).toBe(a);
    expect((seq as any)[-1]).toBe(c);
    expect(seq.get(-2)).toBe(b);
    expect(seq.__len__()).toBe(3);
    expect([...seq]).toEqual([a, b, c]);
    expect(seq.slice(1).named_children().map(([n]) => n)).toEqual(['1', '2']);
    expect(seq(torch.ones(5, 2)).shape).toEqual([5, 1]);
    seq.append(new nn.Sigmoid());
    expect(Object.keys(seq.state_dict())).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
    expect(seq.pop(1)).toBe(b);
    expect(seq.named_children().map(([n]) => n)).toEqual(['0', '1', '2']);
    expect(() => seq.get(5)).toThrow('index 5 is out of range');
    (seq as any)[0] = new nn.Identity();
    expect(seq[0]).toBeInstanceOf(nn.Identity);
  });
  it('ModuleList: append, extend, insert, delete, iteration; parameters registered', () => {
    const ml = new nn.ModuleList();
    ml.append(new nn.Linear(1, 1)).extend([new nn.Tanh(), new nn.Linear(1, 2)]);
    ml.insert(1, new nn.ReLU());
    expect([...ml].map((m) => m._get_name())).toEqual(['Linear', 'ReLU', 'Tanh', 'Linear']);
    expect(ml.__len__()).toBe(4);
    ml.__delitem__(0);
    expect(ml.named_children().map(([n]) => n)).toEqual(['0', '1', '2']);
    expect(ml.parameters().length).toBe(2);
    expect(() => ml(1)).toThrow('Module [ModuleList] is missing the required "forward" function');
  });
  it('ModuleDict and ParameterList/ParameterDict', () => {
    const md = new nn.ModuleDict({ b: new nn.ReLU(), a: new nn.Linear(1, 1) });
    expect(md.keys()).toEqual(['b', 'a']);
    expect(md.get('a')).toBe((md as any).a);
    expect([...md]).toEqual(['b', 'a']);
    expect(Object.keys(md.state_dict())).toEqual(['a.weight', 'a.bias']);
    const pl = new nn.ParameterList([torch.ones(2), new nn.Parameter(torch.zeros(3))]);
    expect(pl.get(0)).toBeInstanceOf(nn.Parameter);
    expect(Object.keys(pl.state_dict())).toEqual(['0', '1']);
    const pd = new nn.ParameterDict({ w: torch.ones(2) });
    expect(pd.named_parameters().map(([n]) => n)).toEqual(['w']);
  });
});
