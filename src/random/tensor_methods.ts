// The Tensor in-place random fills (uniform_, normal_, random_, bernoulli_, exponential_) and
// Tensor.bernoulli, installed on Tensor.prototype when this module loads.
import { bind } from '../args.js';
import { Tensor } from '../tensor.js';
import { checkInplace } from '../ops/_inplace.js';
import { gen, type Generator } from './generator.js';
import { bernoulliWrite, exponentialWrite, normalWrite, randomFromToWrite, randomFullWrite, uniformWrite } from './distributions.js';
import { bernoulli } from './functions.js';

/**
 * Shared by the in-place fills: PyTorch's leaf check, the write (into a dense temporary that is
 * copied through the strides when self is a strided view), the version bump.
 */
function fillInplace(self: Tensor, write: (t: Tensor) => void): Tensor {
  checkInplace(self);
  if (self._contig) write(self);
  else {
    const tmp = new Tensor(self._data, self._shape, self.dtype);
    write(tmp);
    self._writeDense(tmp._data);
  }
  self._bump();
  return self;
}

declare module '../tensor.js' {
  interface Tensor {
    /** Fills with U(from, to) in place. */
    uniform_(from?: number, to?: number, opts?: { generator?: Generator }): Tensor;
    /** Fills with N(mean, std) in place. */
    normal_(mean?: number, std?: number, opts?: { generator?: Generator }): Tensor;
    /** Fills with integers in [from, to) (or the dtype's range) in place. */
    random_(from?: number, to?: number, opts?: { generator?: Generator }): Tensor;
    /** Fills with Bernoulli(p) draws in place (p a number or a broadcastable tensor). */
    bernoulli_(p?: number | Tensor, opts?: { generator?: Generator }): Tensor;
    /** torch.bernoulli(self, p?) */
    bernoulli(p?: number | { generator?: Generator }, opts?: { generator?: Generator }): Tensor;
    /** Fills with Exponential(lambd) draws in place. */
    exponential_(lambd?: number, opts?: { generator?: Generator }): Tensor;
  }
}

type GenOpt = { generator?: Generator };
Tensor.prototype.uniform_ = function (this: Tensor, ...args: unknown[]) {
  const a = bind<{ from: number; to: number } & GenOpt>(['from', 'to'], args, { from: 0, to: 1 });
  return fillInplace(this, (t) => uniformWrite(t, a.from, a.to, gen(a)));
};
Tensor.prototype.normal_ = function (this: Tensor, ...args: unknown[]) {
  const a = bind<{ mean: number; std: number } & GenOpt>(['mean', 'std'], args, { mean: 0, std: 1 });
  return fillInplace(this, (t) => normalWrite(t, a.mean, a.std, gen(a)));
};
Tensor.prototype.random_ = function (this: Tensor, ...args: unknown[]) {
  const a = bind<{ from?: number; to?: number } & GenOpt>(['from', 'to'], args);
  return fillInplace(this, (t) => {
    if (a.from === undefined) randomFullWrite(t, gen(a));
    else if (a.to === undefined) randomFromToWrite(t, 0, a.from, gen(a)); // random_(to)
    else randomFromToWrite(t, a.from, a.to, gen(a));
  });
};
Tensor.prototype.bernoulli_ = function (this: Tensor, ...args: unknown[]) {
  const a = bind<{ p: number | Tensor } & GenOpt>(['p'], args, { p: 0.5 });
  return fillInplace(this, (t) => bernoulliWrite(t, a.p, gen(a)));
};
Tensor.prototype.bernoulli = function (this: Tensor, p?: number | GenOpt, opts?: GenOpt) {
  return bernoulli(this, p, opts);
};
Tensor.prototype.exponential_ = function (this: Tensor, ...args: unknown[]) {
  const a = bind<{ lambd: number } & GenOpt>(['lambd'], args, { lambd: 1 });
  return fillInplace(this, (t) => exponentialWrite(t, a.lambd, gen(a)));
};
